/** Migration 0080 and its repositories: sessions, pending requests and consent; authorization codes by hash, used once. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AuthorizationCodeRecord } from '../../../src-main/core/ports/authorization-codes.js';
import { SqliteAuthorizationCodeRepository } from '../../../src-main/store/authorization-code-repository.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteSessionRepository } from '../../../src-main/store/session-repository.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
let db: Db | undefined;

afterEach(() => {
  db?.close();
});

/** A fresh schema; foreign keys off, as these tests store rows without their server, app and user. */
function open(): Db {
  db = openDatabase(':memory:');
  db.pragma('foreign_keys = OFF');
  return db;
}

const CODE: AuthorizationCodeRecord = {
  id: 'cod1',
  serverId: 'default',
  appId: '0oaApp',
  clientId: 'client-1',
  redirectUri: 'https://app.example.com/cb',
  codeChallenge: 'c'.repeat(43),
  codeChallengeMethod: 'S256',
  nonce: null,
  scopes: ['openid', 'email'],
  userId: '00uAlice',
  authTime: at(0),
  amr: ['pwd'],
  policyId: '00p1',
  ruleId: '0pr1',
  lifetimes: { accessTokenMinutes: 5, refreshTokenMinutes: 0, refreshWindowMinutes: 10080 },
  expiresAt: at(300),
  usedAt: null,
};

describe('migration 0080', () => {
  it('creates STRICT tables', () => {
    const strict = open()
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE name IN ('sessions', 'pending_authorizations', 'consents', 'authorization_codes') ORDER BY name",
      )
      .all();
    expect(strict).toEqual([
      { name: 'authorization_codes', strict: 1 },
      { name: 'consents', strict: 1 },
      { name: 'pending_authorizations', strict: 1 },
      { name: 'sessions', strict: 1 },
    ]);
  });
});

describe('SqliteSessionRepository', () => {
  it('finds a session by hash until it expires, and sweeps expired ones on insert', () => {
    const store = new SqliteSessionRepository(open());
    const session = { serverId: 'default', userId: '00uAlice', authTime: at(0), amr: ['pwd'], expiresAt: at(60) };
    store.insertSession('h1', session, at(0));
    expect(store.findSession('h1', at(59))).toEqual(session);
    expect(store.findSession('h1', at(60))).toBeUndefined();
    store.insertSession('h2', { ...session, expiresAt: at(200) }, at(61));
    expect(db!.prepare('SELECT token_hash FROM sessions').all()).toEqual([{ token_hash: 'h2' }]);
    store.deleteSession('h2');
    expect(store.findSession('h2', at(62))).toBeUndefined();
  });

  it('keeps a pending request with its parameters, and who signed in on it', () => {
    const store = new SqliteSessionRepository(open());
    const pending = {
      id: 'p1',
      serverId: 'default',
      params: { client_id: 'c', state: '"<x>' },
      csrf: 'k',
      signedInUserId: null,
      expiresAt: at(900),
    };
    store.insertPending(pending, at(0), 100);
    store.updatePending({ ...pending, signedInUserId: '00uAlice' });
    expect(store.findPending('p1', at(1))).toEqual({ ...pending, signedInUserId: '00uAlice' });
    expect(store.findPending('p1', at(900))).toBeUndefined();
    store.deletePending('p1');
    expect(store.findPending('p1', at(1))).toBeUndefined();
  });

  it('remembers consent per server, app, user and scope, once each', () => {
    const store = new SqliteSessionRepository(open());
    store.recordConsent('default', 'app', 'u', ['a', 'b'], at(0));
    store.recordConsent('default', 'app', 'u', ['b', 'c'], at(1));
    expect(store.consentedScopes('default', 'app', 'u')).toEqual(['a', 'b', 'c']);
    expect(store.consentedScopes('default', 'other', 'u')).toEqual([]);
  });
});

describe('SqliteAuthorizationCodeRepository', () => {
  it('round-trips a code by its hash and marks it used once', () => {
    const store = new SqliteAuthorizationCodeRepository(open());
    store.insert('hash-1', CODE);
    expect(store.findByHash('hash-1')).toEqual(CODE);
    expect(store.markUsed('cod1', at(10))).toBe(true);
    expect(store.markUsed('cod1', at(11))).toBe(false);
    expect(store.findByHash('hash-1')!.usedAt).toEqual(at(10));
    expect(store.findByHash('nope')).toBeUndefined();
  });

  it('sweeps expired codes, a batch at a time, and keeps the live ones', () => {
    const store = new SqliteAuthorizationCodeRepository(open());
    store.insert('hash-1', CODE);
    store.insert('hash-2', { ...CODE, id: 'cod2', expiresAt: at(700) });
    store.insert('hash-3', { ...CODE, id: 'cod3' });
    expect(store.sweep(at(400), 1)).toBe(true);
    expect(store.sweep(at(400), 2)).toBe(false);
    expect(store.findByHash('hash-1')).toBeUndefined();
    expect(store.findByHash('hash-3')).toBeUndefined();
    expect(store.findByHash('hash-2')?.id).toBe('cod2');
  });
});
