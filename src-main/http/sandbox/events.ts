/**
 * `/api/sandbox/v1/events` — the protocol event log for the developer and the UI: list with
 * filters (newest first), one event, and a live Server-Sent Events stream that resumes from
 * `Last-Event-ID` (or `?after=`). Open streams are ended when the server closes.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import type { ProtocolEvent } from '../../core/ports/events.js';
import type { HttpContext } from '../context.js';
import { managementRoutes } from '../management/endpoint.js';
import { handle } from '../route-table.js';
import { presentEvent } from './event-presenter.js';
import type { EventNames } from './event-presenter.js';
import { readCriteria, readEventFilter, readEventId, readReveal } from './event-query.js';
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
  const { events, apps, users, flowRuns } = ctx.services;
  const names: EventNames = {
    appName: (clientId) => apps.byClientId(clientId)?.label,
    userLogin: (userId) => users.find(userId)?.profile.login,
    runId: (eventId) => flowRuns.runOfEvent(eventId),
  };
  const present = (event: ProtocolEvent) => presentEvent(event, names);
  const open = new Set<EventStream>();
  // preClose runs before the server stops accepting and waits for its connections.
  app.addHook('preClose', async () => {
    for (const stream of open) stream.end();
    open.clear();
  });

  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.listEvents, async (request) => events.list(readEventFilter(query(request))).map(present)),
    handle(routes.streamEvents, async (request, reply) => {
      const after = resumePoint(request);
      const criteria = readCriteria(query(request));
      // From here on the handler writes the raw response itself.
      void reply.hijack();
      const stream = new EventStream(reply.raw, events, { after, criteria, names, ...options });
      open.add(stream);
      reply.raw.once('close', () => {
        stream.end();
        open.delete(stream);
      });
      stream.open();
    }),
    handle(routes.getEvent, async (request) =>
      presentEvent(events.get(request.params.id), names, readReveal(query(request))),
    ),
  ]);
}
