import { describe, expect, it } from 'vitest';
import { selectNeedsToken } from '../../../src-renderer/state/session-slice.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage, tokenFromHash } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, invalidToken } from './fake-api.js';

function setup(stored: string | null = null) {
  const api = new FakeApi();
  const tokenStorage = memoryTokenStorage(stored);
  const store = createAppStore({ api, tokenStorage });
  return { api, tokenStorage, store };
}

describe('session slice', () => {
  it('starts from the stored token, and asks for one when there is none', () => {
    expect(setup('kept').store.getState().token).toBe('kept');
    const { store } = setup();
    expect(store.getState().token).toBeNull();
    expect(selectNeedsToken(store.getState())).toBe(true);
  });

  it('saves a trimmed token to storage and ignores a blank one', () => {
    const { store, tokenStorage } = setup();
    store.getState().saveToken('   ');
    expect(store.getState().token).toBeNull();
    store.getState().saveToken('  abc-token  ');
    expect(store.getState().token).toBe('abc-token');
    expect(tokenStorage.load()).toBe('abc-token');
    expect(selectNeedsToken(store.getState())).toBe(false);
  });

  it('asks for a new token when the server answers 401, and a saved token clears the problem', async () => {
    const { store, api } = setup('wrong');
    api.failNext = invalidToken();
    await store.getState().loadServers();
    expect(store.getState().tokenProblem).toBe('Invalid token provided');
    expect(selectNeedsToken(store.getState())).toBe(true);

    store.getState().saveToken('right');
    expect(store.getState().tokenProblem).toBeNull();
    expect(selectNeedsToken(store.getState())).toBe(false);
    // The data fetched under the old token is forgotten, so the screens load it again.
    expect(store.getState().serverList.status).toBe('idle');
  });

  it('does not treat other errors as token problems', async () => {
    const { store, api } = setup('tok');
    api.failNext = new TypeError('Failed to fetch');
    await store.getState().loadServers();
    expect(store.getState().tokenProblem).toBeNull();
    expect(store.getState().serverList).toMatchObject({ status: 'error', error: { status: 0 } });
  });

  it('forgets the token and the data loaded with it', async () => {
    const { store, tokenStorage } = setup('tok');
    await store.getState().loadServers();
    await store.getState().loadSigningKeys('default');
    store.getState().forgetToken();
    expect(store.getState().token).toBeNull();
    expect(tokenStorage.load()).toBeNull();
    expect(store.getState().serverIds).toEqual([]);
    expect(store.getState().signingKeys).toEqual({});
  });

  it('drops an answer that arrives after the token changed', async () => {
    const { store } = setup('old');
    const loading = store.getState().loadServers();
    store.getState().saveToken('new');
    await loading;
    expect(store.getState().serverList.status).toBe('idle');
    expect(store.getState().serverIds).toEqual([]);
  });
});

describe('tokenFromHash', () => {
  it('reads #token= as the server prints it (percent-encoded)', () => {
    expect(tokenFromHash('#token=abc123')).toBe('abc123');
    expect(tokenFromHash('#token=a%2Bb%26c')).toBe('a+b&c');
    expect(tokenFromHash('#x=1&token=t0k')).toBe('t0k');
  });

  it('keeps a literal + (URLSearchParams would turn it into a space)', () => {
    expect(tokenFromHash('#token=a+b')).toBe('a+b');
  });

  it('finds nothing in route fragments or an empty token', () => {
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#/authorization-servers')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
    expect(tokenFromHash('#mytoken=abc')).toBeNull();
  });
});
