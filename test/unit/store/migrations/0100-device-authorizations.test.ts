/**
 * Migration 0100 on a database holding everything before it (sessions, codes, token families…):
 * all kept, and device authorizations check their status and unique codes, and go with their
 * server, app or user.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { ALICE, WEB, allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(100));
});
afterEach(() => db.close());

const insertDevice = (
  id: string,
  userCode: string,
  fields: { status?: string; serverId?: string; appId?: string; userId?: string | null } = {},
) =>
  db
    .prepare(
      `INSERT INTO device_authorizations (id, device_code_hash, user_code, server_id, app_id, client_id, status, user_id, interval_seconds, expires_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, 1704067800000)`,
    )
    .run(
      id,
      `hash-${id}`,
      userCode,
      fields.serverId ?? 'default',
      fields.appId ?? WEB,
      WEB,
      fields.status ?? 'pending',
      fields.userId ?? null,
    );

describe('migration 0100: device authorizations', () => {
  it('keeps the sessions, codes, token families and everything else written before it', () => {
    expect(before['authorization_codes']).toHaveLength(1);
    expect(before['refresh_tokens']).toHaveLength(1);
    expect(allRows(db)).toMatchObject(before);
  });

  it('checks the status and keeps user codes and device code hashes unique', () => {
    seedTablesOf(db, 100);
    expect(() => insertDevice('dev2', 'MNPQRSTV', { status: 'expired' })).toThrow(/CHECK constraint failed/);
    expect(() => insertDevice('dev2', 'BCDFGHJK')).toThrow(/UNIQUE constraint failed: device_authorizations.user_code/);
    insertDevice('dev2', 'MNPQRSTV', { status: 'approved', userId: ALICE });
    expect(() =>
      db.prepare("UPDATE device_authorizations SET device_code_hash = 'hash-dev2' WHERE id = 'dev1'").run(),
    ).toThrow(/UNIQUE constraint failed: device_authorizations.device_code_hash/);
  });

  it('needs an existing server, app and user, and goes with any of them', () => {
    seedTablesOf(db, 100);
    expect(() => insertDevice('dev2', 'MNPQRSTV', { serverId: 'aus-missing' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => insertDevice('dev2', 'MNPQRSTV', { appId: '0oaMISSING0000000001' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(() => insertDevice('dev2', 'MNPQRSTV', { userId: '00uMISSING0000000001' })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    insertDevice('dev2', 'MNPQRSTV', { status: 'approved', userId: ALICE });
    db.prepare('DELETE FROM users WHERE id = ?').run(ALICE);
    expect(db.prepare('SELECT id FROM device_authorizations').all()).toEqual([{ id: 'dev1' }]);
    db.prepare('DELETE FROM policies').run();
    db.prepare('DELETE FROM apps WHERE id = ?').run(WEB);
    expect(db.prepare('SELECT count(*) AS n FROM device_authorizations').get()).toEqual({ n: 0 });
  });
});
