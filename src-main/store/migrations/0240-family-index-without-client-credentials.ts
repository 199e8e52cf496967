import type { Migration } from './migration.js';

/**
 * `events_by_family` finds the first event of a token family: the one that made the decision a code
 * exchange, a refresh or a device code redeems (Okta evaluates the access policy once, when the
 * user authenticates: Okta developer docs, "Access policies"). A client_credentials token's family
 * is never redeemed: the grant issues no code, and no refresh token (it may not ask for
 * `offline_access`, an OpenID Connect scope; Okta "OpenID Connect & OAuth 2.0 API"). So its events
 * are left out of the index, one b-tree fewer in each client_credentials token's commit; they keep
 * their `family_id`, which the events API shows as before. Only the index changes: every row stays.
 */
export const m0240: Migration = {
  version: 240,
  name: 'events by family without client_credentials events',
  sql: `
    DROP INDEX events_by_family;
    CREATE INDEX events_by_family ON events (family_id, seq)
      WHERE family_id IS NOT NULL AND grant_type IS NOT 'client_credentials';
  `,
};
