import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AuthorizationServerRecord,
  SigningKeyRecord,
} from '../../../src-main/core/ports/authorization-servers.js';
import { SqliteAuthorizationServerRepository } from '../../../src-main/store/authorization-server-repository.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';

const T0 = new Date('2024-03-01T10:00:00.123Z');
const T1 = new Date('2024-05-30T10:00:00.456Z');

function server(id: string, overrides: Partial<AuthorizationServerRecord> = {}): AuthorizationServerRecord {
  return {
    id,
    name: `Server ${id}`,
    description: `Description of ${id}`,
    audiences: [`api://${id}`],
    issuerMode: 'ORG_URL',
    status: 'ACTIVE',
    isDefault: id === 'default',
    rotationMode: 'AUTO',
    lastRotated: T0,
    nextRotation: T1,
    created: T0,
    lastUpdated: T0,
    ...overrides,
  };
}

function key(kid: string, serverId: string, status: SigningKeyRecord['status'], created = T0): SigningKeyRecord {
  return {
    kid,
    serverId,
    status,
    publicJwk: { kty: 'RSA', n: `n-${kid}`, e: 'AQAB' },
    privateJwk: JSON.stringify({ kty: 'RSA', kid, d: `d-${kid}` }),
    created,
  };
}

const ids = (servers: AuthorizationServerRecord[]) => servers.map((s) => s.id);

let db: Db;
let store: SqliteAuthorizationServerRepository;

beforeEach(() => {
  db = openDatabase(':memory:');
  store = new SqliteAuthorizationServerRepository(db);
});

afterEach(() => {
  db.close();
});

