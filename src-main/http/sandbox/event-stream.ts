/**
 * One Server-Sent Events connection on the event log (WHATWG HTML §9.2): the missed events first,
 * then each new one as `id` / `event: protocol` / `data`, and a `: keep-alive` comment on a timer
 * so proxies and idle-timeouts keep the connection open. The caller ends it when the client goes
 * away or the server closes.
 */
import type { ServerResponse } from 'node:http';
import { routes } from '../../contracts/routes.js';
import { matchesCriteria } from '../../core/protocol/event-log.js';
import type { EventCriteria, EventLog } from '../../core/protocol/event-log.js';
import type { ProtocolEvent } from '../../core/ports/events.js';
import { NO_NAMES, presentEvent } from './event-presenter.js';
import type { EventNames } from './event-presenter.js';

export const KEEP_ALIVE_MS = 15_000;

export interface StreamOptions {
  /** Replay the kept events newer than this id before the live ones. */
  after?: string | undefined;
  criteria: EventCriteria;
  keepAliveMs?: number;
  /** The app and user names each event shows. */
  names?: EventNames;
}

/** The wire form of one event: the id lets a reconnecting EventSource resume via Last-Event-ID. */
export function formatEvent(event: ProtocolEvent, names: EventNames = NO_NAMES): string {
  return `id: ${event.id}\nevent: ${routes.streamEvents.event}\ndata: ${JSON.stringify(presentEvent(event, names))}\n\n`;
}

export class EventStream {
  private unsubscribe: (() => void) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private ended = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly events: EventLog,
    private readonly options: StreamOptions,
  ) {}

  /** Sends the headers and the missed events, then follows the log until `end()`. */
  open(): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      // The socket goes with the stream, so closing the server never waits on a kept-alive one.
      connection: 'close',
      'x-content-type-options': 'nosniff',
    });
    this.response.flushHeaders();
    // Subscribing and replaying in one synchronous step: no event can fall between the two.
    const { criteria, after } = this.options;
    this.unsubscribe = this.events.subscribe((event) => {
      if (matchesCriteria(event, criteria)) this.response.write(formatEvent(event, this.options.names));
    });
    if (after !== undefined)
      for (const event of this.events.newerThan(after, criteria))
        this.response.write(formatEvent(event, this.options.names));
    this.timer = setInterval(() => this.response.write(': keep-alive\n\n'), this.options.keepAliveMs ?? KEEP_ALIVE_MS);
    this.timer.unref();
  }

  /** Stops following the log and ends the response; safe to call more than once. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.unsubscribe?.();
    clearInterval(this.timer);
    if (!this.response.writableEnded) this.response.end();
  }
}
