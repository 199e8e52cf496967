import type { Migration } from './migration.js';

const SYSTEM_SCOPES: [string, string][] = [
  ['openid', 'Signals that a request is an OpenID request.'],
  ['profile', "Allows access to the end user's default profile claims."],
  ['email', "Allows access to the end user's email address."],
  ['address', "Allows access to the end user's address."],
  ['phone', "Allows access to the end user's phone number."],
  ['offline_access', 'Allows access to a refresh token.'],
  ['device_sso', 'Allows the client to request a device secret for native SSO.'],
];

/** Scopes and claims of each authorization server; existing servers get the system scopes (and `default` its `sub` claim). */
export const m0040: Migration = {
  version: 40,
  name: 'scopes and claims',
  sql: `
    CREATE TABLE scopes (
      seq              INTEGER PRIMARY KEY AUTOINCREMENT,
      id               TEXT NOT NULL UNIQUE,
      server_id        TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      name             TEXT NOT NULL,
      display_name     TEXT,
      description      TEXT,
      consent          TEXT NOT NULL CHECK (consent IN ('IMPLICIT', 'REQUIRED', 'FLEXIBLE')),
      is_default       INTEGER NOT NULL CHECK (is_default IN (0, 1)),
      metadata_publish TEXT NOT NULL CHECK (metadata_publish IN ('ALL_CLIENTS', 'NO_CLIENTS')),
      optional         INTEGER NOT NULL CHECK (optional IN (0, 1)),
      system           INTEGER NOT NULL CHECK (system IN (0, 1)),
      created          TEXT NOT NULL,
      last_updated     TEXT NOT NULL,
      UNIQUE (server_id, name)
    ) STRICT;

    CREATE TABLE claims (
      seq               INTEGER PRIMARY KEY AUTOINCREMENT,
      id                TEXT NOT NULL UNIQUE,
      server_id         TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      name              TEXT NOT NULL,
      status            TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
      claim_type        TEXT NOT NULL CHECK (claim_type IN ('RESOURCE', 'IDENTITY')),
      value_type        TEXT NOT NULL CHECK (value_type IN ('EXPRESSION', 'GROUPS', 'SYSTEM')),
      value             TEXT NOT NULL,
      group_filter_type TEXT CHECK (group_filter_type IN ('STARTS_WITH', 'EQUALS', 'CONTAINS', 'REGEX')),
      always_include    INTEGER NOT NULL CHECK (always_include IN (0, 1)),
      condition_scopes  TEXT NOT NULL DEFAULT '[]',
      system            INTEGER NOT NULL CHECK (system IN (0, 1)),
      created           TEXT NOT NULL,
      last_updated      TEXT NOT NULL,
      UNIQUE (server_id, claim_type, name)
    ) STRICT;

    ${SYSTEM_SCOPES.map(
      ([name, description]) => `
    INSERT INTO scopes (id, server_id, name, display_name, description, consent, is_default, metadata_publish, optional, system, created, last_updated)
    SELECT 'scp' || substr(lower(hex(randomblob(9))), 1, 17), id, '${name}', '${name}', '${description.replace(/'/g, "''")}', 'IMPLICIT', 0, 'ALL_CLIENTS', 0, 1, created, created
    FROM authorization_servers;`,
    ).join('\n')}

    -- The default server's system claim sub (Okta "Authorization Server Claims" API), as the service creates it.
    INSERT INTO claims (id, server_id, name, status, claim_type, value_type, value, group_filter_type, always_include, condition_scopes, system, created, last_updated)
    SELECT 'ocl' || substr(lower(hex(randomblob(9))), 1, 17), id, 'sub', 'ACTIVE', 'RESOURCE', 'SYSTEM',
      '(appuser != null) ? appuser.userName : app.clientId', NULL, 1, '[]', 1, created, created
    FROM authorization_servers WHERE id = 'default';
  `,
};

export { SYSTEM_SCOPES as SYSTEM_SCOPE_DESCRIPTIONS };
