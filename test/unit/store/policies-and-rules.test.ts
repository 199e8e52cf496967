/**
 * Policies and rules over a real in-memory database: the seeded default setup, the resolved view the
 * policy engine reads (`policiesForEvaluation`), what the reference queries see, the RESTRICT and
 * CASCADE foreign keys, and a failed write that leaves nothing behind.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { seedOnFirstStart } from '../../../src-main/app/seed.js';
import { buildServices } from '../../../src-main/app/services.js';
import type { Services } from '../../../src-main/app/services.js';
import { ValidationFailed } from '../../../src-main/core/errors.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteReferenceRepository } from '../../../src-main/store/reference-repository.js';
import { FakeClock, FakeCrypto } from '../core/fakes.js';

const NOW = '2024-01-01T00:00:00.000Z';
const EVERYONE_ID = '00gEVERYONE000000000';
let db: Db;
let services: Services;
let crypto: FakeCrypto;

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

function insertDirectory(): void {
  db.prepare(
    `INSERT INTO users (id, login, status, profile, created, last_updated) VALUES ('00ualice', 'alice@example.com', 'ACTIVE', '{}', ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO groups (id, type, name, created, last_updated, last_membership_updated) VALUES ('00gadmins', 'OKTA_GROUP', 'admins', ?, ?, ?)`,
  ).run(NOW, NOW, NOW);
  db.prepare(
    `INSERT INTO apps (id, label, status, client_id, token_endpoint_auth_method, application_type, document, created, last_updated)
     VALUES ('0oaweb', 'Web', 'ACTIVE', 'web-client', 'client_secret_basic', 'web', '{}', ?, ?)`,
  ).run(NOW, NOW);
}

/** A server with two custom scopes (system scopes are the scopes service's business). */
async function createServer() {
  const server = await services.servers.create({
    name: 'Orders',
    description: 'Orders API',
    audiences: ['api://orders'],
  });
  for (const name of ['orders:read', 'orders:write']) {
    db.prepare(
      `INSERT INTO scopes (id, server_id, name, consent, is_default, metadata_publish, optional, system, created, last_updated)
       VALUES (?, ?, ?, 'IMPLICIT', 0, 'NO_CLIENTS', 0, 0, ?, ?)`,
    ).run(`scp${name}`, server.id, name, NOW, NOW);
  }
  return server;
}

const rule = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'RESOURCE_ACCESS',
  name,
  conditions: {
    people: { users: { include: ['00ualice'] }, groups: { include: ['00gadmins', 'EVERYONE'] } },
    grantTypes: { include: ['authorization_code', 'refresh_token'] },
    scopes: { include: ['orders:read', 'orders:write'] },
  },
  ...extra,
});

beforeEach(async () => {
  db = openDatabase(':memory:');
  crypto = new FakeCrypto();
  services = buildServices(db, crypto, new FakeClock(new Date(NOW)));
  await seedOnFirstStart(services);
  insertDirectory();
});

