/** `/api/v1/apps` — OIDC apps through `client.applicationApi` (Okta "Applications" API). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { OktaHttpError } from '../okta-errors.js';
import { presentApp } from './app-presenters.js';
import { managementRoutes } from './endpoint.js';
import { readPage, sendPage } from './paging.js';

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

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listApps, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, routes.listApps.paging);
      const options = { q: text(query['q']), filter: text(query['filter']) };
      const rows = sendPage(request, reply, page, (limit) => apps.list({ ...page, limit }, options));
      return rows.map((a) => presentApp(a, origin(request)));
    }),
    // Okta answers 200 (not 201) to app creation.
    handle(routes.createApp, async (request) =>
      presentApp(apps.create(request.body, readActivate(request.query as Record<string, unknown>)), origin(request)),
    ),
    handle(routes.getApp, async (request) => presentApp(apps.get(request.params.id), origin(request))),
    handle(routes.replaceApp, async (request) =>
      presentApp(apps.replace(request.params.id, request.body), origin(request)),
    ),
    handle(routes.deleteApp, async (request, reply) => {
      apps.delete(request.params.id);
      return reply.code(204).send();
    }),
    // Okta answers app lifecycle calls with 200 `{}` (user lifecycle too; servers use 204).
    ...(
      [
        [routes.activateApp, 'ACTIVE'],
        [routes.deactivateApp, 'INACTIVE'],
      ] as const
    ).map(([route, status]) =>
      handle(route, async (request, reply) => {
        apps.setStatus(request.params.id, status);
        return reply.type('application/json').send({});
      }),
    ),
  ]);
}
