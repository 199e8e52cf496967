/**
 * `GET /api/sandbox/v1/events/stream` over a real connection: headers, live events with their id
 * and JSON, the replay from `?after=` and `Last-Event-ID`, filters, unsubscribing on disconnect,
 * and that closing the server ends open streams instead of waiting on them.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NewProtocolEvent } from '../../../src-main/core/ports/events.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { SAMPLE, SseReader, expectOktaError } from './fixtures.js';

let t: TestApp;
const record = (fields: Partial<NewProtocolEvent> = {}) => t.app.services.events.record({ ...SAMPLE, ...fields });
const listeners = () => t.app.services.events.listenerCount;

/** Opens a stream; the caller cancels it (or the server ends it). */
async function connect(
  query = '',
  headers: Record<string, string> = {},
): Promise<{ response: Response; sse: SseReader }> {
  const response = await t.api(`/api/sandbox/v1/events/stream${query}`, { headers });
  expect(response.status).toBe(200);
  return { response, sse: new SseReader(response) };
}

beforeAll(async () => {
  t = await startTestApp({ clock: { now: () => new Date('2024-05-01T10:00:00.000Z') } });
});
afterAll(async () => {
  await t.close();
});

describe('the event stream', () => {
  it('sends text/event-stream without caching and follows new events as id / event / data', async () => {
    const { response, sse } = await connect();
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const event = record({ outcome: 'failure', error: 'invalid_client', detail: 'no such client' });
    const message = await sse.nextEvent();
    expect(message).toMatchObject({ id: event.id, event: 'protocol' });
    expect(JSON.parse(message!.data!)).toEqual({
      ...event,
      time: '2024-05-01T10:00:00.000Z',
      appName: null,
      userLogin: null,
      runId: null,
    });
    await sse.cancel();
  });

  it('sends nothing old without a resume point, and the events after ?after= first', async () => {
    const a = record();
    const b = record();
    const c = record();
    const { sse } = await connect(`?after=${a.id}`);
    expect((await sse.nextEvent())?.id).toBe(b.id);
    expect((await sse.nextEvent())?.id).toBe(c.id);
    const d = record();
    expect((await sse.nextEvent())?.id).toBe(d.id);
    await sse.cancel();

    const fresh = await connect();
    const e = record();
    expect((await fresh.sse.nextEvent())?.id).toBe(e.id);
    await fresh.sse.cancel();
  });

  it('resumes from Last-Event-ID, which wins over a stale ?after=', async () => {
    const a = record();
    const missed = [record(), record()];
    const { sse } = await connect(`?after=${a.id}`, { 'last-event-id': missed[0]!.id });
    expect((await sse.nextEvent())?.id).toBe(missed[1]!.id);
    const live = record();
    expect((await sse.nextEvent())?.id).toBe(live.id);
    await sse.cancel();
  });

  it('narrows the replay and the live events by the filters', async () => {
    const a = record();
    record({ clientId: 'other' });
    const mine = record({ clientId: 'mine' });
    const { sse } = await connect(`?after=${a.id}&clientId=mine`);
    expect((await sse.nextEvent())?.id).toBe(mine.id);
    record({ clientId: 'other' });
    const next = record({ clientId: 'mine' });
    expect((await sse.nextEvent())?.id).toBe(next.id);
    await sse.cancel();
  });

  it('refuses a bad resume point or filter with 400 E0000001 naming it', async () => {
    await expectOktaError(await t.api('/api/sandbox/v1/events/stream?after=nope'), 400, 'E0000001', [
      'after: must be an event id (evt…)',
    ]);
    await expectOktaError(
      await t.api('/api/sandbox/v1/events/stream', { headers: { 'last-event-id': 'x y' } }),
      400,
      'E0000001',
      ['Last-Event-ID: must be an event id (evt…)'],
    );
    await expectOktaError(await t.api('/api/sandbox/v1/events/stream?outcome=ok'), 400, 'E0000001', [
      "outcome: must be 'success' or 'failure'",
    ]);
  });

  it('unsubscribes when the client disconnects', async () => {
    await vi.waitFor(() => expect(listeners()).toBe(0));
    const first = await connect();
    const second = await connect();
    expect(listeners()).toBe(2);
    await first.sse.cancel();
    await vi.waitFor(() => expect(listeners()).toBe(1));
    await second.sse.cancel();
    await vi.waitFor(() => expect(listeners()).toBe(0));
    // Recording with no one listening (and after the streams went) still works.
    expect(record().id).toMatch(/^evt/);
  });
});

describe('closing the server with a stream open', () => {
  it('ends the stream and completes', async () => {
    const own = await startTestApp();
    const response = await own.api('/api/sandbox/v1/events/stream');
    const sse = new SseReader(response);
    const event = own.app.services.events.record(SAMPLE);
    expect((await sse.nextEvent())?.id).toBe(event.id);
    await own.close();
    expect(await sse.next()).toBeUndefined();
    expect(own.app.services.events.listenerCount).toBe(0);
  });
});
