/**
 * In-memory fakes of the core ports: a store with the SQLite repository's semantics (creation
 * order, `after`/`limit` paging, case-insensitive `q`), a deterministic Crypto and a settable clock.
 */
import type {
  AuthorizationServerRecord,
  AuthorizationServerRepository,
  SigningKeyRecord,
} from '../../../src-main/core/ports/authorization-servers.js';
import type { Clock, Crypto, DecodedJws, GeneratedKey, JwsKey } from '../../../src-main/core/ports/runtime.js';
import type { Page } from '../../../src-main/core/ports/page.js';

export class MemoryAuthorizationServerRepository implements AuthorizationServerRepository {
  readonly servers: AuthorizationServerRecord[] = [];
  readonly keySets = new Map<string, SigningKeyRecord[]>();
  writes = 0;

  list(page: Page, q?: string): AuthorizationServerRecord[] {
    let rows = this.servers;
    if (page.after !== undefined) {
      const at = rows.findIndex((s) => s.id === page.after);
      rows = at < 0 ? [] : rows.slice(at + 1);
    }
    if (q) {
      const needle = q.toLowerCase();
      rows = rows.filter(
        (s) => s.name.toLowerCase().includes(needle) || s.audiences.some((a) => a.toLowerCase().includes(needle)),
      );
    }
    return rows.slice(0, page.limit).map((s) => ({ ...s }));
  }

  get(id: string): AuthorizationServerRecord | undefined {
    const server = this.servers.find((s) => s.id === id);
    return server && { ...server };
  }

  insert(server: AuthorizationServerRecord, keys: SigningKeyRecord[]): void {
    if (this.servers.some((s) => s.id === server.id)) throw new Error(`duplicate id ${server.id}`);
    this.writes++;
    this.servers.push({ ...server });
    this.keySets.set(
      server.id,
      keys.map((k) => ({ ...k })),
    );
  }

  update(server: AuthorizationServerRecord): void {
    const at = this.servers.findIndex((s) => s.id === server.id);
    if (at < 0) return;
    this.writes++;
    this.servers[at] = { ...server };
  }

  delete(id: string): boolean {
    const at = this.servers.findIndex((s) => s.id === id);
    if (at < 0) return false;
    this.writes++;
    this.servers.splice(at, 1);
    this.keySets.delete(id);
    return true;
  }

  keys(serverId: string): SigningKeyRecord[] {
    return (this.keySets.get(serverId) ?? []).map((k) => ({ ...k }));
  }

  saveRotation(server: AuthorizationServerRecord, keys: SigningKeyRecord[]): void {
    this.update(server);
    this.keySets.set(
      server.id,
      keys.map((k) => ({ ...k })),
    );
  }
}

/** Ids `aus0001…` padded to the requested length; kids `kid-1`, `kid-2`, … in generation order. */
export class FakeCrypto implements Crypto {
  private ids = 0;
  private kids = 0;
  generated = 0;

  randomId(prefix: string, length = 20): string {
    this.ids++;
    return prefix + String(this.ids).padStart(length - prefix.length, '0');
  }

  async generateSigningKey(): Promise<GeneratedKey> {
    this.generated++;
    const kid = `kid-${++this.kids}`;
    return {
      kid,
      publicJwk: { kty: 'RSA', n: `modulus-${kid}`, e: 'AQAB' },
      privateJwk: JSON.stringify({ kid, d: 'private' }),
    };
  }

  /** Reversible on purpose (tests read it back), but never the plain password. */
  hashPassword(password: string): string {
    return `fake$${[...password].reverse().join('')}`;
  }

  preparePasswordCheck(): void {}

  async verifyPassword(password: string, hash: string): Promise<boolean> {
    return hash === this.hashPassword(password);
  }

  /** A readable JWS whose signature segment is `sig:<kid>` (see `fakeJws`). */
  async sign(_privateJwk: string, kid: string, payload: Record<string, unknown>): Promise<string> {
    return fakeJws({ kid, alg: 'RS256' }, payload, `sig:${kid}`);
  }

  /** Not SHA-256: the input's char codes, 32 bytes, enough to tell inputs apart in tests. */
  sha256(input: string): Uint8Array {
    return Uint8Array.from({ length: 32 }, (_, i) => input.charCodeAt(i % Math.max(input.length, 1)) & 0xff);
  }

  decodeJws(token: string): DecodedJws | undefined {
    const [header, payload] = token.split('.');
    try {
      return {
        header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
        payload: JSON.parse(Buffer.from(payload!, 'base64url').toString()),
      };
    } catch {
      return undefined;
    }
  }

  /** A signature verifies when it is `sig:<secret>` or `sig:<jwk.kid>`. */
  async verifyJws(token: string, key: JwsKey): Promise<boolean> {
    const signature = token.split('.')[2];
    return signature === `sig:${'secret' in key ? key.secret : String(key.jwk['kid'])}`;
  }
}

/** A compact JWS as FakeCrypto reads it: base64url JSON header and payload, then `signature` as is. */
export function fakeJws(header: Record<string, unknown>, payload: Record<string, unknown>, signature: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(payload)}.${signature}`;
}

export class FakeClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(date: Date): void {
    this.current = date;
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 24 * 60 * 60 * 1000);
  }
}
