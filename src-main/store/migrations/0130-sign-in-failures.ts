import type { Migration } from './migration.js';

/** Failed sign-ins per user (Okta's lockout): how many since the last good one, and when the last was. */
export const m0130: Migration = {
  version: 130,
  name: 'sign-in failures',
  sql: `
    CREATE TABLE sign_in_failures (
      user_id     TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      count       INTEGER NOT NULL,
      last_failed INTEGER NOT NULL
    ) STRICT;
  `,
};
