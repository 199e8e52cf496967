/**
 * The token ledger over a real in-memory database: refresh tokens kept only as hashes, issued only
 * when due, rotation and idle windows, family revocation, and the sweep of expired rows.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../../src-main/core/ports/apps.js';
import type { RefreshGrant } from '../../../../src-main/core/protocol/token-families.js';
import { TokenLedger } from '../../../../src-main/core/protocol/token-ledger.js';
import type { TokenLedgerDeps } from '../../../../src-main/core/protocol/token-ledger.js';
import { openDatabase } from '../../../../src-main/store/database.js';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteTokenRepository } from '../../../../src-main/store/token-repository.js';
import { FakeClock, FakeCrypto } from '../fakes.js';

/** FakeCrypto with a real SHA-256: its stand-in only reads the first 32 characters. */
class HashingCrypto extends FakeCrypto {
  override sha256(input: string): Uint8Array {
    return new Uint8Array(createHash('sha256').update(input).digest());
  }
}

const START = new Date('2025-01-01T00:00:00Z');
const app = (grants: string[]) => ({ document: { oauth: { grant_types: grants } } }) as unknown as AppRecord;
const grant = (overrides: Partial<RefreshGrant> = {}): RefreshGrant => ({
  serverId: 'default',
  appId: 'app1',
  clientId: 'client1',
  userId: '00u1',
  scopes: ['openid', 'offline_access'],
  authTime: START,
  amr: ['pwd'],
  lifetimes: { accessTokenMinutes: 60, refreshTokenMinutes: 0, refreshWindowMinutes: 60 },
  ...overrides,
});

let db: Db;
let clock: FakeClock;
let store: TokenLedger;
let deps: TokenLedgerDeps;
let appGrants: string[];
const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
const advanceMinutes = (n: number) => clock.set(new Date(clock.now().getTime() + n * 60_000));

beforeEach(() => {
  db = openDatabase(':memory:');
  clock = new FakeClock(START);
  appGrants = ['password', 'refresh_token'];
  deps = {
    store: new SqliteTokenRepository(db),
    apps: { get: () => app(appGrants) },
    crypto: new HashingCrypto(),
    clock,
    tx: { run: (work) => db.transaction(work)() },
  };
  store = new TokenLedger(deps);
});

afterEach(() => db.close());

describe('issuing refresh tokens', () => {
  it('stores only the SHA-256 of the token, never the token', () => {
    const token = store.issueRefreshToken(store.openFamily(), grant())!;
    expect(token).toHaveLength(43);
    const row = db.prepare('SELECT * FROM refresh_tokens').get() as Record<string, unknown>;
    expect(row['hash']).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(store.lookupRefreshToken(token)).toMatchObject({ ok: true });
  });

  it('issues none without offline_access or without the app refresh_token grant', () => {
    expect(store.issueRefreshToken(store.openFamily(), grant({ scopes: ['openid'] }))).toBeUndefined();
    appGrants = ['password'];
    expect(store.issueRefreshToken(store.openFamily(), grant())).toBeUndefined();
    expect(count('refresh_tokens')).toBe(0);
  });

  it("records the family's owner when a refresh token is issued in it", () => {
    const familyId = store.openFamily();
    store.issueRefreshToken(familyId, grant());
    expect(
      db.prepare('SELECT server_id, app_id, client_id, user_id FROM token_families WHERE id = ?').get(familyId),
    ).toEqual({ server_id: 'default', app_id: 'app1', client_id: 'client1', user_id: '00u1' });
  });
});

describe('using refresh tokens', () => {
  it('ends a token after its idle window; each use moves the window (STATIC)', () => {
    const token = store.issueRefreshToken(store.openFamily(), grant())!;
    advanceMinutes(59);
    const found = store.lookupRefreshToken(token);
    expect(found.ok).toBe(true);
    if (found.ok) store.touch(found.token);
    advanceMinutes(59);
    expect(store.lookupRefreshToken(token).ok).toBe(true);
    advanceMinutes(61);
    expect(store.lookupRefreshToken(token)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('idle past its window'),
    });
  });

  it('ends a token after its lifetime, however often it is used', () => {
    const token = store.issueRefreshToken(
      store.openFamily(),
      grant({ lifetimes: { accessTokenMinutes: 60, refreshTokenMinutes: 90, refreshWindowMinutes: 60 } }),
    )!;
    advanceMinutes(50);
    const found = store.lookupRefreshToken(token);
    if (found.ok) store.touch(found.token);
    advanceMinutes(41);
    expect(store.lookupRefreshToken(token)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('lifetime ended'),
    });
  });

  it('rotates into the same family, keeping the original lifetime and marking the old token used', () => {
    const familyId = store.openFamily();
    const first = store.issueRefreshToken(
      familyId,
      grant({ lifetimes: { accessTokenMinutes: 60, refreshTokenMinutes: 600, refreshWindowMinutes: 60 } }),
    )!;
    advanceMinutes(10);
    const found = store.lookupRefreshToken(first);
    const second = found.ok ? (store.rotate(found.token) ?? '') : '';
    const old = store.findRefreshToken(first)!;
    const next = store.findRefreshToken(second)!;
    expect(next.familyId).toBe(familyId);
    expect(next.expires).toEqual(old.expires);
    expect(old.used).toEqual(clock.now());
    expect(old.rotatedTo).toBe(next.id);
  });

  it('revoking the family ends its refresh and access tokens', () => {
    const familyId = store.openFamily();
    const token = store.issueRefreshToken(familyId, grant())!;
    store.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 3600_000));
    expect(store.activeAccessToken('AT.1')).toBeDefined();
    store.revokeFamily(familyId, 'replayed');
    expect(store.activeAccessToken('AT.1')).toBeUndefined();
    expect(store.lookupRefreshToken(token)).toMatchObject({
      ok: false,
      reason: 'its token family was revoked (replayed)',
    });
  });

  it('revokes one access token by jti, leaving the rest of the family', () => {
    const familyId = store.openFamily();
    store.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 3600_000));
    store.registerAccessToken('AT.2', familyId, new Date(START.getTime() + 3600_000));
    store.revokeAccessToken('AT.1');
    expect(store.activeAccessToken('AT.1')).toBeUndefined();
    expect(store.activeAccessToken('AT.2')).toBeDefined();
  });

  it('creates the family of a grant that brings its own id (an authorization code)', () => {
    store.registerAccessToken('AT.1', 'cod123', new Date(START.getTime() + 3600_000));
    store.revokeFamily('cod123', 'code replayed');
    expect(store.activeAccessToken('AT.1')).toBeUndefined();
  });
});

