/**
 * Migration tests' tools: an in-memory database at a given schema version (migrated the way
 * `openDatabase` does it, foreign keys on), representative rows written with plain SQL for each
 * version's tables, and a dump of every table to check that a migration keeps them.
 */
import Database from 'better-sqlite3';
import { migrate } from '../../../../src-main/store/database.js';
import type { Db } from '../../../../src-main/store/database.js';
import { MIGRATIONS } from '../../../../src-main/store/migrations/index.js';

export const T = '2024-01-01T00:00:00.000Z';
export const EVERYONE = '00gEVERYONE000000000';
export const ALICE = '00uALICE000000000001';
export const BOB = '00uBOB00000000000001';
export const ENGINEERING = '00gENG00000000000001';
export const WEB = '0oaWEB00000000000001';
export const POLICY = '00pDEFAULT0000000001';
export const RULE = '0prDEFAULT0000000001';

/** Migrates `db` up to and including `version`. */
export function migrateTo(db: Db, version: number): void {
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
}

/** A fresh in-memory database at schema `version`, foreign keys on as `openDatabase` sets them. */
export function databaseAt(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrateTo(db, version);
  return db;
}

/** Representative rows, each written once the migration that creates its table has run. */
const ROWS: { version: number; sql: string }[] = [
  {
    version: 10,
    sql: `
      INSERT INTO settings (key, value) VALUES ('seeded', 'true');
      INSERT INTO authorization_servers (id, name, description, audiences, issuer_mode, status, is_default, rotation_mode, last_rotated, next_rotation, created, last_updated)
      VALUES ('default', 'default', 'Default Authorization Server', '["api://default"]', 'ORG_URL', 'ACTIVE', 1, 'AUTO', '${T}', '2024-04-01T00:00:00.000Z', '${T}', '${T}'),
             ('aus00000000000000001', 'Orders', 'Orders API', '["api://orders"]', 'DYNAMIC', 'INACTIVE', 0, 'MANUAL', NULL, NULL, '${T}', '${T}');
      INSERT INTO signing_keys (kid, server_id, status, public_jwk, private_jwk, created)
      VALUES ('kid-default', 'default', 'ACTIVE', '{"kty":"RSA"}', '{"kty":"RSA","d":"x"}', '${T}');`,
  },
  {
    version: 20,
    sql: `
      INSERT INTO users (id, login, status, profile, password_hash, created, activated, last_updated)
      VALUES ('${ALICE}', 'alice@example.com', 'ACTIVE', '{"login":"alice@example.com","email":"alice@example.com","firstName":"Alice"}', 'scrypt$salt$hash', '${T}', '${T}', '${T}'),
             ('${BOB}', 'bob@example.com', 'STAGED', '{"login":"bob@example.com","email":"bob@example.com"}', NULL, '${T}', NULL, '${T}');
      INSERT INTO groups (id, type, name, description, created, last_updated, last_membership_updated)
      VALUES ('${ENGINEERING}', 'OKTA_GROUP', 'Engineering', NULL, '${T}', '${T}', '${T}');
      INSERT INTO group_members (group_id, user_id, added)
      VALUES ('${EVERYONE}', '${ALICE}', '${T}'), ('${EVERYONE}', '${BOB}', '${T}'), ('${ENGINEERING}', '${ALICE}', '${T}');`,
  },
  {
    version: 30,
    sql: `
      INSERT INTO apps (id, label, status, client_id, client_secret, token_endpoint_auth_method, application_type, document, created, last_updated)
      VALUES ('${WEB}', 'Web', 'ACTIVE', '${WEB}', 'secret', 'client_secret_basic', 'web', '{"settings":{"oauthClient":{"redirect_uris":["https://app.example.com/cb"]}}}', '${T}', '${T}');
      INSERT INTO app_user_assignments (app_id, user_id, scope, user_name, profile, created, last_updated, status_changed)
      VALUES ('${WEB}', '${ALICE}', 'USER', 'alice@example.com', '{"role":"admin"}', '${T}', '${T}', '${T}');
      INSERT INTO app_group_assignments (app_id, group_id, priority, profile, created, last_updated)
      VALUES ('${WEB}', '${ENGINEERING}', 1, '{}', '${T}', '${T}');`,
  },
  {
    version: 40,
    sql: `
      INSERT INTO scopes (id, server_id, name, display_name, description, consent, is_default, metadata_publish, optional, system, created, last_updated)
      VALUES ('scpORDERS00000000001', 'default', 'orders:read', 'Read orders', NULL, 'REQUIRED', 1, 'NO_CLIENTS', 0, 0, '${T}', '${T}');
      INSERT INTO claims (id, server_id, name, status, claim_type, value_type, value, group_filter_type, always_include, condition_scopes, system, created, last_updated)
      VALUES ('oclGROUPS0000000001', 'default', 'groups', 'ACTIVE', 'IDENTITY', 'GROUPS', 'Eng', 'STARTS_WITH', 0, '["openid"]', 0, '${T}', '${T}');`,
  },
  {
    version: 50,
    sql: `
      INSERT INTO policies (id, server_id, name, description, status, priority, system, all_clients, created, last_updated)
      VALUES ('${POLICY}', 'default', 'Web only', 'For the web app', 'ACTIVE', 1, 0, 0, '${T}', '${T}');
      INSERT INTO policy_apps (policy_id, app_id) VALUES ('${POLICY}', '${WEB}');
      INSERT INTO rules (id, policy_id, name, status, priority, system, grant_types, scopes, access_token_minutes, refresh_token_minutes, refresh_window_minutes, inline_hook_id, created, last_updated)
      VALUES ('${RULE}', '${POLICY}', 'Engineers', 'ACTIVE', 1, 0, '["authorization_code"]', '["*"]', 60, 0, 10080, NULL, '${T}', '${T}');
      INSERT INTO rule_users (rule_id, user_id, mode) VALUES ('${RULE}', '${BOB}', 'exclude');
      INSERT INTO rule_groups (rule_id, group_id, mode) VALUES ('${RULE}', '${ENGINEERING}', 'include');`,
  },
  {
    version: 60,
    sql: `
      INSERT INTO events (id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, trace)
      VALUES ('evt1', '${T}', 'token', 'default', '${WEB}', '${ALICE}', 'authorization_code', 'failure', 'invalid_grant',
              'The authorization code is invalid or has expired.', 'the code was used before', '{"policies":[]}');`,
  },
  {
    version: 70,
    sql: `INSERT INTO client_assertions (client_id, jti, expires_at) VALUES ('${WEB}', 'jti-1', 1704070800000);`,
  },
  {
    version: 80,
    sql: `
      INSERT INTO sessions (token_hash, server_id, user_id, auth_time, amr, expires_at) VALUES ('sess-hash', 'default', '${ALICE}', 1704067200, '["pwd"]', 1704070800);
      INSERT INTO pending_authorizations (id, server_id, params, csrf, signed_in_user_id, expires_at) VALUES ('pend1', 'default', '{"client_id":"${WEB}"}', 'csrf', NULL, 1704068100);
      INSERT INTO consents (server_id, app_id, user_id, scope, created) VALUES ('default', '${WEB}', '${ALICE}', 'orders:read', 1704067200);
      INSERT INTO authorization_codes (id, code_hash, server_id, app_id, client_id, redirect_uri, code_challenge, code_challenge_method, nonce, scopes, user_id, auth_time, amr, policy_id, rule_id, lifetimes, expires_at, used_at)
      VALUES ('cod1', 'code-hash', 'default', '${WEB}', '${WEB}', 'https://app.example.com/cb', '${'c'.repeat(43)}', 'S256', NULL, '["openid"]', '${ALICE}', 1704067200, '["pwd"]',
              '${POLICY}', '${RULE}', '{"accessTokenMinutes":60}', 1704067500, NULL);`,
  },
  {
    version: 90,
    sql: `
      INSERT INTO token_families (id, server_id, app_id, client_id, user_id, created, revoked, revoked_reason) VALUES ('fam1', 'default', '${WEB}', '${WEB}', '${ALICE}', 1704067200000, NULL, NULL);
      INSERT INTO access_tokens (jti, family_id, expires, revoked) VALUES ('AT.1', 'fam1', 1704070800000, NULL);
      INSERT INTO refresh_tokens (id, family_id, hash, grant_json, created, expires, last_used, idle_expires, rotated_to, used, revoked)
      VALUES ('rt1', 'fam1', 'rt-hash', '{"scopes":["offline_access"]}', 1704067200000, NULL, NULL, 1704672000000, NULL, NULL, NULL);`,
  },
  {
    version: 100,
    sql: `
      INSERT INTO device_authorizations (id, device_code_hash, user_code, server_id, app_id, client_id, scope, status, user_id, auth_time, amr, scopes, lifetimes, interval_seconds, last_polled_at, expires_at)
      VALUES ('dev1', 'device-hash', 'BCDFGHJK', 'default', '${WEB}', '${WEB}', 'openid', 'pending', NULL, NULL, NULL, NULL, NULL, 5, NULL, 1704067800000);`,
  },
  {
    version: 110,
    sql: `
      INSERT INTO events (id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, trace, exchange, family_id)
      VALUES ('evt2', '${T}', 'token', 'default', '${WEB}', '${ALICE}', 'refresh_token', 'success', NULL, NULL, NULL, '{"policies":[]}',
              '{"request":{"method":"POST","path":"/oauth2/default/v1/token","query":{},"form":{},"headers":{}},"response":{"status":200,"body":null}}', 'tfm1');
      INSERT INTO event_jtis (jti, event_id) VALUES ('AT.1', 'evt2');`,
  },
];

