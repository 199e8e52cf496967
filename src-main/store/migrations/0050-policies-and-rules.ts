import type { Migration } from './migration.js';

/**
 * Access policies and their rules. References to apps, users and groups are join tables with
 * ON DELETE RESTRICT: the API refuses to delete something a policy or rule still names.
 * The built-in Everyone group stands for EVERYONE in rule conditions.
 */
export const m0050: Migration = {
  version: 50,
  name: 'access policies and rules',
  sql: `
    CREATE TABLE policies (
      seq          INTEGER PRIMARY KEY AUTOINCREMENT,
      id           TEXT NOT NULL UNIQUE,
      server_id    TEXT NOT NULL REFERENCES authorization_servers (id) ON DELETE CASCADE,
      name         TEXT NOT NULL,
      description  TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
      priority     INTEGER NOT NULL CHECK (priority >= 1),
      system       INTEGER NOT NULL CHECK (system IN (0, 1)),
      all_clients  INTEGER NOT NULL CHECK (all_clients IN (0, 1)),
      created      TEXT NOT NULL,
      last_updated TEXT NOT NULL
    ) STRICT;
    CREATE INDEX policies_by_server ON policies (server_id, priority);

    CREATE TABLE policy_apps (
      policy_id TEXT NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
      app_id    TEXT NOT NULL REFERENCES apps (id) ON DELETE RESTRICT,
      PRIMARY KEY (policy_id, app_id)
    ) STRICT;
    CREATE INDEX policy_apps_by_app ON policy_apps (app_id);

    CREATE TABLE rules (
      seq                    INTEGER PRIMARY KEY AUTOINCREMENT,
      id                     TEXT NOT NULL UNIQUE,
      policy_id              TEXT NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
      name                   TEXT NOT NULL,
      status                 TEXT NOT NULL CHECK (status IN ('ACTIVE', 'INACTIVE')),
      priority               INTEGER NOT NULL CHECK (priority >= 1),
      system                 INTEGER NOT NULL CHECK (system IN (0, 1)),
      grant_types            TEXT NOT NULL,
      scopes                 TEXT NOT NULL,
      access_token_minutes   INTEGER NOT NULL,
      refresh_token_minutes  INTEGER NOT NULL,
      refresh_window_minutes INTEGER NOT NULL,
      inline_hook_id         TEXT,
      created                TEXT NOT NULL,
      last_updated           TEXT NOT NULL
    ) STRICT;
    CREATE INDEX rules_by_policy ON rules (policy_id, priority);

    CREATE TABLE rule_users (
      rule_id TEXT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
      mode    TEXT NOT NULL CHECK (mode IN ('include', 'exclude')),
      PRIMARY KEY (rule_id, user_id, mode)
    ) STRICT;
    CREATE INDEX rule_users_by_user ON rule_users (user_id);

    CREATE TABLE rule_groups (
      rule_id  TEXT NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
      group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE RESTRICT,
      mode     TEXT NOT NULL CHECK (mode IN ('include', 'exclude')),
      PRIMARY KEY (rule_id, group_id, mode)
    ) STRICT;
    CREATE INDEX rule_groups_by_group ON rule_groups (group_id);
  `,
};
