/**
 * Migration 0110 on a database holding everything before it: the events already logged keep every
 * field (with no exchange, family or jtis), new events take them, and an event's jtis go with it
 * when the log drops it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(110));
});
afterEach(() => db.close());

describe('migration 0110: event exchanges, jtis and token families', () => {
  it('keeps the events logged before it, with no exchange and no family', () => {
    expect(before['events']).toHaveLength(1);
    const [event] = allRows(db)['events'] as Record<string, unknown>[];
    expect(event).toEqual({ ...(before['events']![0] as object), exchange: null, family_id: null });
    expect(allRows(db)['event_jtis']).toEqual([]);
  });

  it('takes new events with their exchange, family and jtis, and drops the jtis with the event', () => {
    seedTablesOf(db, 110);
    expect(db.prepare("SELECT family_id FROM events WHERE id = 'evt2'").get()).toEqual({ family_id: 'tfm1' });
    expect(() => db.prepare("INSERT INTO event_jtis (jti, event_id) VALUES ('AT.2', 'evtNONE')").run()).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    db.prepare("DELETE FROM events WHERE id = 'evt2'").run();
    expect(allRows(db)['event_jtis']).toEqual([]);
  });
});
