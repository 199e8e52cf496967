import type { Migration } from './migration.js';

/**
 * An event's jtis (the JWTs its request presented or its answer issued) move into its row, as a
 * JSON array in `events.jtis` (NULL for none), and `event_jtis` goes with its two b-trees: the table
 * keyed by jti and its index by event, which a read used for each event's jtis and the log's
 * deletion of its oldest events for the cascade. A token request writes them no more (two b-trees
 * fewer in each commit); the jti filter of the events API walks the small rows newest first, as its
 * other filters do. Every event keeps its jtis, in order; the table is dropped once they are copied.
 */
export const m0260: Migration = {
  version: 260,
  name: 'event jtis in the event row',
  sql: `
    ALTER TABLE events ADD COLUMN jtis TEXT;
    UPDATE events SET jtis = (SELECT json_group_array(jti ORDER BY jti) FROM event_jtis WHERE event_id = events.id)
      WHERE id IN (SELECT event_id FROM event_jtis);
    DROP TABLE event_jtis;
  `,
};
