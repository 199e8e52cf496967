import type { Migration } from './migration.js';

/**
 * Token families (RFC 6749 §6 and §10.4, RFC 7009, OAuth 2.0 Security BCP §4.14): one per grant
 * event; revoking one silences every token in it. Access tokens are self-contained JWTs, so only
 * their `jti` and expiry are kept (for revocation and introspection). Refresh tokens are opaque and
 * kept only as the SHA-256 of the token (base64url), never the token itself. Times are epoch ms.
 * Owner columns are null until a refresh token is issued (access-only families need none).
 */
export const m0090: Migration = {
  version: 90,
  name: 'token families',
  sql: `
    CREATE TABLE token_families (
      id             TEXT PRIMARY KEY,
      server_id      TEXT,
      app_id         TEXT,
      client_id      TEXT,
      user_id        TEXT,
      created        INTEGER NOT NULL,
      revoked        INTEGER,
      revoked_reason TEXT
    ) STRICT;
    CREATE INDEX token_families_by_created ON token_families (created);

    CREATE TABLE access_tokens (
      jti       TEXT PRIMARY KEY,
      family_id TEXT NOT NULL REFERENCES token_families (id) ON DELETE CASCADE,
      expires   INTEGER NOT NULL,
      revoked   INTEGER
    ) STRICT;
    CREATE INDEX access_tokens_by_family ON access_tokens (family_id);
    CREATE INDEX access_tokens_by_expiry ON access_tokens (expires);

    CREATE TABLE refresh_tokens (
      id           TEXT PRIMARY KEY,
      family_id    TEXT NOT NULL REFERENCES token_families (id) ON DELETE CASCADE,
      hash         TEXT NOT NULL UNIQUE,
      grant_json   TEXT NOT NULL,
      created      INTEGER NOT NULL,
      expires      INTEGER,
      last_used    INTEGER,
      idle_expires INTEGER NOT NULL,
      rotated_to   TEXT,
      used         INTEGER,
      revoked      INTEGER
    ) STRICT;
    CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);
    CREATE INDEX refresh_tokens_by_idle_expiry ON refresh_tokens (idle_expires);
    CREATE INDEX refresh_tokens_by_expiry ON refresh_tokens (expires);
  `,
};
