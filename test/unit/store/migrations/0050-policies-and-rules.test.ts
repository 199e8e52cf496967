/**
 * Migration 0050 on a database holding servers, users, groups, apps, scopes and claims: they are
 * kept, and policies and rules check their values, go with their server, and keep the users,
 * groups and apps they name from being deleted under them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { BOB, ENGINEERING, POLICY, RULE, T, WEB, allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(50));
});
afterEach(() => db.close());

const insertPolicy = (id: string, serverId: string, priority: number) =>
  db
    .prepare(
      `INSERT INTO policies (id, server_id, name, description, status, priority, system, all_clients, created, last_updated)
      VALUES (?, ?, 'P', 'd', 'ACTIVE', ?, 0, 1, '${T}', '${T}')`,
    )
    .run(id, serverId, priority);
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 0050: policies and rules', () => {
  it('keeps the servers, directory, apps, scopes and claims written before it', () => {
    expect(before['apps']).toHaveLength(1);
    expect(before['claims']).toHaveLength(2);
    expect(allRows(db)).toMatchObject(before);
  });

  it('checks priorities, status and the include/exclude mode', () => {
    seedTablesOf(db, 50);
    expect(() => insertPolicy('00pZERO0000000000001', 'default', 0)).toThrow(/CHECK constraint failed/);
    expect(() => insertPolicy('00pMISSING0000000001', 'aus-missing', 1)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare('UPDATE rules SET priority = 0').run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE rules SET status = 'PAUSED'").run()).toThrow(/CHECK constraint failed/);
    expect(() =>
      db.prepare(`INSERT INTO rule_users (rule_id, user_id, mode) VALUES ('${RULE}', '${BOB}', 'only')`).run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('refuses to delete an app, user or group a policy or rule names', () => {
    seedTablesOf(db, 50);
    expect(() => db.prepare('DELETE FROM apps WHERE id = ?').run(WEB)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare('DELETE FROM users WHERE id = ?').run(BOB)).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => db.prepare('DELETE FROM groups WHERE id = ?').run(ENGINEERING)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
  });

  it('deletes the policies of a deleted server, with their rules and the names in them', () => {
    seedTablesOf(db, 50);
    insertPolicy('00pOTHER000000000001', 'aus00000000000000001', 1);
    db.prepare('DELETE FROM authorization_servers WHERE id = ?').run('default');
    expect(db.prepare('SELECT id FROM policies').all()).toEqual([{ id: '00pOTHER000000000001' }]);
    expect([count('policy_apps'), count('rules'), count('rule_users'), count('rule_groups')]).toEqual([0, 0, 0, 0]);
    expect(db.prepare('SELECT id FROM policies WHERE id = ?').get(POLICY)).toBeUndefined();
  });
});
