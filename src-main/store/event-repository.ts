/** SQLite repository for the protocol event log; explicit row ↔ record mapping. */
import type { EventExchange } from '../contracts/events.js';
import type { EventFilter, ProtocolEvent, EventRepository } from '../core/ports/events.js';
import type { DecisionTrace, PolicyTrace } from '../core/protocol/trace.js';
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
  exchange: string | null;
  family_id: string | null;
}

const COLUMNS =
  'id, time, endpoint, server_id, client_id, user_id, grant_type, outcome, error, error_description, detail, trace, exchange, family_id';
/** What a read selects: the columns and the event's jtis from `event_jtis`, space-separated. */
const SELECTED = `${COLUMNS}, (SELECT group_concat(jti, ' ') FROM event_jtis WHERE event_id = events.id) AS jtis`;

type SelectedRow = EventRow & { jtis: string | null };

/** Filter fields → columns (each has an index with seq). */
const FILTER_COLUMNS = {
  serverId: 'server_id',
  clientId: 'client_id',
  userId: 'user_id',
  endpoint: 'endpoint',
  outcome: 'outcome',
} as const;

function toEvent(row: SelectedRow): ProtocolEvent {
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
    trace: row.trace === null ? null : expandTrace(row.trace),
    exchange: row.exchange === null ? null : (JSON.parse(row.exchange) as EventExchange),
    jtis: row.jtis ? row.jtis.split(' ').sort() : [],
    familyId: row.family_id,
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
    trace: e.trace === null ? null : compactTrace(e.trace),
    exchange: e.exchange === null ? null : JSON.stringify(e.exchange),
    family_id: e.familyId,
  };
}

/** A skipped policy with no rules evaluated, stored as `[id, name, priority, index of its reason]`. */
type SkippedPolicy = [string, string, number, number];
/** The keys of such a policy in the order the policy engine writes them (and `expandTrace` gives them back). */
const SKIPPED_KEYS = 'id,name,priority,outcome,reason,rules';
type StoredTrace = Omit<DecisionTrace, 'policies'> & {
  policies: (PolicyTrace | SkippedPolicy)[];
  /** The reasons of the policies stored short, each once. */
  skippedReasons?: string[];
};

/**
 * The trace as stored: each policy skipped before any of its rules ran (most of them, with many
 * policies on a server: "client … is not in the policy's clients") as a short array, its reason
 * kept once for all. A trace through 101 policies took 17.5 KB, five pages of every token's
 * commit; `expandTrace` gives back the very same object, keys in the same order.
 */
function compactTrace(trace: DecisionTrace): string {
  const reasons = new Map<string, number>();
  const policies = trace.policies.map((p): PolicyTrace | SkippedPolicy => {
    if (p.outcome !== 'skipped' || p.rules.length || Object.keys(p).join() !== SKIPPED_KEYS) return p;
    let index = reasons.get(p.reason!);
    if (index === undefined) reasons.set(p.reason!, (index = reasons.size));
    return [p.id, p.name, p.priority, index];
  });
  if (!reasons.size) return JSON.stringify(trace);
  const stored: StoredTrace = { ...trace, policies, skippedReasons: [...reasons.keys()] };
  return JSON.stringify(stored);
}

function expandTrace(text: string): DecisionTrace {
  const { skippedReasons, ...trace } = JSON.parse(text) as StoredTrace;
  if (!skippedReasons) return trace as DecisionTrace;
  return {
    ...trace,
    policies: trace.policies.map((p) =>
      Array.isArray(p)
        ? { id: p[0], name: p[1], priority: p[2], outcome: 'skipped', reason: skippedReasons[p[3]]!, rules: [] }
        : p,
    ),
  };
}

/**
 * Events past the bound are deleted a hundredth of `keep` at a time: deleting the oldest event on
 * every insert touched the far end of each of the table's indexes and of `event_jtis`, about ten
 * more pages in each token request's commit (150 µs of CPU per token once the log is full). Until
 * their batch is deleted they are not read: every read starts after `floor`.
 */
