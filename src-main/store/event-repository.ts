/** SQLite repository for the protocol event log; explicit row ↔ record mapping. */
import type { EventFilter, ProtocolEvent, EventRepository } from '../core/ports/events.js';
import type { DecisionTrace } from '../core/protocol/trace.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

/** An `events` row as stored (tests read the table with it too). */
export interface EventRow {
  id: string;
  time: string;
  endpoint: string;
  server_id: string | null;
  client_id: string | null;
  user_id: string | null;
  grant_type: string | null;
  outcome: string;
  error: string | null;
  error_description: string | null;
  detail: string | null;
  trace: string | null;
}

const COLUMNS =
  'id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, trace';

/** Filter fields → columns (each has an index with seq). */
const FILTER_COLUMNS = {
  serverId: 'server_id',
  clientId: 'client_id',
  userId: 'user_id',
  endpoint: 'endpoint',
  outcome: 'outcome',
} as const;

function toEvent(row: EventRow): ProtocolEvent {
  return {
    id: row.id,
    time: new Date(row.time),
    endpoint: row.endpoint,
    serverId: row.server_id,
    clientId: row.client_id,
    userId: row.user_id,
    grantType: row.grant_type,
    outcome: row.outcome as ProtocolEvent['outcome'],
    error: row.error,
    errorDescription: row.error_description,
    detail: row.detail,
    trace: row.trace === null ? null : (JSON.parse(row.trace) as DecisionTrace),
  };
}

function fromEvent(e: ProtocolEvent): EventRow {
  return {
    id: e.id,
    time: e.time.toISOString(),
    endpoint: e.endpoint,
    server_id: e.serverId,
    client_id: e.clientId,
    user_id: e.userId,
    grant_type: e.grantType,
    outcome: e.outcome,
    error: e.error,
    error_description: e.errorDescription,
    detail: e.detail,
    trace: e.trace === null ? null : JSON.stringify(e.trace),
  };
}

export class SqliteEventRepository implements EventRepository {
  private readonly insertRow;
  private readonly prune;
  private readonly getRow;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (@id, @time, @endpoint, @server_id, @client_id, @user_id, @grant_type, @outcome, @error, @error_description, @detail, @trace)`,
    );
    // A range delete on the primary key: cheap, and the table never holds more than `keep` rows.
    this.prune = db.prepare('DELETE FROM events WHERE seq <= ?');
    this.getRow = db.prepare(`SELECT ${COLUMNS} FROM events WHERE id = ?`);
  }

  insert(event: ProtocolEvent, keep: number): void {
    this.db.transaction(() => {
      const seq = Number(this.insertRow.run(fromEvent(event)).lastInsertRowid);
      this.prune.run(seq - keep);
    })();
  }

  list(filter: EventFilter): ProtocolEvent[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit };
    for (const [field, column] of Object.entries(FILTER_COLUMNS)) {
      const value = filter[field as keyof typeof FILTER_COLUMNS];
      if (value === undefined) continue;
      where.push(`${column} = @${field}`);
      params[field] = value;
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (filter.after === undefined) {
      const sql = `SELECT ${COLUMNS} FROM events ${clause} ORDER BY seq DESC LIMIT @limit`;
      return (prepared(this.db, sql).all(params) as EventRow[]).map(toEvent);
    }
    // The `limit` events right after `after`, oldest first, then turned newest first. An id no
    // longer kept was pruned as one of the oldest, so every kept event is newer than it.
    params['after'] = filter.after;
    where.push('seq > COALESCE((SELECT seq FROM events WHERE id = @after), 0)');
    const sql = `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY seq ASC LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as EventRow[]).map(toEvent).reverse();
  }

  get(id: string): ProtocolEvent | undefined {
    const row = this.getRow.get(id) as EventRow | undefined;
    return row && toEvent(row);
  }
}
