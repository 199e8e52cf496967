/** The browser's TokenStorage: sessionStorage, so the token lasts for this tab only. */
import type { TokenStorage } from '../state/token-storage.js';

const KEY = 'authbox.adminToken';

export function sessionTokenStorage(): TokenStorage {
  // Storage can throw (disabled storage, opaque origins); then the token lives in memory only.
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  return {
    load: () => attempt(() => window.sessionStorage.getItem(KEY), null),
    save: (token) => attempt(() => window.sessionStorage.setItem(KEY, token), undefined),
    clear: () => attempt(() => window.sessionStorage.removeItem(KEY), undefined),
  };
}
