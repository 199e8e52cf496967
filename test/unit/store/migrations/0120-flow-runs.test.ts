/**
 * Migration 0120 on a database holding everything before it: all kept, and flow runs check their
 * status and need an existing server and app (and go with either); the repository round-trips a run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowRunRecord } from '../../../../src-main/core/ports/flow-runs.js';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteFlowRunRepository } from '../../../../src-main/store/flow-run-repository.js';
import { WEB, allRows, migratedWithData, seedTablesOf } from './schema.js';

let db: Db;
let before: Record<string, unknown[]>;
beforeEach(() => {
  ({ db, before } = migratedWithData(120));
});
afterEach(() => db.close());

const run = (id: string, fields: Partial<FlowRunRecord> = {}): FlowRunRecord => ({
  id,
  flow: 'client-credentials',
  serverId: 'default',
  appId: WEB,
  clientId: WEB,
  appLabel: 'Web',
  origin: 'http://127.0.0.1:7420',
  params: { scopes: ['orders:read'], clientAuth: 'client_secret_basic', redirectUri: 'http://127.0.0.1:7420/cb' },
  status: 'ready',
  error: null,
  created: new Date('2024-01-01T00:00:00Z'),
  lastUpdated: new Date('2024-01-01T00:00:00Z'),
  next: ['discovery', 'keys', 'token'],
  authorizeUrl: null,
  device: null,
  nextPollAt: null,
  steps: [],
  tokens: {},
  checks: [],
  secrets: {},
  discovery: null,
  jwks: null,
  ...fields,
});

describe('migration 0120: flow runs', () => {
  it('keeps everything written before it', () => {
    expect(allRows(db)).toMatchObject(before);
  });

  it('round-trips a run, lists newest first and deletes', () => {
    seedTablesOf(db, 120);
    const runs = new SqliteFlowRunRepository(db);
    runs.insert(run('run1'));
    runs.insert(
      run('run2', { created: new Date('2024-01-02T00:00:00Z'), nextPollAt: new Date('2024-01-02T00:00:05Z') }),
    );
    const updated = { ...run('run1'), status: 'finished' as const, tokens: { access_token: 'a.b.c' } };
    runs.update(updated);
    expect(runs.get('run1')).toEqual(updated);
    expect(runs.list(10).map((r) => r.id)).toEqual(['run2', 'run1']);
    expect(runs.get('run2')!.nextPollAt).toEqual(new Date('2024-01-02T00:00:05Z'));
    expect(runs.delete('run1')).toBe(true);
    expect(runs.delete('run1')).toBe(false);
  });

  it('checks the status and needs an existing server and app', () => {
    seedTablesOf(db, 120);
    const runs = new SqliteFlowRunRepository(db);
    expect(() => runs.insert(run('bad', { status: 'lost' as FlowRunRecord['status'] }))).toThrow(
      /CHECK constraint failed/,
    );
    expect(() => runs.insert(run('bad', { serverId: 'aus-missing' }))).toThrow(/FOREIGN KEY constraint failed/);
    expect(() => runs.insert(run('bad', { appId: '0oaMISSING0000000001' }))).toThrow(/FOREIGN KEY constraint failed/);
  });
});
