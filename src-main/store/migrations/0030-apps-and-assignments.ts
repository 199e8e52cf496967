import type { Migration } from './migration.js';

/**
 * OIDC applications and their user / group assignments. Queried members are columns; the rest of
 * the Okta app body (settings, visibility, features…) is kept whole in \`document\`.
 */
export const m0030: Migration = {
  version: 30,
  name: 'applications and assignments',
  sql: `
    CREATE TABLE apps (
      seq                        INTEGER PRIMARY KEY AUTOINCREMENT,
      id                         TEXT NOT NULL UNIQUE,
      label                      TEXT NOT NULL,
      status                     TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
      client_id                  TEXT NOT NULL UNIQUE,
      client_secret              TEXT,
      token_endpoint_auth_method TEXT NOT NULL,
      application_type           TEXT NOT NULL CHECK (application_type IN ('web', 'native', 'browser', 'service')),
      document                   TEXT NOT NULL,
      created                    TEXT NOT NULL,
      last_updated               TEXT NOT NULL
    ) STRICT;

    CREATE TABLE app_user_assignments (
      app_id         TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      user_id        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      scope          TEXT NOT NULL CHECK (scope IN ('USER', 'GROUP')),
      user_name      TEXT,
      profile        TEXT NOT NULL DEFAULT '{}',
      created        TEXT NOT NULL,
      last_updated   TEXT NOT NULL,
      status_changed TEXT NOT NULL,
      PRIMARY KEY (app_id, user_id)
    ) STRICT;
    CREATE INDEX app_user_assignments_by_user ON app_user_assignments (user_id);

    CREATE TABLE app_group_assignments (
      app_id       TEXT NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
      group_id     TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      priority     INTEGER NOT NULL DEFAULT 0,
      profile      TEXT NOT NULL DEFAULT '{}',
      created      TEXT NOT NULL,
      last_updated TEXT NOT NULL,
      PRIMARY KEY (app_id, group_id)
    ) STRICT;
    CREATE INDEX app_group_assignments_by_group ON app_group_assignments (group_id);
  `,
};
