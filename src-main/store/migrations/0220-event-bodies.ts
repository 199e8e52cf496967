import type { Migration } from './migration.js';

/**
 * The event log in two tables, so that a token request writes fewer b-trees and pages for its event:
 * - `events` keeps what a list filters on and shows, a row of a few hundred bytes; `seq` is a plain
 *   rowid, no longer AUTOINCREMENT (which wrote `sqlite_sequence` on every insert): the log deletes
 *   only its oldest rows, so the newest row stays and the next rowid is still the largest plus one
 *   (https://www.sqlite.org/autoinc.html);
 * - `event_bodies` keeps the trace and the exchange (kilobytes) under the same `seq`;
 * - `event_policies` keeps the policies part of a trace once per distinct text, found by its SHA-256
 *   (`events.policies`): with many policies on a server it is most of the trace and the same for
 *   every request of a client at the same configuration.
 * Of the indexes only the unique `id`, the family's (a code exchange or a refresh looks up the event
 * that made its decision) and `event_jtis` stay: a filtered list walks the small rows newest first.
 * The rows are copied as they were (the traces in the form they had, `policies` NULL); `event_jtis`
 * is copied too, its foreign key following `events` to the new table, so dropping the old table
 * cascades into nothing.
 */
export const m0220: Migration = {
  version: 220,
  name: 'event log rows, bodies and shared policy traces',
  sql: `
    CREATE TABLE events_0220 (
      seq               INTEGER PRIMARY KEY,
      id                TEXT NOT NULL UNIQUE,
      time              TEXT NOT NULL,
      endpoint          TEXT NOT NULL,
      server_id         TEXT,
      client_id         TEXT,
      user_id           TEXT,
      grant_type        TEXT,
      outcome           TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
      error             TEXT,
      error_description TEXT,
      detail            TEXT,
      family_id         TEXT,
      policies          BLOB
    ) STRICT;
    INSERT INTO events_0220 (seq, id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, family_id)
      SELECT seq, id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, family_id
      FROM events;

    CREATE TABLE event_bodies (
      seq      INTEGER PRIMARY KEY REFERENCES events_0220 (seq) ON DELETE CASCADE,
      trace    TEXT,
      exchange TEXT
    ) STRICT;
    INSERT INTO event_bodies (seq, trace, exchange) SELECT seq, trace, exchange FROM events;

    CREATE TABLE event_policies (
      hash     BLOB PRIMARY KEY,
      policies TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE event_jtis_0220 (
      jti      TEXT NOT NULL,
      event_id TEXT NOT NULL REFERENCES events_0220 (id) ON DELETE CASCADE,
      PRIMARY KEY (jti, event_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO event_jtis_0220 (jti, event_id) SELECT jti, event_id FROM event_jtis;
    DROP TABLE event_jtis;
    DROP TABLE events;
    ALTER TABLE events_0220 RENAME TO events;
    ALTER TABLE event_jtis_0220 RENAME TO event_jtis;
    CREATE INDEX event_jtis_by_event ON event_jtis (event_id);
    CREATE INDEX events_by_family ON events (family_id, seq) WHERE family_id IS NOT NULL;
  `,
};
