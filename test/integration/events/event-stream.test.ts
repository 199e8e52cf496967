/**
 * One EventStream over a stand-in response, with fake timers: the `: keep-alive` comment on its
 * interval, and that ending the stream clears the timer and unsubscribes.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EventLog } from '../../../src-main/core/protocol/event-log.js';
import { EventStream, KEEP_ALIVE_MS, formatEvent } from '../../../src-main/http/sandbox/event-stream.js';
import { openDatabase } from '../../../src-main/store/database.js';
import { SqliteEventRepository } from '../../../src-main/store/event-repository.js';
import { FakeClock, FakeCrypto } from '../../unit/core/fakes.js';
import { SAMPLE } from './fixtures.js';

/** Records what the stream writes, like a ServerResponse that is never slow. */
class ResponseStub {
  head: [number, Record<string, string>] | undefined;
  chunks: string[] = [];
  writableEnded = false;
  writeHead(status: number, headers: Record<string, string>) {
    this.head = [status, headers];
    return this;
  }
  flushHeaders() {}
  write(chunk: string) {
    this.chunks.push(chunk);
    return true;
  }
  end() {
    this.writableEnded = true;
    return this;
  }
}

let log: EventLog;
let response: ResponseStub;
const stream = (keepAliveMs?: number) =>
  new EventStream(response as unknown as ServerResponse, log, {
    criteria: {},
    ...(keepAliveMs === undefined ? {} : { keepAliveMs }),
  });

beforeEach(() => {
  vi.useFakeTimers();
  log = new EventLog({
    store: new SqliteEventRepository(openDatabase(':memory:')),
    crypto: new FakeCrypto(),
    clock: new FakeClock(new Date('2024-05-01T10:00:00Z')),
  });
  response = new ResponseStub();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('EventStream', () => {
  it('sends a keep-alive comment every 15 seconds by default', () => {
    const s = stream();
    s.open();
    expect(response.head).toEqual([
      200,
      expect.objectContaining({ 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' }),
    ]);
    vi.advanceTimersByTime(KEEP_ALIVE_MS - 1);
    expect(response.chunks).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(response.chunks).toEqual([': keep-alive\n\n']);
    vi.advanceTimersByTime(KEEP_ALIVE_MS);
    expect(response.chunks).toHaveLength(2);
    s.end();
  });

  it('uses the interval it is given, and ending it clears the timer, unsubscribes and ends the response once', () => {
    const s = stream(10);
    s.open();
    const event = log.record(SAMPLE);
    vi.advanceTimersByTime(10);
    expect(response.chunks).toEqual([formatEvent(event), ': keep-alive\n\n']);
    expect(log.listenerCount).toBe(1);
    s.end();
    s.end();
    expect(response.writableEnded).toBe(true);
    expect(log.listenerCount).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    log.record(SAMPLE);
    vi.advanceTimersByTime(100);
    expect(response.chunks).toHaveLength(2);
  });

  it('writes one event as id, event: protocol and one line of JSON', () => {
    const event = log.record({ ...SAMPLE, detail: 'line one\nline two' });
    const text = formatEvent(event);
    expect(text.split('\n')).toEqual([
      `id: ${event.id}`,
      'event: protocol',
      expect.stringMatching(/^data: \{.*\}$/),
      '',
      '',
    ]);
    expect(JSON.parse(text.split('\n')[2]!.slice('data: '.length))).toMatchObject({
      detail: 'line one\nline two',
      time: '2024-05-01T10:00:00.000Z',
    });
  });
});