const PRUNE_FRACTION = 100;

export class SqliteEventRepository implements EventRepository {
  /** The newest `seq` no longer kept: `keep` behind the last insert (0 until this process inserts). */
  private floor = 0;
  /** The `seq` from which the next insert deletes the events at or below `floor` (at once after a start). */
  private nextPrune = 0;
  private readonly insertRow;
  private readonly prune;
  private readonly getRow;
  private readonly insertJti;
  private readonly firstOfFamilyRow;
  /** Made once: better-sqlite3 builds four wrappers per `transaction()` call. */
  private readonly insertEvent: (event: ProtocolEvent, keep: number) => void;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (@id, @time, @endpoint, @server_id, @client_id, @user_id, @grant_type, @outcome, @error, @error_description, @detail, @trace, @exchange, @family_id)`,
    );
    this.insertJti = db.prepare('INSERT OR IGNORE INTO event_jtis (jti, event_id) VALUES (?, ?)');
    this.firstOfFamilyRow = db.prepare(
      `SELECT ${SELECTED} FROM events WHERE family_id = ? AND seq > ? ORDER BY seq ASC LIMIT 1`,
    );
    // A range delete on the primary key (the events' `event_jtis` rows go with them: ON DELETE CASCADE).
    this.prune = db.prepare('DELETE FROM events WHERE seq <= ?');
    this.getRow = db.prepare(`SELECT ${SELECTED} FROM events WHERE id = ? AND seq > ?`);
    this.insertEvent = db.transaction((event: ProtocolEvent, keep: number) => this.insertNow(event, keep));
  }

  insert(event: ProtocolEvent, keep: number): void {
    this.insertEvent(event, keep);
  }

  private insertNow(event: ProtocolEvent, keep: number): void {
    const seq = Number(this.insertRow.run(fromEvent(event)).lastInsertRowid);
    for (const jti of event.jtis) this.insertJti.run(jti, event.id);
    const floor = seq - keep;
    if (seq >= this.nextPrune) {
      this.prune.run(floor);
      this.nextPrune = seq + Math.max(1, Math.floor(keep / PRUNE_FRACTION));
    }
    this.floor = floor;
  }

  list(filter: EventFilter): ProtocolEvent[] {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit: filter.limit, floor: this.floor };
    for (const [field, column] of Object.entries(FILTER_COLUMNS)) {
      const value = filter[field as keyof typeof FILTER_COLUMNS];
      if (value === undefined) continue;
      where.push(`${column} = @${field}`);
      params[field] = value;
    }
    if (filter.jti !== undefined) {
      where.push('id IN (SELECT event_id FROM event_jtis WHERE jti = @jti)');
      params['jti'] = filter.jti;
    }
    if (filter.after === undefined) {
      const sql = `SELECT ${SELECTED} FROM events WHERE ${[...where, 'seq > @floor'].join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
      return (prepared(this.db, sql).all(params) as SelectedRow[]).map(toEvent);
    }
    // The `limit` events right after `after`, oldest first, then turned newest first. An id no
    // longer kept was pruned as one of the oldest, so every kept event is newer than it.
    params['after'] = filter.after;
    where.push('seq > MAX(@floor, COALESCE((SELECT seq FROM events WHERE id = @after), 0))');
    const sql = `SELECT ${SELECTED} FROM events WHERE ${where.join(' AND ')} ORDER BY seq ASC LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as SelectedRow[]).map(toEvent).reverse();
  }

  get(id: string): ProtocolEvent | undefined {
    const row = this.getRow.get(id, this.floor) as SelectedRow | undefined;
    return row && toEvent(row);
  }

  firstOfFamily(familyId: string): ProtocolEvent | undefined {
    const row = this.firstOfFamilyRow.get(familyId, this.floor) as SelectedRow | undefined;
    return row && toEvent(row);
  }
}
