import type { Migration } from './migration.js';

/**
 * Which Flow Runner run sent the request an event records: one row per event a run's steps
 * collected, so the Event Log links an event back to its run without reading every run's document.
 * Rows go with their run; the runs kept before this migration are linked from their documents.
 */
export const m0160: Migration = {
  version: 160,
  name: 'flow run events',
  sql: `
    CREATE TABLE flow_run_events (
      event_id TEXT PRIMARY KEY,
      run_id   TEXT NOT NULL REFERENCES flow_runs (id) ON DELETE CASCADE
    ) STRICT;
    CREATE INDEX flow_run_events_by_run ON flow_run_events (run_id);
    INSERT OR IGNORE INTO flow_run_events (event_id, run_id)
      SELECT event.value, run.id
      FROM flow_runs AS run, json_each(run.document, '$.steps') AS step, json_each(step.value, '$.eventIds') AS event;
  `,
};
