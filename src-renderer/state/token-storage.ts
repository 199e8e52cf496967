/**
 * Where the admin token lives between reloads. The browser version uses sessionStorage (gone when
 * the tab closes); tests use the in-memory one. The slices never touch the DOM themselves.
 */
export interface TokenStorage {
  load(): string | null;
  save(token: string): void;
  clear(): void;
}

export function memoryTokenStorage(initial: string | null = null): TokenStorage {
  let value = initial;
  return {
    load: () => value,
    save: (token) => {
      value = token;
    },
    clear: () => {
      value = null;
    },
  };
}

/**
 * The token in a UI address fragment, `#token=<token>` (the server prints it percent-encoded at
 * start-up), or null. Decoded with decodeURIComponent, not URLSearchParams, so a `+` stays a `+`.
 */
export function tokenFromHash(hash: string): string | null {
  const match = /(?:^#?|&)token=([^&]*)/.exec(hash);
  if (!match?.[1]) return null;
  let token: string;
  try {
    token = decodeURIComponent(match[1]).trim();
  } catch {
    token = match[1].trim();
  }
  return token === '' ? null : token;
}
