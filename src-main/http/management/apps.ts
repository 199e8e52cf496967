/** `/api/v1/apps` — OIDC apps through `client.applicationApi` (reference §1.7). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { OktaHttpError } from '../okta-errors.js';
import { presentApp } from './app-presenters.js';
import { managementEndpoint } from './endpoint.js';
import { readPage, sendPage } from './paging.js';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** `?activate=` is a boolean; Okta defaults it to true. */
function readActivate(query: Record<string, unknown>): boolean {
  const value = query['activate'];
  if (value === undefined || value === 'true') return true;
  if (value === 'false') return false;
  throw new OktaHttpError('E0000001', 'activate', [{ field: 'activate', message: 'must be true or false' }]);
}

export function registerAppRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { apps } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementEndpoint(app, '/apps', {
    GET: async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, 20, 200);
      const options = { q: text(query['q']), filter: text(query['filter']) };
      const rows = sendPage(request, reply, page, (limit) => apps.list({ ...page, limit }, options));
      return rows.map((a) => presentApp(a, origin(request)));
    },
    // Okta answers 200 (not 201) to app creation.
    POST: async (request) => presentApp(apps.create(request.body, readActivate(request.query as Record<string, unknown>)), origin(request)),
  });

  managementEndpoint(app, '/apps/:id', {
    GET: async (request) => presentApp(apps.get(idOf(request)), origin(request)),
    PUT: async (request) => presentApp(apps.replace(idOf(request), request.body), origin(request)),
    DELETE: async (request, reply) => {
      apps.delete(idOf(request));
      return reply.code(204).send();
    },
  });

  // Okta answers app lifecycle calls with 200 `{}` (user lifecycle too; servers use 204).
  for (const [action, status] of [['activate', 'ACTIVE'], ['deactivate', 'INACTIVE']] as const) {
    managementEndpoint(app, `/apps/:id/lifecycle/${action}`, {
      POST: async (request, reply) => {
        apps.setStatus(idOf(request), status);
        return reply.type('application/json').send({});
      },
    });
  }
}
