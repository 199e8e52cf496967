import type { Migration } from './migration.js';

/** Users (profile as JSON, scrypt password hash), groups and memberships; the built-in Everyone group. */
export const m0020: Migration = {
  version: 20,
  name: 'users, groups and memberships',
  sql: `
    CREATE TABLE users (
      seq                     INTEGER PRIMARY KEY AUTOINCREMENT,
      id                      TEXT NOT NULL UNIQUE,
      login                   TEXT NOT NULL UNIQUE COLLATE NOCASE,
      status                  TEXT NOT NULL CHECK (status IN ('STAGED', 'PROVISIONED', 'ACTIVE', 'RECOVERY', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'SUSPENDED', 'DEPROVISIONED')),
      transitioning_to_status TEXT,
      type_id                 TEXT,
      profile                 TEXT NOT NULL,
      password_hash           TEXT,
      recovery_question       TEXT,
      created                 TEXT NOT NULL,
      activated               TEXT,
      status_changed          TEXT,
      last_login              TEXT,
      last_updated            TEXT NOT NULL,
      password_changed        TEXT
    ) STRICT;

    CREATE TABLE groups (
      seq                     INTEGER PRIMARY KEY AUTOINCREMENT,
      id                      TEXT NOT NULL UNIQUE,
      type                    TEXT NOT NULL CHECK (type IN ('OKTA_GROUP', 'APP_GROUP', 'BUILT_IN')),
      name                    TEXT NOT NULL,
      description             TEXT,
      created                 TEXT NOT NULL,
      last_updated            TEXT NOT NULL,
      last_membership_updated TEXT NOT NULL
    ) STRICT;
    CREATE INDEX groups_by_name ON groups (name COLLATE NOCASE);

    -- Every user is a stored member of Everyone too (added with the user, in the same transaction).
    CREATE TABLE group_members (
      group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      added    TEXT NOT NULL,
      PRIMARY KEY (group_id, user_id)
    ) STRICT;
    CREATE INDEX group_members_by_user ON group_members (user_id);

    INSERT INTO groups (id, type, name, description, created, last_updated, last_membership_updated)
    VALUES ('00gEVERYONE000000000', 'BUILT_IN', 'Everyone', 'All users in your organization',
            strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  `,
};
