import type { Migration } from './migration.js';

/**
 * Device authorizations (RFC 8628 §3.1–§3.5): the device code is kept only as its
 * SHA-256 (hex), the user code as typed without its dash. `status` moves pending → approved or
 * denied → used; the decided scopes and lifetimes are kept from the approval (policy evaluated once).
 * `last_polled_at` paces polling (`slow_down`). Times are epoch ms; rows are swept after expiry.
 */
export const m0100: Migration = {
  version: 100,
  name: 'device authorizations',
  sql: `
    CREATE TABLE device_authorizations (
      id               TEXT PRIMARY KEY,
      device_code_hash TEXT NOT NULL UNIQUE,
      user_code        TEXT NOT NULL UNIQUE,
      server_id        TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      app_id           TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      client_id        TEXT NOT NULL,
      scope            TEXT,
      status           TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'used')),
      user_id          TEXT REFERENCES users (id) ON DELETE CASCADE,
      auth_time        INTEGER,
      amr              TEXT,
      scopes           TEXT,
      lifetimes        TEXT,
      interval_seconds INTEGER NOT NULL,
      last_polled_at   INTEGER,
      expires_at       INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX device_authorizations_by_expiry ON device_authorizations (expires_at);
  `,
};
