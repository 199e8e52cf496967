import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

const doc = (servers: unknown[]) => JSON.stringify({ kind: 'authbox-sandbox', version: 1, servers });

describe('sandbox slice', () => {
  it('exports the document as the stable text the server writes (two spaces, final newline)', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().exportSandbox({ serverId: 'default', withKeys: true });
    expect(outcome.ok && outcome.text.endsWith('}\n')).toBe(true);
    expect(outcome.ok && outcome.text).toContain('\n  "kind": "authbox-sandbox"');
    expect(api.calls).toEqual(['exportSandbox {"serverId":"default","withKeys":"true"}']);
  });

  it('checks without writing, then imports and loads the server list again', async () => {
    const { store, api } = setup();
    const text = doc([{ id: 'ausNew', name: 'New', audiences: ['api://new'] }]);
    const checked = await store.getState().checkImport(text, 'merge');
    expect(checked).toMatchObject({ ok: true, summary: { applied: false, create: { servers: 1 } } });
    expect(api.servers.has('ausNew')).toBe(false);
    const applied = await store.getState().applyImport(text, 'merge');
    expect(applied).toMatchObject({ ok: true, summary: { applied: true } });
    expect(store.getState().serverIds).toContain('ausNew');
    expect(api.calls).toEqual([
      'importSandbox {"mode":"merge","dryRun":"true"}',
      'importSandbox {"mode":"merge","dryRun":"false"}',
      'listServers',
    ]);
  });

  it("gives a refused document's faults with their JSON paths, and text that is not JSON without asking the server", async () => {
    const { store, api } = setup();
    expect(await store.getState().checkImport(doc([{ audiences: [] }]), 'replace')).toEqual({
      ok: false,
      faults: [
        { field: '$.servers[0].name', message: 'must be a string' },
        { field: '$.servers[0].audiences', message: 'must name one audience' },
      ],
    });
    const notJson = await store.getState().checkImport('{"kind":', 'merge');
    expect(notJson).toMatchObject({ ok: false, faults: [{ field: '$' }] });
    expect(api.calls).toHaveLength(1);
  });

  it('loads the demo once; the second time says what collides', async () => {
    const { store } = setup();
    expect(await store.getState().loadDemo()).toMatchObject({ ok: true, summary: { create: { servers: 1 } } });
    expect(store.getState().serverIds).toContain('ausDemoPets0000000001');
    expect(await store.getState().loadDemo()).toEqual({
      ok: false,
      faults: [
        {
          field: '$.servers[0].id',
          message: 'the authorization server ausDemoPets0000000001 already exists in the sandbox',
        },
      ],
    });
  });

  it('reports a failure that is not about the document', async () => {
    const { store, api } = setup();
    api.failNext = new ApiError(0, null, 'Could not reach the Authbox server');
    expect(await store.getState().applyImport(doc([]), 'merge')).toMatchObject({ ok: false, error: { status: 0 } });
  });
});
