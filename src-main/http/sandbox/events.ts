/**
 * `/api/sandbox/v1/events` — the protocol event log for the developer and the UI: list with
 * filters (newest first), one event, and a live Server-Sent Events stream that resumes from
 * `Last-Event-ID` (or `?after=`). Open streams are ended when the server closes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from '../management/endpoint.js';
import { presentEvent } from './event-presenter.js';
import { readCriteria, readEventFilter, readEventId } from './event-query.js';
import { EventStream } from './event-stream.js';

export interface SandboxOptions {
  /** Interval of the stream's `: keep-alive` comment (15 s unless a test shortens it). */
  keepAliveMs?: number;
}

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;

/** The resume point: the browser's Last-Event-ID on reconnect wins over the URL's stale `after`. */
function resumePoint(request: FastifyRequest): string | undefined {
  const header = request.headers['last-event-id'];
  if (typeof header === 'string' && header !== '') return readEventId(header, 'Last-Event-ID');
  const after = query(request)['after'];
  return readEventId(typeof after === 'string' && after !== '' ? after : undefined, 'after');
}

export function registerEventRoutes(app: FastifyInstance, ctx: HttpContext, options: SandboxOptions = {}): void {
  const { events } = ctx.services;
  const open = new Set<EventStream>();
  // preClose runs before the server stops accepting and waits for its connections.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
    open.clear();
  });

  managementEndpoint(app, '/events', {
    GET: async (request) => events.list(readEventFilter(query(request))).map(presentEvent),
  });

  managementEndpoint(app, '/events/stream', {
    GET: async (request, reply) => {
      const after = resumePoint(request);
      const criteria = readCriteria(query(request));
      // From here on the handler writes the raw response itself.
      void reply.hijack();
      const stream = new EventStream(reply.raw, events, { after, criteria, ...options });
      open.add(stream);
      reply.raw.once('close', () => {
        stream.end();
        open.delete(stream);
      });
      stream.open();
    },
  });

  managementEndpoint(app, '/events/:id', {
    GET: async (request) => presentEvent(events.get((request.params as { id: string }).id)),
  });
}