/** Writes the representative rows of the tables migration `version` creates. */
export function seedTablesOf(db: Db, version: number): void {
  for (const step of ROWS.filter((r) => r.version === version)) db.exec(step.sql);
}

/** Every row of every table, in insertion order, by table name. */
export function allRows(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare(
      "SELECT name, wr FROM pragma_table_list WHERE type = 'table' AND schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; wr: number }[];
  // A WITHOUT ROWID table (`wr`) has no rowid: its rows in the order of its primary key. From 0220 on
  // an event's trace and exchange are in `event_bodies`: its rows are read with them, as before.
  const bodies = tables.some(({ name }) => name === 'event_bodies');
  const select = (name: string, wr: number) =>
    name === 'events' && bodies
      ? 'SELECT events.*, body.trace, body.exchange FROM events LEFT JOIN event_bodies AS body USING (seq) ORDER BY events.seq'
      : `SELECT * FROM "${name}" ORDER BY ${wr ? '1, 2' : 'rowid'}`;
  const rows = Object.fromEntries(tables.map(({ name, wr }) => [name, db.prepare(select(name, wr)).all()]));
  // From 0260 on an event's jtis are in its row (`events.jtis`, a JSON array): read as the rows of
  // `event_jtis` were, in the order of its primary key.
  const jtisInRows =
    tables.some(({ name }) => name === 'events') &&
    (db.prepare("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'jtis'").pluck().get() as number) > 0;
  if (jtisInRows)
    rows['event_jtis'] = db
      .prepare('SELECT j.value AS jti, events.id AS event_id FROM events, json_each(events.jtis) AS j ORDER BY 1, 2')
      .all();
  return rows;
}

/**
 * A database at the schema before `version` that was filled as it was migrated (each version's rows
 * written right after its migration, so backfills ran on earlier rows), and a dump of its rows.
 */
export function seededBefore(version: number): { db: Db; before: Record<string, unknown[]> } {
  const db = databaseAt(0);
  for (const { version: step } of MIGRATIONS.filter((m) => m.version < version)) {
    migrateTo(db, step);
    seedTablesOf(db, step);
  }
  return { db, before: allRows(db) };
}

/** `seededBefore(version)`, then migration `version` applied on it. */
export function migratedWithData(version: number): { db: Db; before: Record<string, unknown[]> } {
  const seeded = seededBefore(version);
  migrateTo(seeded.db, version);
  return seeded;
}
