/** Migration 0140: Okta API scopes granted to apps, one per app and scope. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { T, WEB, allRows, migratedWithData } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(140));
});
afterEach(() => db.close());

const insert = (id: string, appId: string, scopeId: string) =>
  db
    .prepare('INSERT INTO app_grants (id, app_id, scope_id, issuer, created, last_updated) VALUES (?, ?, ?, ?, ?, ?)')
    .run(id, appId, scopeId, 'http://127.0.0.1:8080', T, T);

describe('migration 0140: app grants', () => {
  it('keeps everything written before it and starts with no grants', () => {
    const { app_grants: grants, ...rest } = allRows(db);
    expect(grants).toEqual([]);
    expect(rest).toMatchObject(before);
  });

  it('keeps one grant per app and scope, of an existing app', () => {
    insert('oag1', WEB, 'okta.users.read');
    expect(() => insert('oag2', WEB, 'okta.users.read')).toThrow(/UNIQUE/);
    db.pragma('foreign_keys = ON');
    expect(() => insert('oag3', '0oanobody', 'okta.users.read')).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT app_id, scope_id FROM app_grants').all()).toEqual([
      { app_id: WEB, scope_id: 'okta.users.read' },
    ]);
  });
});
