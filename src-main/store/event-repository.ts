/** SQLite repository for the protocol event log; explicit row ↔ record mapping. */
import { hash } from 'node:crypto';
import type { EventExchange } from '../contracts/events.js';
import type { EventFilter, ProtocolEvent, EventRepository } from '../core/ports/events.js';
import type { DecisionTrace, PolicyTrace } from '../core/protocol/trace.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

/** A grant whose token family is never redeemed (no code, no refresh token): its events are not in `events_by_family`. */
const CLIENT_CREDENTIALS = 'client_credentials';

/**
 * An event as stored, the columns of `events` and of its `event_bodies` row; `trace` as recorded
 * (its policies put back from `event_policies`). Tests read the log with it (`eventRows`).
 */
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

/** The columns of the small row (`events`), in the order of the table. */
const HEAD_COLUMNS = [
  'id',
  'time',
  'endpoint',
  'server_id',
  'client_id',
  'user_id',
  'grant_type',
  'outcome',
  'error',
  'error_description',
  'detail',
  'family_id',
  'policies',
  'jtis',
] as const;
/**
 * What a read selects: the row (its jtis a JSON array, migration 0260) and its body. The body is read
 * for the events the query returns only (`events` is the outer loop, in `seq` order); the policies of
 * a trace stored apart come from `PolicyTexts`.
 */
const SELECTED = `${HEAD_COLUMNS.map((c) => `events.${c}`).join(', ')}, body.trace, body.exchange`;
const FROM = 'events CROSS JOIN event_bodies AS body ON body.seq = events.seq';

type SelectedRow = Omit<EventRow, 'trace'> & {
  trace: string | null;
  policies: Buffer | null;
  jtis: string | null;
};

/** The policies texts of `event_policies` read lately, by hash; at most this many are kept. */
const KEPT_POLICY_TEXTS = 32;

/**
 * The policies texts of the traces, read once and kept: a text never changes under its hash (its
 * SHA-256), so a kept one is right whatever was written or deleted since. The events a list returns
 * mostly share a few texts (kilobytes each, with many policies on a server).
 */
class PolicyTexts {
  private readonly kept = new Map<string, string>();
  private readonly read;

  constructor(db: Db) {
    this.read = db.prepare('SELECT policies FROM event_policies WHERE hash = ?').pluck();
  }

  get(hash: Buffer): string | undefined {
    const key = hash.toString('base64');
    let text = this.kept.get(key);
    if (text !== undefined) return text;
    text = this.read.get(hash) as string | undefined;
    if (text === undefined) return undefined;
    if (this.kept.size >= KEPT_POLICY_TEXTS) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(key, text);
    return text;
  }
}

/** Filter fields → columns of `events` (the small rows a filtered list walks, newest first). */
const FILTER_COLUMNS = {
  serverId: 'server_id',
  clientId: 'client_id',
  userId: 'user_id',
  endpoint: 'endpoint',
  outcome: 'outcome',
} as const;

function toEvent(row: SelectedRow, policies: PolicyTexts): ProtocolEvent {
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
    trace: readTrace(row, policies),
    exchange: row.exchange === null ? null : (JSON.parse(row.exchange) as EventExchange),
    jtis: row.jtis === null ? [] : (JSON.parse(row.jtis) as string[]).sort(),
    familyId: row.family_id,
  };
}

/** The small row of `event` (its values in the order of `HEAD_COLUMNS`), and its body's columns. */
function rowsOf(e: ProtocolEvent): {
  head: (string | Buffer | null)[];
  policies: Buffer | null;
  trace: string | null;
  policiesText: string | null;
  exchange: string | null;
} {
  const stored = e.trace === null ? null : storeTrace(e.trace);
  const policies = stored?.policies ?? null;
  return {
    // Bound by position: by name, each of the 13 values was looked up in an object made for it.
    head: [
      e.id,
      e.time.toISOString(),
      e.endpoint,
      e.serverId,
      e.clientId,
      e.userId,
      e.grantType,
      e.outcome,
      e.error,
      e.errorDescription,
      e.detail,
      e.familyId,
      policies,
      e.jtis.length === 0 ? null : JSON.stringify(e.jtis.length === 1 ? e.jtis : [...new Set(e.jtis)]),
    ],
    policies,
    trace: stored?.rest ?? null,
    policiesText: stored?.policiesText ?? null,
    exchange: e.exchange === null ? null : JSON.stringify(e.exchange),
  };
}

