/**
 * Registers an endpoint as a table of verbs. Every verb the table does not list answers 405
 * in the surface's own error format (Okta E0000022 on the management API).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';

const VERBS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
type Verb = (typeof VERBS)[number];

export type VerbTable = Partial<Record<Verb, RouteHandlerMethod>>;

export function endpoint(
  app: FastifyInstance,
  url: string,
  table: VerbTable,
  notAllowed: (request: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  for (const verb of VERBS) {
    const handler = table[verb];
    app.route({ method: verb, url, handler: handler ?? notAllowed });
  }
}
