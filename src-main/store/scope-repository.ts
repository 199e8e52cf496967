/** SQLite repository for the scopes of authorization servers; explicit row ↔ record mapping. */
import type { Page } from '../core/ports/page.js';
import type { ScopeFilterTerm } from '../core/scope-filter.js';
import type { ScopeQuery, ScopeRecord, ScopeRepository } from '../core/ports/scopes.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface ScopeRow {
  id: string;
  server_id: string;
  name: string;
  display_name: string | null;
  description: string | null;
  consent: string;
  is_default: number;
  metadata_publish: string;
  optional: number;
  system: number;
  created: string;
  last_updated: string;
}

const COLUMNS =
  'id, server_id, name, display_name, description, consent, is_default, metadata_publish, optional, system, created, last_updated';

/** Filter fields → columns; booleans are stored as 0/1. */
const FILTER_COLUMNS: Record<ScopeFilterTerm['field'], string> = {
  name: 'name',
  consent: 'consent',
  metadataPublish: 'metadata_publish',
  system: 'system',
  default: 'is_default',
  optional: 'optional',
};

function toScope(row: ScopeRow): ScopeRecord {
  return {
    id: row.id,
    serverId: row.server_id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    consent: row.consent as ScopeRecord['consent'],
    isDefault: row.is_default === 1,
    metadataPublish: row.metadata_publish as ScopeRecord['metadataPublish'],
    optional: row.optional === 1,
    system: row.system === 1,
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
  };
}

function fromScope(s: ScopeRecord): ScopeRow {
  return {
    id: s.id,
    server_id: s.serverId,
    name: s.name,
    display_name: s.displayName,
    description: s.description,
    consent: s.consent,
    is_default: s.isDefault ? 1 : 0,
    metadata_publish: s.metadataPublish,
    optional: s.optional ? 1 : 0,
    system: s.system ? 1 : 0,
    created: s.created.toISOString(),
    last_updated: s.lastUpdated.toISOString(),
  };
}

export class SqliteScopeRepository implements ScopeRepository {
  private readonly insertRow;
  private readonly updateRow;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO scopes (${COLUMNS}) VALUES (@id, @server_id, @name, @display_name, @description, @consent, @is_default, @metadata_publish, @optional, @system, @created, @last_updated)`,
    );
    this.updateRow = db.prepare(
      `UPDATE scopes SET name = @name, display_name = @display_name, description = @description, consent = @consent, is_default = @is_default,
         metadata_publish = @metadata_publish, optional = @optional, last_updated = @last_updated WHERE id = @id AND server_id = @server_id`,
    );
  }

  list(serverId: string, page: Page, query: ScopeQuery = {}): ScopeRecord[] {
    const where = ['server_id = @serverId'];
    const params: Record<string, unknown> = { serverId, limit: page.limit };
    if (page.after !== undefined) {
      where.push(
        'seq > COALESCE((SELECT seq FROM scopes WHERE id = @after AND server_id = @serverId), 9223372036854775807)',
      );
      params['after'] = page.after;
    }
    if (query.q) {
      where.push('instr(lower(name), lower(@q)) > 0');
      params['q'] = query.q;
    }
    (query.filter ?? []).forEach((term, i) => {
      where.push(`${FILTER_COLUMNS[term.field]} = @f${i}`);
      params[`f${i}`] = typeof term.value === 'boolean' ? Number(term.value) : term.value;
    });
    const sql = `SELECT ${COLUMNS} FROM scopes WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as ScopeRow[]).map(toScope);
  }

  get(serverId: string, id: string): ScopeRecord | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM scopes WHERE server_id = ? AND id = ?`).get(serverId, id) as
      ScopeRow | undefined;
    return row && toScope(row);
  }

  byNames(serverId: string, names: string[]): ScopeRecord[] {
    if (!names.length) return [];
    const rows = prepared(
      this.db,
      `SELECT ${COLUMNS} FROM scopes WHERE server_id = ? AND name IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    ).all(serverId, JSON.stringify(names)) as ScopeRow[];
    return rows.map(toScope);
  }

  /** Several scopes (a new server's system scopes) in one transaction. */
  insert(scopes: ScopeRecord[]): void {
    this.db.transaction(() => {
      for (const scope of scopes) this.insertRow.run(fromScope(scope));
    })();
  }

  update(scope: ScopeRecord): void {
    this.updateRow.run(fromScope(scope));
  }

  delete(serverId: string, id: string): boolean {
    return prepared(this.db, 'DELETE FROM scopes WHERE server_id = ? AND id = ?').run(serverId, id).changes > 0;
  }
}