describe('sweeping', () => {
  it('drops expired access and refresh tokens, then empty families after a day, when a family opens', () => {
    const familyId = store.openFamily();
    store.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 3600_000));
    store.issueRefreshToken(familyId, grant());
    advanceMinutes(61);
    store.openFamily();
    // The family's row (its refresh token's owner) stays a day; the family opened since has no row.
    expect([count('access_tokens'), count('refresh_tokens'), count('token_families')]).toEqual([0, 0, 1]);
    advanceMinutes(24 * 60);
    store.openFamily();
    expect(db.prepare('SELECT 1 FROM token_families WHERE id = ?').get(familyId)).toBeUndefined();
    expect(count('token_families')).toBe(0);
  });

  it('keeps tokens that are still valid', () => {
    const familyId = store.openFamily();
    store.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 3600_000));
    store.issueRefreshToken(familyId, grant());
    advanceMinutes(30);
    store.openFamily();
    expect([count('access_tokens'), count('refresh_tokens')]).toEqual([1, 1]);
  });
});

describe('sweeping without a backlog', () => {
  it('sweeps at most once a second of the clock, so most token requests skip it', () => {
    const familyId = store.openFamily();
    store.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 100));
    clock.set(new Date(START.getTime() + 500));
    store.openFamily();
    expect(count('access_tokens')).toBe(1);
    clock.set(new Date(START.getTime() + 1000));
    store.openFamily();
    expect(count('access_tokens')).toBe(0);
  });
});

describe('sweeping a backlog', () => {
  it('deletes at most 100 expired rows per table a sweep, a sweep every 50 ms while a backlog lasts', () => {
    const familyId = store.openFamily();
    for (let i = 0; i < 250; i++) store.registerAccessToken(`AT.${i}`, familyId, new Date(START.getTime() + 60_000));
    advanceMinutes(2);
    store.openFamily();
    expect(count('access_tokens')).toBe(150);
    store.openFamily();
    expect(count('access_tokens')).toBe(150);
    clock.set(new Date(clock.now().getTime() + 50));
    store.openFamily();
    expect(count('access_tokens')).toBe(50);
    clock.set(new Date(clock.now().getTime() + 50));
    store.openFamily();
    expect(count('access_tokens')).toBe(0);
  });
});

describe('sweeping on a later turn', () => {
  it('sweeps outside the request that opened a family, once however many open before it runs', () => {
    const later: (() => void)[] = [];
    const ledger = new TokenLedger({ ...deps, later: (work) => later.push(work) });
    const familyId = ledger.openFamily();
    later.splice(0).forEach((work) => work());
    ledger.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 60_000));
    advanceMinutes(2);
    ledger.openFamily();
    ledger.openFamily();
    expect(later).toHaveLength(1);
    expect(count('access_tokens')).toBe(1);
    later.splice(0).forEach((work) => work());
    expect(count('access_tokens')).toBe(0);
  });

  it('lets a failed sweep go (the rows stay expired) and tries again a second later', () => {
    const later: (() => void)[] = [];
    const ledger = new TokenLedger({ ...deps, later: (work) => later.push(work) });
    const familyId = ledger.openFamily();
    later.splice(0).forEach((work) => work());
    ledger.registerAccessToken('AT.1', familyId, new Date(START.getTime() + 60_000));
    advanceMinutes(2);
    db.exec(`CREATE TEMP TRIGGER refuse_sweep BEFORE DELETE ON main.access_tokens
      BEGIN SELECT RAISE(ABORT, 'the disk is full'); END`);
    ledger.openFamily();
    expect(() => later.splice(0).forEach((work) => work())).not.toThrow();
    db.exec('DROP TRIGGER temp.refuse_sweep');
    expect(count('access_tokens')).toBe(1);
    expect(ledger.whyInactive('AT.1')).toMatch(/expired/);
    clock.set(new Date(clock.now().getTime() + 999));
    ledger.openFamily();
    expect(later).toHaveLength(0);
    clock.set(new Date(clock.now().getTime() + 1));
    ledger.openFamily();
    later.splice(0).forEach((work) => work());
    expect(count('access_tokens')).toBe(0);
  });
});
