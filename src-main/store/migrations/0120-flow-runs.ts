import type { Migration } from './migration.js';

/**
 * Flow Runner runs: the columns the history lists and filters by, and the run itself (steps,
 * exchanges, tokens, checks, the secrets it needs between steps) as one JSON document, written
 * whole after each step. A run goes with its server or app.
 */
export const m0120: Migration = {
  version: 120,
  name: 'flow runs',
  sql: `
    CREATE TABLE flow_runs (
      id            TEXT PRIMARY KEY,
      flow          TEXT NOT NULL,
      server_id     TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      app_id        TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      status        TEXT NOT NULL CHECK (status IN ('ready', 'waiting-callback', 'polling', 'finished', 'failed')),
      created       INTEGER NOT NULL,
      last_updated  INTEGER NOT NULL,
      document      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX flow_runs_by_created ON flow_runs (created);
  `,
};
