import type { Migration } from './migration.js';

export const m0010: Migration = {
  version: 10,
  name: 'settings, authorization servers and signing keys',
  sql: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE authorization_servers (
      seq           INTEGER PRIMARY KEY AUTOINCREMENT,
      id            TEXT NOT NULL UNIQUE,
      name          TEXT NOT NULL,
      description   TEXT NOT NULL,
      audiences     TEXT NOT NULL,
      issuer_mode   TEXT NOT NULL CHECK (issuer_mode IN ('ORG_URL', 'CUSTOM_URL', 'DYNAMIC')),
      status        TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
      is_default    INTEGER NOT NULL CHECK (is_default IN (0, 1)),
      rotation_mode TEXT NOT NULL CHECK (rotation_mode IN ('AUTO', 'MANUAL')),
      last_rotated  TEXT,
      next_rotation TEXT,
      created       TEXT NOT NULL,
      last_updated  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE signing_keys (
      kid         TEXT PRIMARY KEY,
      server_id   TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      status      TEXT NOT NULL CHECK (status IN ('ACTIVE', 'NEXT', 'EXPIRED')),
      public_jwk  TEXT NOT NULL,
      private_jwk TEXT NOT NULL,
      created     TEXT NOT NULL
    ) STRICT;

    CREATE INDEX signing_keys_by_server ON signing_keys (server_id);
  `,
};
