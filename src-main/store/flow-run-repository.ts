/**
 * SQLite store of Flow Runner runs: the listed columns plus the run as one JSON document. The
 * document holds what a run needs to go on or run again — a Password run's password, a DPoP run's
 * private key, codes, verifiers and tokens — so it is sealed at rest like client secrets (the OS
 * keychain in the desktop app; headless, `PLAIN_SEALER` keeps it as it is in the 0600 database).
 */
import type { FlowRunRecord, FlowRunRepository } from '../core/ports/flow-runs.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import { PLAIN_SEALER } from '../core/secret-sealer.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface RunRow {
  document: string;
}

type Document = Omit<FlowRunRecord, 'created' | 'lastUpdated' | 'nextPollAt'> & {
  created: number;
  lastUpdated: number;
  nextPollAt: number | null;
};

function toDocument(run: FlowRunRecord, sealer: SecretSealer): string {
  const document: Document = {
    ...run,
    created: run.created.getTime(),
    lastUpdated: run.lastUpdated.getTime(),
    nextPollAt: run.nextPollAt?.getTime() ?? null,
  };
  return sealer.seal(JSON.stringify(document));
}

function toRecord(row: RunRow, sealer: SecretSealer): FlowRunRecord {
  // A plain document (headless, or written before runs were sealed) is JSON; a sealed one is not.
  const text = row.document.startsWith('{') ? row.document : sealer.unseal(row.document);
  const document = JSON.parse(text) as Document;
  return {
    ...document,
    created: new Date(document.created),
    lastUpdated: new Date(document.lastUpdated),
    nextPollAt: document.nextPollAt === null ? null : new Date(document.nextPollAt),
  };
}

export class SqliteFlowRunRepository implements FlowRunRepository {
  constructor(
    private readonly db: Db,
    private readonly sealer: SecretSealer = PLAIN_SEALER,
  ) {}

  insert(run: FlowRunRecord): void {
    this.db
      .prepare(
        `INSERT INTO flow_runs (id, flow, server_id, app_id, status, created, last_updated, document)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.id,
        run.flow,
        run.serverId,
        run.appId,
        run.status,
        run.created.getTime(),
        run.lastUpdated.getTime(),
        toDocument(run, this.sealer),
      );
    this.linkEvents(run);
  }

  update(run: FlowRunRecord): void {
    this.db
      .prepare('UPDATE flow_runs SET status = ?, last_updated = ?, document = ? WHERE id = ?')
      .run(run.status, run.lastUpdated.getTime(), toDocument(run, this.sealer), run.id);
    this.linkEvents(run);
  }

  runOfEvent(eventId: string): string | undefined {
    const row = prepared(this.db, 'SELECT run_id FROM flow_run_events WHERE event_id = ?').get(eventId) as
      { run_id: string } | undefined;
    return row?.run_id;
  }

  /** Links each event the run's steps collected to the run (already linked ones stay as they are). */
  private linkEvents(run: FlowRunRecord): void {
    const eventIds = run.steps.flatMap((step) => step.eventIds);
    if (eventIds.length === 0) return;
    const link = prepared(this.db, 'INSERT OR IGNORE INTO flow_run_events (event_id, run_id) VALUES (?, ?)');
    for (const eventId of eventIds) link.run(eventId, run.id);
  }

  get(id: string): FlowRunRecord | undefined {
    const row = this.db.prepare('SELECT document FROM flow_runs WHERE id = ?').get(id) as RunRow | undefined;
    return row && toRecord(row, this.sealer);
  }

  list(limit: number): FlowRunRecord[] {
    const rows = this.db
      .prepare('SELECT document FROM flow_runs ORDER BY created DESC, rowid DESC LIMIT ?')
      .all(limit) as RunRow[];
    return rows.map((row) => toRecord(row, this.sealer));
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM flow_runs WHERE id = ?').run(id).changes > 0;
  }
}
