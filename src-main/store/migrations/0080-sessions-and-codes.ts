import type { Migration } from './migration.js';

/**
 * State of the authorize endpoint (its sign-in, consent and codes): sign-in sessions per authorization server
 * and authorization codes, both stored only as SHA-256 hashes of their opaque values; authorization
 * requests waiting on the sign-in or consent page; the consent a user gave an app per scope.
 * Sessions, pending requests and codes go with their server; codes and consent go with their app
 * and user.
 */
export const m0080: Migration = {
  version: 80,
  name: 'sessions, pending authorizations, consent and authorization codes',
  sql: `
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      server_id  TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      auth_time  INTEGER NOT NULL,
      amr        TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX sessions_by_expiry ON sessions (expires_at);

    CREATE TABLE pending_authorizations (
      id                TEXT PRIMARY KEY,
      server_id         TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      params            TEXT NOT NULL,
      csrf              TEXT NOT NULL,
      signed_in_user_id TEXT,
      expires_at        INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX pending_authorizations_by_expiry ON pending_authorizations (expires_at);

    CREATE TABLE consents (
      server_id TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      app_id    TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      scope     TEXT NOT NULL,
      created   INTEGER NOT NULL,
      PRIMARY KEY (server_id, app_id, user_id, scope)
    ) STRICT;

    CREATE TABLE authorization_codes (
      id                    TEXT PRIMARY KEY,
      code_hash             TEXT NOT NULL UNIQUE,
      server_id             TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      app_id                TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      client_id             TEXT NOT NULL,
      redirect_uri          TEXT NOT NULL,
      code_challenge        TEXT,
      code_challenge_method TEXT CHECK (code_challenge_method IN ('S256', 'plain')),
      nonce                 TEXT,
      scopes                TEXT NOT NULL,
      user_id               TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      auth_time             INTEGER NOT NULL,
      amr                   TEXT NOT NULL,
      policy_id             TEXT NOT NULL,
      rule_id               TEXT NOT NULL,
      lifetimes             TEXT NOT NULL,
      expires_at            INTEGER NOT NULL,
      used_at               INTEGER
    ) STRICT;
    CREATE INDEX authorization_codes_by_expiry ON authorization_codes (expires_at);
  `,
};
