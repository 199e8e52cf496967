/**
 * Migration 0160: each event a Flow Runner run collected is linked to its run — the runs kept before
 * it from their documents, new ones as the repository writes them — and the links go with the run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteFlowRunRepository } from '../../../../src-main/store/flow-run-repository.js';
import { WEB, allRows, migrateTo, seededBefore } from './schema.js';

let db: Db;
beforeEach(() => {
  ({ db } = seededBefore(160));
});
afterEach(() => db.close());

function insertRun(id: string, eventIds: string[][]): void {
  const document = JSON.stringify({
    id,
    created: 1,
    lastUpdated: 1,
    nextPollAt: null,
    steps: eventIds.map((ids) => ({ name: 'token', eventIds: ids })),
  });
  db.prepare(
    `INSERT INTO flow_runs (id, flow, server_id, app_id, status, created, last_updated, document)
     VALUES (?, 'client-credentials', 'default', ?, 'finished', 1, 1, ?)`,
  ).run(id, WEB, document);
}

describe('migration 0160: flow run events', () => {
  it('keeps everything written before it', () => {
    const before = allRows(db);
    migrateTo(db, 160);
    const { flow_run_events: links, ...rest } = allRows(db);
    expect(links).toEqual([]);
    expect(rest).toMatchObject(before);
  });

  it('links the events of the runs kept before it, and drops the links with their run', () => {
    insertRun('run1', [['evt1'], ['evt2', 'evt3']]);
    insertRun('run2', [[]]);
    migrateTo(db, 160);
    const runs = new SqliteFlowRunRepository(db);
    expect(['evt1', 'evt2', 'evt3', 'evt4'].map((id) => runs.runOfEvent(id))).toEqual([
      'run1',
      'run1',
      'run1',
      undefined,
    ]);
    expect(runs.delete('run1')).toBe(true);
    expect(runs.runOfEvent('evt1')).toBeUndefined();
  });

  it('links the events of a run the repository writes', () => {
    migrateTo(db, 160);
    insertRun('run1', [[]]);
    const runs = new SqliteFlowRunRepository(db);
    const run = runs.get('run1')!;
    runs.update({ ...run, status: 'finished', steps: [{ ...run.steps[0]!, eventIds: ['evt9'] }] });
    expect(runs.runOfEvent('evt9')).toBe('run1');
  });
});
