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
    expect(columns('access_tokens')).toEqual(['jti', 'family_id', 'expires', 'revoked']);
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

  it('deletes the tokens of a family with it', () => {
    db = openDatabase(':memory:');
    const store = new SqliteTokenRepository(db);
    store.ensureFamily('f', new Date(0));
    store.insertAccessToken({ jti: 'AT.1', familyId: 'f', expires: new Date(1000), revoked: null });
    db.prepare("DELETE FROM token_families WHERE id = 'f'").run();
    expect(store.accessToken('AT.1')).toBeUndefined();
  });
});
