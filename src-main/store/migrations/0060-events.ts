import type { Migration } from './migration.js';

/**
 * The event log of protocol requests: one row per request to a protocol endpoint. `seq` orders events (newest = highest) and
 * bounds the table: each insert deletes the rows more than N behind it. No foreign keys: an event
 * outlives the server, client or user it names.
 */
export const m0060: Migration = {
  version: 60,
  name: 'protocol event log',
  sql: `
    CREATE TABLE events (
      seq               INTEGER PRIMARY KEY AUTOINCREMENT,
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
      trace             TEXT
    ) STRICT;
    CREATE INDEX events_by_server ON events (server_id, seq);
    CREATE INDEX events_by_client ON events (client_id, seq);
    CREATE INDEX events_by_user ON events (user_id, seq);
    CREATE INDEX events_by_endpoint ON events (endpoint, seq);
    CREATE INDEX events_by_outcome ON events (outcome, seq);
  `,
};
