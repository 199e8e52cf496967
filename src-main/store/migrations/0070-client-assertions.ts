import type { Migration } from './migration.js';

/**
 * The `jti`s of client assertions already used at the token endpoint (RFC 7523 §3 item 7:
 * single use), each kept until the assertion expires; expired rows are swept on every insert.
 * No foreign key: a used jti stays used even if the app is deleted and its client_id reused.
 */
export const m0070: Migration = {
  version: 70,
  name: 'used client assertions',
  sql: `
    CREATE TABLE client_assertions (
      client_id  TEXT NOT NULL,
      jti        TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      PRIMARY KEY (client_id, jti)
    ) STRICT;
    CREATE INDEX client_assertions_by_expiry ON client_assertions (expires_at);
  `,
};
