/**
 * The Security settings slice against a fake that answers its two routes with the server's own
 * contract: loading, saving the form's text as numbers, and the causes landing under their fields.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import type { ApiClient, CallArgs } from '../../../src-renderer/api/api-client.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { securityDraftOf } from '../../../src-renderer/state/security-slice.js';
import { routes } from '../../../src-main/contracts/routes.js';
import type { ResponseOf, RouteDef } from '../../../src-main/contracts/routes.js';
import { DEFAULT_SECURITY_SETTINGS, validateSecuritySettings } from '../../../src-main/contracts/security-settings.js';
import type { SecuritySettingsDto } from '../../../src-main/contracts/security-settings.js';

class SecurityApi implements ApiClient {
  settings: SecuritySettingsDto = { ...DEFAULT_SECURITY_SETTINGS };
  bodies: unknown[] = [];
  failNext: ApiError | undefined;

  async call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
    if ((route as RouteDef) === routes.getSecuritySettings) return { ...this.settings } as ResponseOf<R>;
    if ((route as RouteDef) === routes.replaceSecuritySettings) {
      const body = (args as unknown[])[1];
      this.bodies.push(body);
      const result = validateSecuritySettings(body);
      if (!result.ok) throw new ApiError(400, 'E0000001', 'Api validation failed: settings', result.issues);
      this.settings = result.value;
      return { ...this.settings } as ResponseOf<R>;
    }
    throw new Error(`not faked: ${route.method} ${route.path}`);
  }

  list(): never {
    throw new Error('not faked');
  }

  stream(): never {
    throw new Error('not faked');
  }
}

function setup() {
  const api = new SecurityApi();
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

describe('security slice', () => {
  it('loads the settings and saves the form text as numbers', async () => {
    const { api, store } = setup();
    await store.getState().loadSecuritySettings();
    expect(store.getState().securityLoad).toEqual({ status: 'ready' });
    const draft = securityDraftOf(store.getState().securitySettings!);
    expect(draft).toEqual({
      lockoutThreshold: '10',
      clientFreeFailures: '10',
      addressFreeFailures: '20',
      firstDelaySeconds: '1',
      maxDelaySeconds: '60',
    });
    expect(
      await store.getState().saveSecuritySettings({ ...draft, lockoutThreshold: ' 5 ', maxDelaySeconds: '120' }),
    ).toEqual({
      ok: true,
    });
    expect(api.bodies).toEqual([{ ...DEFAULT_SECURITY_SETTINGS, lockoutThreshold: 5, maxDelaySeconds: 120 }]);
    expect(store.getState().securitySettings).toMatchObject({ lockoutThreshold: 5, maxDelaySeconds: 120 });
  });

  it("puts each refused value's cause under its field: blank, not a number, out of range; then a longest delay below the first", async () => {
    const { store } = setup();
    await store.getState().loadSecuritySettings();
    const draft = securityDraftOf(store.getState().securitySettings!);
    const outcome = await store.getState().saveSecuritySettings({
      ...draft,
      lockoutThreshold: '',
      clientFreeFailures: 'ten',
      addressFreeFailures: '0',
    });
    expect(outcome).toEqual({
      ok: false,
      formError: null,
      fieldErrors: {
        lockoutThreshold: 'must be a whole number',
        clientFreeFailures: 'must be a whole number',
        addressFreeFailures: 'must be from 1 to 1000',
      },
    });
    expect(
      await store.getState().saveSecuritySettings({ ...draft, firstDelaySeconds: '30', maxDelaySeconds: '10' }),
    ).toEqual({
      ok: false,
      formError: null,
      fieldErrors: { maxDelaySeconds: 'must be at least the first delay' },
    });
    expect(store.getState().securitySettings).toEqual(DEFAULT_SECURITY_SETTINGS);
  });

  it('shows a failed load, and a failure that names no field above the form', async () => {
    const { api, store } = setup();
    api.failNext = new ApiError(0, null, 'Could not reach the Authbox server');
    await store.getState().loadSecuritySettings();
    expect(store.getState().securityLoad).toMatchObject({ status: 'error', error: { status: 0 } });
    api.failNext = new ApiError(503, 'E0000010', 'Service is temporarily unavailable');
    expect(await store.getState().saveSecuritySettings(securityDraftOf(DEFAULT_SECURITY_SETTINGS))).toEqual({
      ok: false,
      fieldErrors: {},
      formError: 'Service is temporarily unavailable',
    });
  });
});