describe('SqliteAuthorizationServerRepository', () => {
  it('round-trips a server and its keys, dates and nulls included', () => {
    const s = server('aus1', { issuerMode: 'DYNAMIC', status: 'INACTIVE', rotationMode: 'MANUAL', nextRotation: null });
    const keys = [key('k1', 'aus1', 'ACTIVE'), key('k2', 'aus1', 'NEXT', T1)];
    store.insert(s, keys);
    expect(store.get('aus1')).toEqual(s);
    expect(store.keys('aus1')).toEqual(keys);
  });

  it('round-trips the default flag and a null lastRotated', () => {
    store.insert(server('default', { lastRotated: null, nextRotation: null }), [key('k1', 'default', 'ACTIVE')]);
    expect(store.get('default')).toMatchObject({ isDefault: true, lastRotated: null, nextRotation: null });
  });

  it('returns undefined and no keys for an unknown server', () => {
    expect(store.get('nope')).toBeUndefined();
    expect(store.keys('nope')).toEqual([]);
  });

  it('inserts nothing when one of the keys cannot be written', () => {
    store.insert(server('aus1'), [key('shared', 'aus1', 'ACTIVE')]);
    expect(() => store.insert(server('aus2'), [key('fresh', 'aus2', 'ACTIVE'), key('shared', 'aus2', 'NEXT')])).toThrow(
      /UNIQUE constraint failed/,
    );
    expect(store.get('aus2')).toBeUndefined();
    expect(store.keys('aus2')).toEqual([]);
  });

  describe('list', () => {
    beforeEach(() => {
      store.insert(server('aus1', { name: 'Alpha', audiences: ['api://one'] }), []);
      store.insert(server('aus2', { name: 'Beta', audiences: ['api://two'] }), []);
      store.insert(server('aus3', { name: 'Gamma', audiences: ['api://ALPHABET'] }), []);
      store.insert(server('aus4', { name: 'Delta', audiences: ['api://four'] }), []);
    });

    it('lists in creation order up to the limit', () => {
      expect(ids(store.list({ limit: 10 }))).toEqual(['aus1', 'aus2', 'aus3', 'aus4']);
      expect(ids(store.list({ limit: 2 }))).toEqual(['aus1', 'aus2']);
    });

    it('pages with after', () => {
      const first = store.list({ limit: 2 });
      const second = store.list({ limit: 2, after: first[first.length - 1]!.id });
      const third = store.list({ limit: 2, after: second[second.length - 1]!.id });
      expect(ids(second)).toEqual(['aus3', 'aus4']);
      expect(third).toEqual([]);
    });

    it('returns nothing after an unknown cursor', () => {
      expect(store.list({ limit: 10, after: 'aus-missing' })).toEqual([]);
    });

    it('keeps creation order, not id order', () => {
      store.insert(server('aaa0'), []);
      expect(ids(store.list({ limit: 10, after: 'aus4' }))).toEqual(['aaa0']);
    });

    it('filters by name or audience, case-insensitively', () => {
      expect(ids(store.list({ limit: 10 }, 'alpha'))).toEqual(['aus1', 'aus3']);
      expect(ids(store.list({ limit: 10 }, 'API://TWO'))).toEqual(['aus2']);
      expect(store.list({ limit: 10 }, 'zeta')).toEqual([]);
    });

    it('treats LIKE wildcards in q literally', () => {
      expect(store.list({ limit: 10 }, '%')).toEqual([]);
      expect(store.list({ limit: 10 }, '_')).toEqual([]);
    });

    it('matches q against the audience values, not the JSON they are stored as', () => {
      expect(store.list({ limit: 10 }, '"')).toEqual([]);
      expect(store.list({ limit: 10 }, '["api')).toEqual([]);
    });

    it('combines the filter with after and limit', () => {
      expect(ids(store.list({ limit: 1, after: 'aus1' }, 'alpha'))).toEqual(['aus3']);
      expect(ids(store.list({ limit: 1 }, 'a'))).toEqual(['aus1']);
    });
  });

  it('updates the writable columns but not created', () => {
    store.insert(server('aus1'), [key('k1', 'aus1', 'ACTIVE')]);
    const updated = server('aus1', {
      name: 'Renamed',
      description: 'Changed',
      audiences: ['api://changed'],
      issuerMode: 'DYNAMIC',
      status: 'INACTIVE',
      rotationMode: 'MANUAL',
      nextRotation: null,
      lastUpdated: T1,
    });
    store.update({ ...updated, created: T1 });
    expect(store.get('aus1')).toEqual(updated);
    expect(store.keys('aus1')).toEqual([key('k1', 'aus1', 'ACTIVE')]);
  });

  it('replaces the key set and rotation dates in saveRotation', () => {
    store.insert(server('aus1'), [key('k1', 'aus1', 'ACTIVE'), key('k2', 'aus1', 'NEXT')]);
    store.insert(server('aus2'), [key('other', 'aus2', 'ACTIVE')]);
    const rotated = server('aus1', {
      lastRotated: T1,
      nextRotation: new Date('2024-08-28T10:00:00.456Z'),
      lastUpdated: T1,
    });
    const keys = [key('k2', 'aus1', 'ACTIVE'), key('k3', 'aus1', 'NEXT', T1), key('k1', 'aus1', 'EXPIRED')];
    store.saveRotation(rotated, keys);
    expect(store.get('aus1')).toEqual(rotated);
    expect(store.keys('aus1')).toEqual(keys);
    expect(store.keys('aus2')).toEqual([key('other', 'aus2', 'ACTIVE')]);
  });

  it('keeps the old keys and dates when saveRotation fails part way', () => {
    const before = server('aus1');
    const keys = [key('k1', 'aus1', 'ACTIVE'), key('k2', 'aus1', 'NEXT')];
    store.insert(before, keys);
    store.insert(server('aus2'), [key('taken', 'aus2', 'ACTIVE')]);
    const rotated = server('aus1', { lastRotated: T1, lastUpdated: T1 });
    expect(() => store.saveRotation(rotated, [key('k2', 'aus1', 'ACTIVE'), key('taken', 'aus1', 'NEXT')])).toThrow(
      /UNIQUE constraint failed/,
    );
    expect(store.get('aus1')).toEqual(before);
    expect(store.keys('aus1')).toEqual(keys);
  });

  it('deletes a server with its keys and reports whether it existed', () => {
    store.insert(server('aus1'), [key('k1', 'aus1', 'ACTIVE')]);
    store.insert(server('aus2'), [key('k2', 'aus2', 'ACTIVE')]);
    expect(store.delete('aus1')).toBe(true);
    expect(store.get('aus1')).toBeUndefined();
    expect(store.keys('aus1')).toEqual([]);
    expect(store.delete('aus1')).toBe(false);
    expect(ids(store.list({ limit: 10 }))).toEqual(['aus2']);
    expect(store.keys('aus2')).toHaveLength(1);
  });
});
