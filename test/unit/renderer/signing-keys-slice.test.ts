import { describe, expect, it } from 'vitest';
import { sortKeys } from '../../../src-renderer/state/signing-keys-slice.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, keyDto } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

describe('signing keys slice', () => {
  it('loads a server’s keys, ACTIVE first', async () => {
    const { store, api } = setup();
    api.keys.set('default', [keyDto('n', 'NEXT'), keyDto('x', 'EXPIRED'), keyDto('a', 'ACTIVE')]);
    await store.getState().loadSigningKeys('default');
    const entry = store.getState().signingKeys['default'];
    expect(entry?.load.status).toBe('ready');
    expect(entry?.keys.map((k) => `${k.status}:${k.kid}`)).toEqual(['ACTIVE:a', 'NEXT:n', 'EXPIRED:x']);
  });

  it('rotates: the old ACTIVE key expires, and the server is read back for its new kid', async () => {
    const { store, api } = setup();
    await store.getState().loadSigningKeys('default');
    expect(await store.getState().rotateSigningKey('default')).toEqual({ ok: true });
    const keys = store.getState().signingKeys['default']?.keys ?? [];
    expect(keys.find((k) => k.status === 'ACTIVE')?.kid).toBe('kid-default-2');
    expect(keys.find((k) => k.status === 'EXPIRED')?.kid).toBe('kid-default-1');
    expect(api.calls.slice(-2)).toEqual(['rotateKeys default', 'getServer default']);
    expect(store.getState().serversById['default']?.credentials.signing.kid).toBe('kid-default-2');
  });

  it('reports a failed load and a failed rotation', async () => {
    const { store } = setup();
    await store.getState().loadSigningKeys('nope');
    expect(store.getState().signingKeys['nope']?.load).toMatchObject({ status: 'error', error: { status: 404 } });
    expect(await store.getState().rotateSigningKey('nope')).toMatchObject({ ok: false, error: { status: 404 } });
  });

  it('sortKeys does not change its input', () => {
    const keys = [keyDto('x', 'EXPIRED'), keyDto('a', 'ACTIVE')];
    expect(sortKeys(keys).map((k) => k.kid)).toEqual(['a', 'x']);
    expect(keys.map((k) => k.kid)).toEqual(['x', 'a']);
  });
});
