/** Management and sandbox API routes: the route map's entries, every other verb of their paths answering 405 E0000022. */
import type { FastifyInstance } from 'fastify';
import { registerRoutes } from '../route-table.js';
import type { BoundRoute } from '../route-table.js';
import { OktaHttpError } from '../okta-errors.js';

export function managementRoutes(app: FastifyInstance, prefix: string, bound: readonly BoundRoute[]): void {
  registerRoutes(app, prefix, bound, async () => {
    throw new OktaHttpError('E0000022');
  });
}
