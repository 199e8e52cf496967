/** Authorization codes: stored only as a hash, single use, five minutes by the clock, PKCE verification. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  AuthorizationCodes,
  CODE_LIFETIME_SECONDS,
  opaqueHash,
} from '../../../../../src-main/core/protocol/authorization-codes.js';
import type {
  AuthorizationCodeRecord,
  AuthorizationCodeRepository,
} from '../../../../../src-main/core/ports/authorization-codes.js';
import type { NewAuthorizationCode } from '../../../../../src-main/core/protocol/authorization-codes.js';
import { FakeClock, FakeCrypto } from '../../fakes.js';

class MemoryAuthorizationCodeRepository implements AuthorizationCodeRepository {
  readonly rows = new Map<string, AuthorizationCodeRecord>();
  insert(hash: string, code: AuthorizationCodeRecord): void {
    this.rows.set(hash, { ...code });
  }
  findByHash(hash: string): AuthorizationCodeRecord | undefined {
    const row = this.rows.get(hash);
    return row && { ...row };
  }
  sweep(now: Date, limit: number): boolean {
    const expired = [...this.rows].filter(([, row]) => row.expiresAt <= now).slice(0, limit);
    for (const [hash] of expired) this.rows.delete(hash);
    return expired.length >= limit;
  }
  markUsed(id: string, now: Date): boolean {
    const row = [...this.rows.values()].find((r) => r.id === id);
    if (!row || row.usedAt) return false;
    row.usedAt = now;
    return true;
  }
}

/** FakeCrypto with a real SHA-256, so the RFC 7636 test vector holds. */
class Sha256Crypto extends FakeCrypto {
  override sha256(input: string): Uint8Array {
    return new Uint8Array(createHash('sha256').update(input).digest());
  }
}

const GRANT: NewAuthorizationCode = {
  serverId: 'default',
  appId: '0oaApp',
  clientId: 'client-1',
  redirectUri: 'https://app.example.com/cb',
  codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  codeChallengeMethod: 'S256',
  nonce: 'n-1',
  scopes: ['openid'],
  userId: '00uAlice',
  authTime: new Date(0),
  amr: ['pwd'],
  policyId: '00p1',
  ruleId: '0pr1',
  lifetimes: { accessTokenMinutes: 60, refreshTokenMinutes: 0, refreshWindowMinutes: 10080 },
};

function setup() {
  const store = new MemoryAuthorizationCodeRepository();
  const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
  const crypto = new Sha256Crypto();
  return { store, clock, crypto, codes: new AuthorizationCodes({ store, crypto, clock }) };
}

describe('authorization codes', () => {
  it('stores only the SHA-256 of the code, as lowercase hex', () => {
    const { store, codes, crypto } = setup();
    const { code } = codes.issue(GRANT);
    const [hash] = [...store.rows.keys()];
    expect(hash).toBe(createHash('sha256').update(code).digest('hex'));
    expect(hash).toBe(opaqueHash(crypto, code));
    expect(JSON.stringify([...store.rows.values()])).not.toContain(code);
  });

  it('is valid for five minutes, then expired', () => {
    const { codes, clock } = setup();
    const { code } = codes.issue(GRANT);
    clock.set(new Date(clock.now().getTime() + (CODE_LIFETIME_SECONDS - 1) * 1000));
    expect(codes.lookup(code).status).toBe('valid');
    clock.set(new Date(clock.now().getTime() + 1000));
    expect(codes.lookup(code).status).toBe('expired');
  });

  it('is used once; a second use is a replay', () => {
    const { codes } = setup();
    const { code, record } = codes.issue(GRANT);
    expect(codes.consume(record)).toBe(true);
    expect(codes.consume(record)).toBe(false);
    expect(codes.lookup(code).status).toBe('replayed');
    expect(codes.lookup('unknown').status).toBe('unknown');
  });

  it('verifies S256 with the RFC 7636 Appendix B vector, and plain verbatim', () => {
    const { codes } = setup();
    const { record } = codes.issue(GRANT);
    expect(codes.verifierMatches(record, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(true);
    expect(codes.verifierMatches(record, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK')).toBe(false);
    const plain = codes.issue({ ...GRANT, codeChallenge: 'p'.repeat(43), codeChallengeMethod: 'plain' }).record;
    expect(codes.verifierMatches(plain, 'p'.repeat(43))).toBe(true);
  });

  it('sweeps expired codes as codes are issued, at most once a second, on the turn `later` gives it', () => {
    const store = new MemoryAuthorizationCodeRepository();
    const clock = new FakeClock(new Date('2026-01-01T00:00:00Z'));
    const turns: (() => void)[] = [];
    const codes = new AuthorizationCodes({
      store,
      crypto: new Sha256Crypto(),
      clock,
      later: (work) => turns.push(work),
    });
    const first = codes.issue(GRANT);
    turns.splice(0).forEach((work) => work());
    clock.set(new Date(clock.now().getTime() + CODE_LIFETIME_SECONDS * 1000));
    const second = codes.issue(GRANT);
    // Not in the issuing request's write: on a turn of its own.
    expect(codes.lookup(first.code).status).toBe('expired');
    expect(turns).toHaveLength(1);
    turns.splice(0).forEach((work) => work());
    expect(codes.lookup(first.code).status).toBe('unknown');
    expect(codes.lookup(second.code).status).toBe('valid');
    // Within the second that follows a sweep, issuing queues none.
    codes.issue(GRANT);
    expect(turns).toHaveLength(0);
  });
});