describe('policies and rules in the store', () => {
  it('seeds the default server with the Default Policy and its rule, resolved for evaluation', () => {
    const [policy, ...others] = services.policies.policiesForEvaluation('default');
    expect(others).toEqual([]);
    expect(policy).toMatchObject({
      name: 'Default Policy',
      priority: 1,
      status: 'ACTIVE',
      allClients: true,
      clientIds: [],
    });
    expect(policy!.rules).toHaveLength(1);
    expect(policy!.rules[0]).toMatchObject({
      name: 'Default Policy Rule',
      priority: 1,
      status: 'ACTIVE',
      userIds: { include: [], exclude: [] },
      groupIds: { include: [EVERYONE_ID], exclude: [] },
      scopes: ['*'],
      accessTokenMinutes: 60,
      refreshTokenMinutes: 0,
      refreshWindowMinutes: 10080,
      inlineHookId: null,
    });
    expect(policy!.rules[0]!.grantTypes).toEqual(
      expect.arrayContaining([
        'authorization_code',
        'client_credentials',
        'urn:ietf:params:oauth:grant-type:device_code',
      ]),
    );
  });

  it('gives the policy engine one kept list of the policies and rules per server, built again after a write', async () => {
    const server = await createServer();
    const engine = services.tokenGrants.policies;
    const kept = engine.policiesForEvaluation(server.id);
    expect(engine.policiesForEvaluation(server.id)).toBe(kept);
    expect(kept).toEqual(services.policies.policiesForEvaluation(server.id));
    const policy = services.policies.create(server.id, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'New',
      description: 'new',
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    });
    services.rules.create(server.id, policy.id, rule('new rule'));
    const after = engine.policiesForEvaluation(server.id);
    expect(after).not.toBe(kept);
    expect(after.map((p) => [p.name, p.rules.map((r) => r.name)])).toContainEqual(['New', ['new rule']]);
  });

  it('gives policiesForEvaluation every policy (ACTIVE or not) and its rules in priority order', async () => {
    const server = await createServer();
    const web = services.policies.create(server.id, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Web',
      description: 'web only',
      conditions: { clients: { include: ['web-client'] } },
    });
    const first = services.policies.create(server.id, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'First',
      description: 'first',
      priority: 1,
      status: 'INACTIVE',
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    });
    services.rules.create(server.id, web.id, rule('later'));
    services.rules.create(server.id, web.id, rule('sooner', { priority: 1 }));
    const view = services.policies.policiesForEvaluation(server.id);
    expect(view.map((p) => [p.name, p.priority, p.status, p.allClients, p.clientIds])).toEqual([
      ['First', 1, 'INACTIVE', true, []],
      ['Web', 2, 'ACTIVE', false, ['web-client']],
    ]);
    expect(view[0]!.id).toBe(first.id);
    expect(view[1]!.rules.map((r) => [r.name, r.priority])).toEqual([
      ['sooner', 1],
      ['later', 2],
    ]);
    expect(view[1]!.rules[0]).toMatchObject({
      userIds: { include: ['00ualice'], exclude: [] },
      groupIds: { include: ['00gadmins', EVERYONE_ID], exclude: [] },
      grantTypes: ['authorization_code', 'refresh_token'],
      scopes: ['orders:read', 'orders:write'],
    });
  });

  it('is what the reference queries find, and the RESTRICT keys refuse deleting what a policy or rule names', async () => {
    const server = await createServer();
    const web = services.policies.create(server.id, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Web',
      description: 'web only',
      conditions: { clients: { include: ['web-client'] } },
    });
    services.rules.create(server.id, web.id, rule('admins'));
    const refs = new SqliteReferenceRepository(db);
    const ref = { serverId: server.id, policyId: web.id, policyName: 'Web', ruleName: 'admins' };
    expect(refs.toUser('00ualice')).toEqual([ref]);
    expect(refs.toGroup('00gadmins')).toEqual([ref]);
    expect(refs.toScope(server.id, 'orders:write')).toEqual([ref]);
    expect(refs.toApp('0oaweb')).toEqual([{ ...ref, ruleName: undefined }]);
    expect(() => db.prepare("DELETE FROM users WHERE id = '00ualice'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("DELETE FROM apps WHERE id = '0oaweb'").run()).toThrow(/FOREIGN KEY/);
  });

  it('deleting a server removes its policies, rules and their references', async () => {
    const server = await createServer();
    const web = services.policies.create(server.id, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Web',
      description: 'web only',
      conditions: { clients: { include: ['web-client'] } },
    });
    services.rules.create(server.id, web.id, rule('admins'));
    services.servers.delete(server.id);
    expect([
      count('policies'),
      count('policy_apps'),
      count('rules'),
      count('rule_users'),
      count('rule_groups'),
    ]).toEqual([1, 0, 1, 0, 1]);
  });

  it('rolls back the priority shift when the insert after it fails', () => {
    const [existing] = services.policies.list('default');
    // The new policy gets the existing one's id, so its insert fails after the others were shifted.
    crypto.randomId = () => existing!.id;
    const create = () =>
      services.policies.create('default', {
        type: 'OAUTH_AUTHORIZATION_POLICY',
        name: 'Clash',
        description: 'x',
        priority: 1,
        conditions: { clients: { include: ['ALL_CLIENTS'] } },
      });
    expect(create).toThrow(/UNIQUE/);
    expect(services.policies.list('default')).toEqual([existing]);
  });

  it('refuses an unknown client before writing anything', () => {
    const before = [count('policies'), count('policy_apps')];
    expect(() =>
      services.policies.create('default', {
        type: 'OAUTH_AUTHORIZATION_POLICY',
        name: 'Broken',
        description: 'x',
        conditions: { clients: { include: ['web-client', 'nope'] } },
      }),
    ).toThrow(ValidationFailed);
    expect([count('policies'), count('policy_apps')]).toEqual(before);
  });
});
