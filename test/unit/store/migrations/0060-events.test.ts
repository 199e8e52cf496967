/**
 * Migration 0060 on a database holding the whole directory and its policies: they are kept, and the
 * event log takes events that name servers, clients and users that do not (or no longer) exist.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { ALICE, T, allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(60));
});
afterEach(() => db.close());

const insertEvent = (id: string, outcome: string, serverId: string | null) =>
  db
    .prepare(`INSERT INTO events (id, time, endpoint, server_id, outcome) VALUES (?, '${T}', 'authorize', ?, ?)`)
    .run(id, serverId, outcome);

describe('migration 0060: the event log', () => {
  it('keeps the policies and everything else written before it', () => {
    expect(before['rules']).toHaveLength(1);
    expect(before['rule_groups']).toHaveLength(1);
    expect(allRows(db)).toMatchObject(before);
  });

  it('orders events by seq and leaves the optional columns null', () => {
    seedTablesOf(db, 60);
    insertEvent('evt2', 'success', null);
    expect(db.prepare('SELECT seq, id FROM events ORDER BY seq').all()).toEqual([
      { seq: 1, id: 'evt1' },
      { seq: 2, id: 'evt2' },
    ]);
    expect(
      db
        .prepare(
          "SELECT client_id, user_id, grant_type, error, error_description, detail, trace FROM events WHERE id = 'evt2'",
        )
        .get(),
    ).toEqual({
      client_id: null,
      user_id: null,
      grant_type: null,
      error: null,
      error_description: null,
      detail: null,
      trace: null,
    });
  });

  it('keeps an event after what it names is deleted, and checks the outcome and unique id', () => {
    seedTablesOf(db, 60);
    insertEvent('evt2', 'failure', 'aus-never-existed');
    db.prepare('DELETE FROM policies').run();
    db.prepare('DELETE FROM users WHERE id = ?').run(ALICE);
    expect(db.prepare('SELECT user_id FROM events WHERE id = ?').get('evt1')).toEqual({ user_id: ALICE });
    expect(() => insertEvent('evt3', 'error', null)).toThrow(/CHECK constraint failed/);
    expect(() => insertEvent('evt1', 'success', null)).toThrow(/UNIQUE constraint failed: events.id/);
  });
});
