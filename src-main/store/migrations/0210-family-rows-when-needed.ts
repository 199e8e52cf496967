import type { Migration } from './migration.js';

/**
 * An access token names its token family whether or not the family has a row: `token_families`
 * keeps a row only for what is stored about a family, the owner of its refresh tokens or its
 * revocation. A token with no refresh token (client_credentials, or a code exchange without
 * `offline_access`) writes no family row, one row and two indexes fewer in its commit; revoking a
 * family without a row creates it revoked (`store/token-repository.ts`). So `access_tokens.family_id`
 * no longer refers to `token_families`: the table is copied without that reference (nothing deletes a
 * family that still has tokens: the sweep deletes only families without any), its rows and indexes as they were.
 */
export const m0210: Migration = {
  version: 210,
  name: 'token family rows only when something is stored about the family',
  sql: `
    CREATE TABLE access_tokens_0210 (
      jti       TEXT PRIMARY KEY,
      family_id TEXT NOT NULL,
      expires   INTEGER NOT NULL,
      revoked   INTEGER
    ) STRICT, WITHOUT ROWID;
    INSERT INTO access_tokens_0210 (jti, family_id, expires, revoked)
      SELECT jti, family_id, expires, revoked FROM access_tokens;
    DROP TABLE access_tokens;
    ALTER TABLE access_tokens_0210 RENAME TO access_tokens;
    CREATE INDEX access_tokens_by_family ON access_tokens (family_id);
    CREATE INDEX access_tokens_by_expiry ON access_tokens (expires);
  `,
};
