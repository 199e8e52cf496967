/** A protocol endpoint: its verb table, other verbs answering 405 with an OAuth error body. */
import type { FastifyInstance } from 'fastify';
import { endpoint } from '../route-table.js';
import type { VerbTable } from '../route-table.js';

export function oauthEndpoint(app: FastifyInstance, url: string, table: VerbTable): void {
  endpoint(app, url, table, async (request, reply) =>
    reply
      .code(405)
      .send({ error: 'invalid_request', error_description: `The ${request.method} method is not supported here.` }),
  );
}
