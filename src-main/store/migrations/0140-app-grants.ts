import type { Migration } from './migration.js';

/** Okta API scopes granted to apps (Okta "Application Grants" API): one row per app and scope. */
export const m0140: Migration = {
  version: 140,
  name: 'app grants',
  sql: `
    CREATE TABLE app_grants (
      id           TEXT PRIMARY KEY,
      app_id       TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      scope_id     TEXT NOT NULL,
      issuer       TEXT NOT NULL,
      created      TEXT NOT NULL,
      last_updated TEXT NOT NULL,
      UNIQUE (app_id, scope_id)
    ) STRICT;
  `,
};
