/** A management API endpoint: its verb table, every other verb answering 405 E0000022. */
import type { FastifyInstance } from 'fastify';
import { endpoint } from '../route-table.js';
import type { VerbTable } from '../route-table.js';
import { OktaHttpError } from '../okta-errors.js';

export function managementEndpoint(app: FastifyInstance, url: string, table: VerbTable): void {
  endpoint(app, url, table, async () => {
    throw new OktaHttpError('E0000022');
  });
}
