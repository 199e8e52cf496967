/**
 * Okta's error JSON for every path under `/api` that no route serves: 404 E0000008 "The requested
 * path was not found", after the `SSWS` check like any management call. A known path asked with a
 * verb it does not serve answers 405 E0000022 from its own route table (`route-table.ts`). One
 * wildcard route rather than a not-found handler, so that the static UI's catch-all `GET /*` never
 * answers an API path with fastify's own 404; other unknown paths keep that 404.
 */
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from './context.js';
import { sswsGuard } from './management/ssws-auth.js';
import { OktaHttpError } from './okta-errors.js';

export function registerApiNotFound(app: FastifyInstance, ctx: HttpContext): void {
  const onRequest = sswsGuard(ctx.adminToken);
  const handler = async () => {
    throw new OktaHttpError('E0000008');
  };
  for (const url of ['/api', '/api/*']) app.all(url, { onRequest }, handler);
}
