/**
 * A protocol endpoint: its verb table, other verbs answering 405 with an OAuth error body. One fastify
 * route per path serves every verb and dispatches by the table: fastify builds a context, hooks and
 * a HEAD twin for each route it registers, and the protocol paths' 135 routes took some 80 ms of a
 * start; as one route each, the CORS preflight among its verbs, they are 30
 * (`test/integration/routes/protocol-routes.test.ts`).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { VerbTable } from '../route-table.js';
import { preflightOf } from './cors.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

async function notAllowed(request: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(405)
    .send({ error: 'invalid_request', error_description: `The ${request.method} method is not supported here.` });
}

/**
 * A HEAD answer as fastify's own HEAD twin of a GET route gives it (fastify `lib/head-route.js`): the
 * headers of the GET answer, its length as `Content-Length`, no body.
 */
function headOnSend(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload?: unknown) => void,
) {
  if (request.method !== 'HEAD') return done(null, payload);
  if (payload === undefined || payload === null) {
    void reply.header('content-length', '0');
    return done(null, null);
  }
  const stream = payload as { resume?: () => void; on?: (event: string, listener: () => void) => void };
  if (typeof stream.resume === 'function') {
    stream.on?.('error', () => undefined);
    stream.resume();
    return done(null, null);
  }
  void reply.header('content-length', String(Buffer.byteLength(payload as string | Buffer)));
  return done(null, null);
}

export function oauthEndpoint(app: FastifyInstance, url: string, table: VerbTable): void {
  const handlers = new Map<string, RouteHandlerMethod>();
  for (const method of METHODS) handlers.set(method, table[method === 'HEAD' ? 'GET' : method] ?? notAllowed);
  // The CORS preflight of the path (`cors.ts`) is one more verb of the same route.
  const preflight = preflightOf(app, url);
  if (preflight) handlers.set('OPTIONS', preflight);
  app.route({
    method: preflight ? [...METHODS, 'OPTIONS'] : [...METHODS],
    url,
    onSend: headOnSend,
    handler(request, reply) {
      return handlers.get(request.method)!.call(this, request, reply);
    },
  });
}
