/**
 * `/api/sandbox/v1/events` over HTTP: the list with each filter, `after` and `limit` (and the 400
 * naming a bad parameter), one event, the SSWS guard with the management API's errors, no CORS,
 * and that events survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewProtocolEvent, ProtocolEvent } from '../../../src-main/core/ports/events.js';
import type { ProtocolEventDto } from '../../../src-main/contracts/events.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { SAMPLE, expectOktaError } from './fixtures.js';

const NOW = new Date('2024-05-01T10:00:00.000Z');
let t: TestApp;
let recorded: ProtocolEvent[];

const record = (fields: Partial<NewProtocolEvent> = {}) => t.app.services.events.record({ ...SAMPLE, ...fields });
const list = async (query = ''): Promise<ProtocolEventDto[]> => {
  const response = await t.api(`/api/sandbox/v1/events${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProtocolEventDto[];
};
const ids = (events: { id: string }[]) => events.map((e) => e.id);

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => NOW } });
  const trace = {
    policies: [
      {
        id: 'pol1',
        name: 'Default Policy',
        priority: 1,
        outcome: 'skipped' as const,
        reason: 'client not listed',
        rules: [],
      },
    ],
  };
  recorded = [
    record(),
    record({ serverId: 'ausOther', clientId: 'client2' }),
    record({
      grantType: 'password',
      userId: '00u1',
      outcome: 'failure',
      error: 'invalid_grant',
      errorDescription: 'The credentials provided were invalid.',
      detail: 'wrong password',
      trace,
    }),
    record({ endpoint: 'authorize', grantType: 'code', userId: '00u1' }),
  ];
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/sandbox/v1/events', () => {
  it('lists every event newest first, with an ISO time and the private detail', async () => {
    const events = await list();
    expect(ids(events)).toEqual(ids([...recorded].reverse()));
    expect(events[1]).toEqual({
      id: recorded[2]!.id,
      time: '2024-05-01T10:00:00.000Z',
      endpoint: 'token',
      serverId: 'default',
      clientId: 'client1',
      userId: '00u1',
      grantType: 'password',
      outcome: 'failure',
      error: 'invalid_grant',
      errorDescription: 'The credentials provided were invalid.',
      detail: 'wrong password',
      trace: recorded[2]!.trace,
      appName: null,
      userLogin: null,
      exchange: null,
      jtis: [],
      familyId: null,
      runId: null,
    });
    expect(recorded[0]!.id).toMatch(/^evt[0-9A-Za-z]{17}$/);
  });

  it.each([
    ['serverId=ausOther', [1]],
    ['clientId=client2', [1]],
    ['userId=00u1', [3, 2]],
    ['endpoint=authorize', [3]],
    ['outcome=failure', [2]],
    ['outcome=success&userId=00u1', [3]],
    ['clientId=nobody', []],
  ])('filters with %s', async (query, expected) => {
    expect(ids(await list(`?${query}`))).toEqual(expected.map((i) => recorded[i]!.id));
  });

  it('returns only events newer than after, and at most limit of them', async () => {
    expect(ids(await list(`?after=${recorded[1]!.id}`))).toEqual([recorded[3]!.id, recorded[2]!.id]);
    expect(ids(await list(`?after=${recorded[3]!.id}`))).toEqual([]);
    expect(ids(await list('?limit=2'))).toEqual([recorded[3]!.id, recorded[2]!.id]);
    expect(ids(await list(`?after=${recorded[0]!.id}&limit=1`))).toEqual([recorded[1]!.id]);
  });

  it.each([
    ['limit=0', 'limit', 'limit: must be a whole number from 1 to 200'],
    ['limit=201', 'limit', 'limit: must be a whole number from 1 to 200'],
    ['limit=ten', 'limit', 'limit: must be a whole number from 1 to 200'],
    ['limit=1.5', 'limit', 'limit: must be a whole number from 1 to 200'],
    ['after=not-an-id', 'after', 'after: must be an event id (evt…)'],
    ['outcome=maybe', 'outcome', "outcome: must be 'success' or 'failure'"],
    ['clientId=a&clientId=b', 'clientId', 'clientId: must be given once'],
    [`serverId=${'x'.repeat(257)}`, 'serverId', 'serverId: must be at most 256 characters'],
  ])('refuses %s with 400 E0000001 naming the parameter', async (query, field, cause) => {
    const body = await expectOktaError(await t.api(`/api/sandbox/v1/events?${query}`), 400, 'E0000001', [cause]);
    expect(body.errorSummary).toBe(`Api validation failed: ${field}`);
  });
});

describe('GET /api/sandbox/v1/events/{id}', () => {
  it('returns one event', async () => {
    const response = await t.api(`/api/sandbox/v1/events/${recorded[2]!.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: recorded[2]!.id,
      detail: 'wrong password',
      time: '2024-05-01T10:00:00.000Z',
    });
  });

  it('answers an unknown id with 404 E0000007 (Event)', async () => {
    const body = await expectOktaError(await t.api('/api/sandbox/v1/events/evtUNKNOWN0000000000'), 404, 'E0000007');
    expect(body.errorSummary).toBe('Not found: Resource not found: evtUNKNOWN0000000000 (Event)');
  });
});

describe('the sandbox API surface', () => {
  it('refuses a request without a token with 403 E0000005 and a wrong token with 401 E0000011', async () => {
    for (const path of [
      '/api/sandbox/v1/events',
      '/api/sandbox/v1/events/stream',
      `/api/sandbox/v1/events/${recorded[0]!.id}`,
      '/api/sandbox/v1/nothing',
    ]) {
      await expectOktaError(await fetch(`${t.origin}${path}`), 403, 'E0000005');
      await expectOktaError(
        await fetch(`${t.origin}${path}`, { headers: { authorization: 'SSWS wrong' } }),
        401,
        'E0000011',
      );
    }
  });

  it('answers an unknown sandbox path with 404 E0000008 and another verb with 405 E0000022', async () => {
    await expectOktaError(await t.api('/api/sandbox/v1/nothing'), 404, 'E0000008');
    await expectOktaError(await t.api('/api/sandbox/v1/events', { method: 'POST', body: '{}' }), 405, 'E0000022');
    await expectOktaError(
      await t.api(`/api/sandbox/v1/events/${recorded[0]!.id}`, { method: 'DELETE' }),
      405,
      'E0000022',
    );
  });

  it('sends no CORS headers, even to a cross-origin request', async () => {
    const response = await t.api('/api/sandbox/v1/events', { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${t.origin}/api/sandbox/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps the events across a restart', async () => {
    await t.restart();
    expect(ids(await list())).toEqual(ids([...recorded].reverse()));
    const response = await t.api(`/api/sandbox/v1/events/${recorded[0]!.id}`);
    expect(response.status).toBe(200);
  });
});
