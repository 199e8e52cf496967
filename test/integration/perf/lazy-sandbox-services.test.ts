/**
 * The sandbox transfer, the Flow Runner, the previews and the Token Inspector
 * (`app/sandbox-services.ts`) are left out of a start and built by `services.loadSandbox()`, which
 * the `/api` build awaits: reading them before throws, the first sandbox request is answered,
 * concurrent loads share one build, and a failed build (here it throws once) answers its request 500
 * and is not kept: the next request builds them again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import type * as SandboxServices from '../../../src-main/app/sandbox-services.js';

const builds = vi.hoisted(() => ({ failNext: false, attempts: 0 }));

vi.mock('../../../src-main/app/sandbox-services.js', async (importActual) => {
  const actual = await importActual<typeof SandboxServices>();
  return {
    ...actual,
    buildSandboxServices: (...args: Parameters<typeof actual.buildSandboxServices>) => {
      builds.attempts += 1;
      if (builds.failNext) {
        builds.failNext = false;
        throw new Error('the sandbox services failed to build');
      }
      return actual.buildSandboxServices(...args);
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

describe('the sandbox services', () => {
  it('are not built by a start, and reading them before they are loaded throws', async () => {
    expect((await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`)).status).toBe(200);
    expect(builds.attempts).toBe(0);
    expect(() => t.app.services.sandbox).toThrow(/not loaded yet/);
    expect(() => t.app.services.flowRuns).toThrow(/not loaded yet/);
    expect(() => t.app.services.previews).toThrow(/not loaded yet/);
    expect(() => t.app.services.inspector).toThrow(/not loaded yet/);
  });

  it('fail their first /api build with a 500, and the next request builds them and is answered', async () => {
    builds.failNext = true;
    const failed = await t.api('/api/sandbox/v1/export');
    expect(failed.status).toBe(500);
    expect(builds.attempts).toBe(1);
    const answered = await t.api('/api/sandbox/v1/export');
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { kind: string }).kind).toBe('authbox-sandbox');
    expect(builds.attempts).toBe(2);
    expect(t.app.services.sandbox.hasDemo()).toBe(false);
  });

  it('load once for concurrent callers', async () => {
    await Promise.all([t.app.services.loadSandbox(), t.app.services.loadSandbox()]);
    expect(builds.attempts).toBe(2);
    expect(t.app.services.flowRuns).toBeDefined();
    expect(t.app.services.previews).toBeDefined();
    expect(t.app.services.inspector).toBeDefined();
  });
});
