import type { Migration } from './migration.js';

/**
 * Access tokens and the event log's jtis as WITHOUT ROWID tables (https://www.sqlite.org/withoutrowid.html):
 * each row is found by its primary key, so the table is stored in the primary key's own b-tree
 * instead of a rowid table beside a unique index on the key. A token request writes one b-tree fewer
 * for each (a page of each in every commit). Their other indexes stay: `access_tokens_by_family`
 * for a family's deletion (ON DELETE CASCADE) and the sweep of empty families, `access_tokens_by_expiry`
 * for the sweep, `event_jtis_by_event` for an event's jtis and its deletion. Nothing refers to either
 * table, so each is copied, dropped and renamed with its rows as they were.
 */
export const m0200: Migration = {
  version: 200,
  name: 'access tokens and event jtis without rowid',
  sql: `
    CREATE TABLE access_tokens_0200 (
      jti       TEXT PRIMARY KEY,
      family_id TEXT NOT NULL REFERENCES token_families (id) ON DELETE CASCADE,
      expires   INTEGER NOT NULL,
      revoked   INTEGER
    ) STRICT, WITHOUT ROWID;
    INSERT INTO access_tokens_0200 (jti, family_id, expires, revoked)
      SELECT jti, family_id, expires, revoked FROM access_tokens;
    DROP TABLE access_tokens;
    ALTER TABLE access_tokens_0200 RENAME TO access_tokens;
    CREATE INDEX access_tokens_by_family ON access_tokens (family_id);
    CREATE INDEX access_tokens_by_expiry ON access_tokens (expires);

    CREATE TABLE event_jtis_0200 (
      jti      TEXT NOT NULL,
      event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      PRIMARY KEY (jti, event_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO event_jtis_0200 (jti, event_id) SELECT jti, event_id FROM event_jtis;
    DROP TABLE event_jtis;
    ALTER TABLE event_jtis_0200 RENAME TO event_jtis;
    CREATE INDEX event_jtis_by_event ON event_jtis (event_id);
  `,
};