/** A skipped policy with no rules evaluated, stored as `[id, name, priority, index of its reason]`. */
type SkippedPolicy = [string, string, number, number];
/** The keys of such a policy in the order the policy engine writes them (and `expandTrace` gives them back). */
const SKIPPED_KEYS = ['id', 'name', 'priority', 'outcome', 'reason', 'rules'];
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
    if (!isSkippedBeforeRules(p)) return p;
    let index = reasons.get(p.reason!);
    if (index === undefined) reasons.set(p.reason!, (index = reasons.size));
    return [p.id, p.name, p.priority, index];
  });
  if (!reasons.size) return JSON.stringify(trace);
  const stored: StoredTrace = { ...trace, policies, skippedReasons: [...reasons.keys()] };
  return JSON.stringify(stored);
}

/**
 * A policy skipped before any of its rules ran, with exactly the keys `SKIPPED_KEYS` in their order
 * (compared one by one as they are enumerated: joining a list of them for each policy took half the
 * time of storing a trace through 101 policies short, about 25 of 55 µs).
 */
function isSkippedBeforeRules(p: PolicyTrace): boolean {
  if (p.outcome !== 'skipped' || p.rules.length) return false;
  let i = 0;
  for (const key in p) if (key !== SKIPPED_KEYS[i++]) return false;
  return i === SKIPPED_KEYS.length;
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
 * The trace in three parts: its policies stored short (`compactTrace`) as a text of their own, that
 * text's SHA-256 (the key of `event_policies`, where each distinct text is written once), and the
 * rest of the trace. Only a trace whose first key is `policies` (as the policy engine writes them) is
 * split, so that putting the policies back first gives the very same object, keys in the same order;
 * any other is stored whole as before.
 */
function storeTrace(trace: DecisionTrace): { rest: string; policies: Buffer | null; policiesText: string | null } {
  if (Object.keys(trace)[0] !== 'policies') return { rest: compactTrace(trace), policies: null, policiesText: null };
  const { policies, ...rest } = trace;
  let stored = storedPolicies.get(policies);
  if (stored === undefined) {
    const text = compactTrace({ policies });
    // One-shot: a Hash object per event cost more than hashing its few kilobytes.
    stored = { text, hash: hash('sha256', text, 'buffer') };
    if (deeplyFrozen(policies)) storedPolicies.set(policies, stored);
  }
  return { rest: JSON.stringify(rest), policies: stored.hash, policiesText: stored.text };
}

/**
 * The stored text and hash of the policies parts that cannot change (deeply frozen), kept as long as
 * the part is: the policy engine hands out the same frozen array for the requests that make the same
 * part (`PolicyTraceCache`), so their events store it without writing it out and hashing it again.
 * The kept hash is only ever bound to statements, never changed.
 */
const storedPolicies = new WeakMap<readonly PolicyTrace[], { text: string; hash: Buffer }>();

/** The policies part, each policy and each of its rules' traces all frozen (no value in them is an object). */
function deeplyFrozen(policies: readonly PolicyTrace[]): boolean {
  if (!Object.isFrozen(policies)) return false;
  for (const policy of policies) {
    if (!Object.isFrozen(policy) || !Object.isFrozen(policy.rules)) return false;
    for (const rule of policy.rules) if (!Object.isFrozen(rule)) return false;
  }
  return true;
}

function readTrace(row: SelectedRow, texts: PolicyTexts): DecisionTrace | null {
  if (row.trace === null) return null;
  if (row.policies === null) return expandTrace(row.trace);
  // Never deleted while an event refers to it (`sweepPolicy`).
  const policies = texts.get(row.policies);
  if (policies === undefined) throw new Error(`the policies of the trace of event ${row.id} are missing`);
  return { ...expandTrace(policies), ...(JSON.parse(row.trace) as Omit<DecisionTrace, 'policies'>) };
}

/**
 * The events, oldest first, each as one row with its trace as recorded (as `expandTrace` and
 * `readTrace` give it back, in JSON): what tests read the log with.
 */
export function eventRows(db: Db): EventRow[] {
  const rows = db.prepare(`SELECT ${SELECTED} FROM ${FROM} ORDER BY events.seq`).all() as SelectedRow[];
  const texts = new PolicyTexts(db);
  return rows.map((row) => {
    const trace = readTrace(row, texts);
    const { policies: _hash, jtis: _jtis, ...rest } = row;
    return { ...rest, trace: trace === null ? null : JSON.stringify(trace) };
  });
}

/**
 * Events past the bound are deleted a hundredth of `keep` at a time: deleting the oldest event on
 * every insert touched the far end of each of the table's indexes and of `event_jtis`, about ten
 * more pages in each token request's commit (150 µs of CPU per token once the log is full). Until
 * their batch is deleted they are not read: every read starts after `floor`.
 */
const PRUNE_FRACTION = 100;
/**
 * At most this many policy texts of the deleted events are checked one by one. A text still used is
 * found among the first kept rows; a text no longer used costs a scan of them all, so many of those
 * (traces that differ from request to request) are swept in one pass instead.
 */
const SWEEP_ONE_BY_ONE = 8;

export class SqliteEventRepository implements EventRepository {
  /** The newest `seq` no longer kept: `keep` behind the last insert (0 until this process inserts). */
  private floor = 0;
  /** The `seq` from which the next insert deletes the events at or below `floor` (at once after a start). */
  private nextPrune = 0;
  private readonly insertHead;
  private readonly insertBody;
  private readonly insertPolicies;
  private readonly prune;
  private readonly prunedPolicies;
  private readonly sweepPolicy;
  private readonly sweepPolicies;
  private readonly getRow;
  private readonly firstOfFamilyRow;
  private readonly firstOfFamilyHeadRow;
  private readonly policyTexts: PolicyTexts;
  /** Made once: better-sqlite3 builds four wrappers per `transaction()` call. */
  private readonly insertEvent: (event: ProtocolEvent, keep: number) => void;

  constructor(private readonly db: Db) {
    this.policyTexts = new PolicyTexts(db);
    this.insertHead = db.prepare(
      `INSERT INTO events (${HEAD_COLUMNS.join(', ')}) VALUES (${HEAD_COLUMNS.map(() => '?').join(', ')})`,
    );
    this.insertBody = db.prepare('INSERT INTO event_bodies (seq, trace, exchange) VALUES (?, ?, ?)');
    // Written once per distinct text: for a text already there this only reads its key.
    this.insertPolicies = db.prepare('INSERT OR IGNORE INTO event_policies (hash, policies) VALUES (?, ?)');
    // The family's first event other than a client_credentials token's (whose family is never
    // redeemed), as `events_by_family` holds them (migration 0240).
    const firstOfFamily = `WHERE events.family_id = ? AND events.grant_type IS NOT '${CLIENT_CREDENTIALS}'
         AND events.seq > ? ORDER BY events.seq ASC LIMIT 1`;
    this.firstOfFamilyRow = db.prepare(`SELECT ${SELECTED} FROM ${FROM} ${firstOfFamily}`);
    // The small row alone: no join to its body (a trace and an exchange of kilobytes), no jtis.
    this.firstOfFamilyHeadRow = db.prepare(`SELECT events.id, events.endpoint FROM events ${firstOfFamily}`);
    // A range delete on the primary key (the events' bodies go with them: ON DELETE CASCADE).
    this.prune = db.prepare('DELETE FROM events WHERE seq <= ?');
    // The policy texts the events about to be deleted refer to, and one of them deleted unless a
    // kept event refers to it too (the scan from the oldest kept event finds such an event among the
    // first rows: a text is shared by events close in time; a whole scan, 10,000 small rows, only
    // for a text no longer used). Past `SWEEP_ONE_BY_ONE` such texts, one pass over the kept events
    // for all of them (the subquery read once, into a temporary index) instead of a scan for each.
    this.prunedPolicies = db
      .prepare('SELECT DISTINCT policies FROM events WHERE seq <= ? AND policies IS NOT NULL')
      .pluck();
    this.sweepPolicy = db.prepare(
      'DELETE FROM event_policies WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM events WHERE policies = ?)',
    );
    this.sweepPolicies = db.prepare(
      'DELETE FROM event_policies WHERE hash NOT IN (SELECT policies FROM events WHERE policies IS NOT NULL)',
    );
    this.getRow = db.prepare(`SELECT ${SELECTED} FROM ${FROM} WHERE events.id = ? AND events.seq > ?`);
    this.insertEvent = db.transaction((event: ProtocolEvent, keep: number) => this.insertNow(event, keep));
  }

  insert(event: ProtocolEvent, keep: number): void {
    this.insertEvent(event, keep);
  }

  private insertNow(event: ProtocolEvent, keep: number): void {
    const { head, policies, trace, policiesText, exchange } = rowsOf(event);
    if (policiesText !== null) this.insertPolicies.run(policies, policiesText);
    const seq = Number(this.insertHead.run(head).lastInsertRowid);
    this.insertBody.run(seq, trace, exchange);
    const floor = seq - keep;
    if (seq >= this.nextPrune) {
      const policies = this.prunedPolicies.all(floor) as Buffer[];
      this.prune.run(floor);
      if (policies.length > SWEEP_ONE_BY_ONE) this.sweepPolicies.run();
      else for (const hash of policies) this.sweepPolicy.run(hash, hash);
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
      where.push(`events.${column} = @${field}`);
      params[field] = value;
    }
    if (filter.jti !== undefined) {
      // The array's element equal to it; a jti that JSON writes as it is (no quote, backslash or
      // control character: all of ours) must also be a substring of the array's text, a test that
      // skips most rows without parsing them.
      const plain = JSON.stringify(filter.jti) === `"${filter.jti}"`;
      where.push(
        `${plain ? 'instr(events.jtis, @jti) > 0 AND ' : ''}EXISTS (SELECT 1 FROM json_each(events.jtis) WHERE json_each.value = @jti)`,
      );
      params['jti'] = filter.jti;
    }
    if (filter.after === undefined) {
      const sql = `SELECT ${SELECTED} FROM ${FROM} WHERE ${[...where, 'events.seq > @floor'].join(' AND ')} ORDER BY events.seq DESC LIMIT @limit`;
      return (prepared(this.db, sql).all(params) as SelectedRow[]).map((row) => toEvent(row, this.policyTexts));
    }
    // The `limit` events right after `after`, oldest first, then turned newest first. An id no
    // longer kept was pruned as one of the oldest, so every kept event is newer than it.
    params['after'] = filter.after;
    where.push('events.seq > MAX(@floor, COALESCE((SELECT seq FROM events WHERE id = @after), 0))');
    const sql = `SELECT ${SELECTED} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY events.seq ASC LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as SelectedRow[]).map((row) => toEvent(row, this.policyTexts)).reverse();
  }

  get(id: string): ProtocolEvent | undefined {
    const row = this.getRow.get(id, this.floor) as SelectedRow | undefined;
    return row && toEvent(row, this.policyTexts);
  }

  firstOfFamily(familyId: string): ProtocolEvent | undefined {
    const row = this.firstOfFamilyRow.get(familyId, this.floor) as SelectedRow | undefined;
    return row && toEvent(row, this.policyTexts);
  }

  firstOfFamilyHead(familyId: string): { id: string; endpoint: string } | undefined {
    return this.firstOfFamilyHeadRow.get(familyId, this.floor) as { id: string; endpoint: string } | undefined;
  }
}
