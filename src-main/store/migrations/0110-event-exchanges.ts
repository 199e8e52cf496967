import type { Migration } from './migration.js';

/**
 * The event log as a request log: each event keeps its exchange (request and response as JSON,
 * secrets masked), the `jti`s of the JWTs it presented or issued (space-separated, searched by
 * `event_jtis`), and the token family its tokens belong to, which links a code exchange or a
 * refresh to the event that made its decision.
 */
export const m0110: Migration = {
  version: 110,
  name: 'event exchanges, jtis and token families',
  sql: `
    ALTER TABLE events ADD COLUMN exchange TEXT;
    ALTER TABLE events ADD COLUMN family_id TEXT;
    CREATE TABLE event_jtis (
      jti      TEXT NOT NULL,
      event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      PRIMARY KEY (jti, event_id)
    ) STRICT;
    CREATE INDEX event_jtis_by_event ON event_jtis (event_id);
    CREATE INDEX events_by_family ON events (family_id, seq);
  `,
};
