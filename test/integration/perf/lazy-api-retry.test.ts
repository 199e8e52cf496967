/**
 * A first build of the `/api` routes that fails (here the module's build throws once) answers its
 * request with a 500 in Okta's error format, and the next `/api` request builds them again and is
 * answered: a failed build is not kept.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import type * as ApiServer from '../../../src-main/http/api-server.js';

const builds = vi.hoisted(() => ({ failNext: true, attempts: 0 }));

vi.mock('../../../src-main/http/api-server.js', async (importActual) => {
  const actual = await importActual<typeof ApiServer>();
  return {
    ...actual,
    buildApiServer: async (...args: Parameters<typeof actual.buildApiServer>) => {
      builds.attempts += 1;
      if (builds.failNext) {
        builds.failNext = false;
        throw new Error('the /api build failed');
      }
      return actual.buildApiServer(...args);
    },
  };
});

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('a failed build of the /api routes', () => {
  it('answers its request 500 and is built again by the next request', async () => {
    const failed = await t.api('/api/v1/authorizationServers');
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { errorCode: string }).errorCode).toBe('E0000009');
    const answered = await t.api('/api/v1/authorizationServers');
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { id: string }[]).map((s) => s.id)).toEqual(['default']);
    expect(builds.attempts).toBe(2);
  });
});
