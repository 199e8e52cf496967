/** What the runner's integration tests share: the runs route, posting to it, and a native app. */
import type { FlowRunDto } from '../../../src-main/contracts/flow-run.js';
import type { TestApp } from '../../support/app.js';
import { createClient } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

export const RUNS = '/api/sandbox/v1/flowRuns';

/** A POST to the sandbox API with its status and its run. */
export async function postRun(
  t: TestApp,
  path: string,
  body: unknown = {},
): Promise<{ status: number; body: FlowRunDto }> {
  const response = await t.api(path, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as FlowRunDto };
}

/** A public native app with PKCE, the code, password and refresh grants, and `settings` on top. */
export function createNativeApp(
  t: TestApp,
  label: string,
  settings: Record<string, unknown> = {},
): Promise<TestClient> {
  return createClient(t, {
    label,
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    settings: {
      application_type: 'native',
      grant_types: ['authorization_code', 'password', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['com.example:/cb'],
      ...settings,
    },
  });
}
