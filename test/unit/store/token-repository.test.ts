import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteTokenRepository } from '../../../src-main/store/token-repository.js';

let db: Db | undefined;
afterEach(() => db?.close());

const columns = (table: string) =>
  (db!.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);

describe('migration 0090: token families', () => {
  it('creates STRICT tables that keep a refresh token only as a unique hash', () => {
    db = openDatabase(':memory:');
    expect(columns('token_families')).toEqual([
      'id',
      'server_id',
      'app_id',
      'client_id',
      'user_id',
      'created',
      'revoked',
      'revoked_reason',
    ]);
    expect(columns('access_tokens')).toEqual(['jti', 'family_id', 'expires', 'revoked', 'expiry_ordered']);
    expect(columns('refresh_tokens')).toEqual([
      'id',
      'family_id',
      'hash',
      'grant_json',
      'created',
      'expires',
      'last_used',
      'idle_expires',
      'rotated_to',
      'used',
      'revoked',
    ]);
    expect(() => db!.prepare("INSERT INTO token_families (id, created) VALUES ('f', 'now')").run()).toThrow();
    const store = new SqliteTokenRepository(db);
    store.ensureFamily('f', new Date(0));
    const row = {
      familyId: 'f',
      hash: 'h',
      created: new Date(0),
      expires: null,
      lastUsed: null,
      idleExpires: new Date(1000),
      rotatedTo: null,
      used: null,
      revoked: null,
    };
    const grant = {
      serverId: 's',
      appId: 'a',
      clientId: 'c',
      userId: 'u',
      scopes: [],
      authTime: new Date(0),
      amr: [],
      lifetimes: { accessTokenMinutes: 5, refreshTokenMinutes: 0, refreshWindowMinutes: 10 },
    };
    store.insertRefreshToken({ ...row, id: 'r1', grant });
    expect(() => store.insertRefreshToken({ ...row, id: 'r2', grant })).toThrow(/UNIQUE/);
    expect(store.refreshTokenByHash('h')).toMatchObject({ id: 'r1', grant: { ...grant, authTime: new Date(0) } });
  });

  it('deletes the refresh tokens of a family with it; an access token names a family that may have no row', () => {
    db = openDatabase(':memory:');
    const store = new SqliteTokenRepository(db);
    store.ensureFamily('f', new Date(0));
    store.insertRefreshToken({
      id: 'r1',
      familyId: 'f',
      hash: 'h',
      grant: {
        serverId: 's',
        appId: 'a',
        clientId: 'c',
        userId: 'u',
        scopes: [],
        authTime: new Date(0),
        amr: [],
        lifetimes: { accessTokenMinutes: 5, refreshTokenMinutes: 0, refreshWindowMinutes: 10 },
      },
      created: new Date(0),
      expires: null,
      lastUsed: null,
      idleExpires: new Date(1000),
      rotatedTo: null,
      used: null,
      revoked: null,
    });
    db.prepare("DELETE FROM token_families WHERE id = 'f'").run();
    expect(store.refreshTokenByHash('h')).toBeUndefined();
    store.insertAccessToken({ jti: 'AT.1', familyId: 'tfm-without-row', expires: new Date(1000), revoked: null });
    expect(store.accessToken('AT.1')).toMatchObject({ familyId: 'tfm-without-row' });
    expect(store.family('tfm-without-row')).toBeUndefined();
  });

  it('revokes a family without a row by creating it revoked, and keeps the first revocation', () => {
    db = openDatabase(':memory:');
    const store = new SqliteTokenRepository(db);
    store.revokeFamily('cod1', new Date(5), 'code replayed');
    store.revokeFamily('cod1', new Date(9), 'again');
    expect(store.family('cod1')).toMatchObject({ revoked: new Date(5), revokedReason: 'code replayed' });
    store.ensureFamily('f', new Date(0));
    store.revokeFamily('f', new Date(7), 'refresh token reused');
    expect(store.family('f')).toMatchObject({ created: new Date(0), revoked: new Date(7) });
  });
});
