import type { Migration } from './migration.js';

/**
 * An access token whose `jti` does not begin with `AT.` and its own expiry (`expires`) in base 62, as
 * `timePrefix` writes it: one issued before 0260 (its jti begins with its issue time, or is random in
 * an older folder), or one written by other means. The token repository marks the others when it
 * inserts them (`expiry_ordered`, 1); the sweep finds these through `access_tokens_by_expiry` and
 * walks the primary key in time order for the others (`store/token-repository.ts` states this very
 * condition, which SQLite's planner matches with the index's).
 */
export const NOT_EXPIRY_ORDERED = 'expiry_ordered IS NULL';

/**
 * Two b-trees fewer in a token request's commit:
 * - an event's jtis (the JWTs its request presented or its answer issued) move into its row, as a
 *   JSON array in `events.jtis` (NULL for none), and `event_jtis` goes with its two b-trees: the table
 *   keyed by jti and its index by event, which a read used for each event's jtis and the log's
 *   deletion of its oldest events for the cascade. The jti filter of the events API walks the small
 *   rows newest first, as its other filters do. Every event keeps its jtis; the table is dropped once
 *   they are copied.
 * - an access token's `jti` now begins with its expiry (`core/protocol/tokens.ts`), so the primary
 *   key is in expiry order and the sweep deletes the expired tokens from its start; the index by
 *   expiry keeps only the tokens whose jti is not so made (`NOT_EXPIRY_ORDERED`), those of before.
 */
export const m0260: Migration = {
  version: 260,
  name: 'event jtis in the event row; access tokens swept by their jti',
  sql: `
    ALTER TABLE events ADD COLUMN jtis TEXT;
    UPDATE events SET jtis = (SELECT json_group_array(jti ORDER BY jti) FROM event_jtis WHERE event_id = events.id)
      WHERE id IN (SELECT event_id FROM event_jtis);
    DROP TABLE event_jtis;

    ALTER TABLE access_tokens ADD COLUMN expiry_ordered INTEGER;
    DROP INDEX access_tokens_by_expiry;
    CREATE INDEX access_tokens_by_expiry ON access_tokens (expires) WHERE ${NOT_EXPIRY_ORDERED};
  `,
};
