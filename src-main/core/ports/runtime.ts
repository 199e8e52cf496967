/**
 * What the pure domain needs from the outside world besides its repositories. `app/` wires real
 * implementations (system clock, Node crypto, SQLite transactions); tests inject fakes.
 */

export interface Clock {
  now(): Date;
}

/** Runs `work` in one store transaction: everything it writes lands together or not at all. */
export interface Transactor {
  run<T>(work: () => T): T;
}

/**
 * Runs `work` in a store transaction shared with the other writes handed in during the same turn
 * of the event loop (each in its own savepoint); resolves once that transaction committed, and
 * rejects with the store's error if `work` or the commit failed (then nothing of `work` is stored).
 */
export interface GroupTransactor {
  run<T>(work: () => T): Promise<T>;
  /**
   * Runs `fn` once the write now running in a group has committed, or drops it if that write is
   * rolled back; outside a group's write, runs it at once. For what must not be told before it is stored.
   */
  afterCommit(fn: () => void): void;
}

/** Cryptographic randomness, RSA key generation and password hashing, backed by Node in `app/`. */
export interface Crypto {
  /** A random id of `length` characters from [0-9A-Za-z], prefixed (Okta ids are 20 characters). */
  randomId(prefix: string, length?: number): string;
  /** An RSA-2048 RS256 signing key pair; `kid` is the key's SHA-256 JWK thumbprint (43 chars). */
  generateSigningKey(): Promise<GeneratedKey>;
  /** A salted, self-describing scrypt hash of `password`; the password itself is never stored. */
  hashPassword(password: string): string;
  /**
   * True when `password` matches a `hashPassword` result (constant-time; false for a malformed hash).
   * Asynchronous: a sign-in's key derivation must not hold the event loop for other requests.
   */
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /**
   * Readies what `verifyPassword` runs on for a password about to come (a sign-in page was shown), so
   * the check does not wait for it to start. Nothing else changes.
   */
  preparePasswordCheck(): void;
  /** A compact RS256 JWS of `payload` with the header exactly `{kid, alg: 'RS256'}` (no `typ`, as Okta). */
  sign(privateJwk: string, kid: string, payload: Record<string, unknown>): Promise<string>;
  /** SHA-256 of the UTF-8 bytes of `input` (for `at_hash`). */
  sha256(input: string): Uint8Array;
  /** The header and payload of a compact JWS, unverified; undefined when it is not one. */
  decodeJws(token: string): DecodedJws | undefined;
  /** True when the JWS signature verifies with `key` (HMAC secret or public JWK); claims are not checked. */
  verifyJws(token: string, key: JwsKey): Promise<boolean>;
}

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** `secret`: HS256/384/512 with a shared secret; `jwk`: a public JWK (RSA, EC, OKP). */
export type JwsKey = { secret: string } | { jwk: Record<string, unknown> };

export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
}

export interface GeneratedKey {
  kid: string;
  publicJwk: PublicJwk;
  /** The private JWK as JSON; it never leaves the server process and the database. */
  privateJwk: string;
}
