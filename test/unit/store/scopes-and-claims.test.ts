/**
 * Scopes and claims over a real in-memory database: a server is created with its system scopes in
 * one transaction (a failure leaves neither), and deleting a server removes its scopes and claims.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../../src-main/app/services.js';
import { migrate, openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { MIGRATIONS } from '../../../src-main/store/migrations/index.js';
import { FakeClock, FakeCrypto } from '../core/fakes.js';

const body = { name: 'Orders', description: 'Orders API', audiences: ['api://orders'] };
const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('scopes and claims in the store', () => {
  it('creates a server together with its seven system scopes', async () => {
    const db = openDatabase(':memory:');
    const services = buildServices(db, new FakeCrypto(), new FakeClock(new Date('2024-01-01T00:00:00Z')));
    const server = await services.servers.create(body);
    expect(services.scopes.listByServer(server.id).map((s) => [s.name, s.system, s.metadataPublish])).toEqual(
      ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'].map((n) => [
        n,
        true,
        'ALL_CLIENTS',
      ]),
    );
    expect(services.scopes.published(server.id)).toHaveLength(7);
    expect(services.claims.listByServer(server.id)).toEqual([]);
  });

  it('rolls the server back when its system scopes cannot be written', async () => {
    const db = openDatabase(':memory:');
    const crypto = new FakeCrypto();
    // Every scope gets the same id, so the second system scope breaks the UNIQUE constraint.
    crypto.randomId = (prefix: string) =>
      prefix === 'scp' ? 'scpSAME0000000000000' : `${prefix}${'1'.padStart(17, '0')}`;
    const services = buildServices(db, crypto, new FakeClock(new Date('2024-01-01T00:00:00Z')));
    await expect(services.servers.create(body)).rejects.toThrow(/UNIQUE/);
    expect(count(db, 'authorization_servers')).toBe(0);
    expect(count(db, 'scopes')).toBe(0);
    expect(count(db, 'signing_keys')).toBe(0);
  });

  it('gives only the default server the system sub claim, and deleting a server removes its scopes and claims', async () => {
    const db = openDatabase(':memory:');
    const services = buildServices(db, new FakeCrypto(), new FakeClock(new Date('2024-01-01T00:00:00Z')));
    await services.servers.create({ ...body, name: 'default', audiences: ['api://default'] }, { id: 'default' });
    const other = await services.servers.create(body);
    expect(services.claims.listByServer('default').map((c) => [c.name, c.valueType, c.system])).toEqual([
      ['sub', 'SYSTEM', true],
    ]);
    services.claims.create(other.id, {
      name: 'tier',
      claimType: 'RESOURCE',
      value: 'user.tier',
      conditions: { scopes: ['email'] },
    });
    expect(services.scopes.defaults(other.id)).toEqual([]);
    expect(services.scopes.byNames(other.id, ['email', 'nope', 'email']).map((s) => s.name)).toEqual(['email']);
    services.servers.delete(other.id);
    expect(services.scopes.listByServer(other.id)).toEqual([]);
    expect(services.claims.listByServer(other.id)).toEqual([]);
    expect(services.scopes.listByServer('default')).toHaveLength(7);
  });

  it('migration 0040 backfills the system scopes of existing servers and the default server sub claim', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 40),
    );
    const insert = db.prepare(`INSERT INTO authorization_servers
      (id, name, description, audiences, issuer_mode, status, is_default, rotation_mode, last_rotated, next_rotation, created, last_updated)
      VALUES (?, ?, 'd', '["api://x"]', 'ORG_URL', 'ACTIVE', 0, 'AUTO', NULL, NULL, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`);
    insert.run('default', 'default');
    insert.run('aus00000000000000001', 'other');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 40),
    );
    const scopes = db
      .prepare('SELECT id, name, system, metadata_publish FROM scopes WHERE server_id = ? ORDER BY seq')
      .all('aus00000000000000001') as {
      id: string;
      name: string;
      system: number;
      metadata_publish: string;
    }[];
    expect(scopes.map((s) => s.name)).toEqual([
      'openid',
      'profile',
      'email',
      'address',
      'phone',
      'offline_access',
      'device_sso',
    ]);
    expect(
      scopes.every((s) => s.system === 1 && s.metadata_publish === 'ALL_CLIENTS' && /^scp[0-9a-f]{17}$/.test(s.id)),
    ).toBe(true);
    expect(count(db, 'scopes')).toBe(14);
    expect(db.prepare('SELECT server_id, name, value_type, system FROM claims').all()).toEqual([
      { server_id: 'default', name: 'sub', value_type: 'SYSTEM', system: 1 },
    ]);
    db.close();
  });
});
