/** `/api/v1/authorizationServers` — the calls of `client.authorizationServerApi` (Okta "Authorization Servers" API). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import { OktaHttpError } from '../okta-errors.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { readPage, sendPage } from './paging.js';
import { presentKey, presentServer } from './presenters.js';
import { managementRoutes } from './endpoint.js';

export function registerAuthorizationServerRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { servers } = ctx.services;

  const present = async (request: FastifyRequest, id: string) => {
    const keys = await servers.keys(id);
    const active = keys.find((k) => k.status === 'ACTIVE');
    return presentServer(servers.get(id), active?.kid ?? null, ctx.origins(request));
  };

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listServers, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, routes.listServers.paging);
      const q = typeof query['q'] === 'string' ? query['q'] : undefined;
      const rows = sendPage(request, reply, page, (limit) => servers.list({ ...page, limit }, q));
      return Promise.all(rows.map((s) => present(request, s.id)));
    }),
    handle(routes.createServer, async (request, reply) => {
      const created = await servers.create(request.body);
      return reply.code(201).send(await present(request, created.id));
    }),
    handle(routes.getServer, (request) => present(request, request.params.id)),
    handle(routes.replaceServer, async (request) => {
      const updated = await servers.replace(request.params.id, request.body);
      return present(request, updated.id);
    }),
    handle(routes.deleteServer, async (request, reply) => {
      servers.delete(request.params.id);
      return reply.code(204).send();
    }),
    ...(
      [
        [routes.activateServer, 'ACTIVE'],
        [routes.deactivateServer, 'INACTIVE'],
      ] as const
    ).map(([route, status]) =>
      handle(route, async (request, reply) => {
        servers.setStatus(request.params.id, status);
        return reply.code(204).send();
      }),
    ),
    handle(routes.listKeys, async (request) =>
      (await servers.keys(request.params.id)).map((k) => presentKey(k, ctx.origins(request))),
    ),
    handle(routes.getKey, async (request) => {
      const { id, kid } = request.params;
      return presentKey(await servers.key(id, kid), ctx.origins(request));
    }),
    handle(routes.rotateKeys, async (request) => {
      const body = request.body as { use?: unknown } | undefined;
      if (
        body !== undefined &&
        (typeof body !== 'object' || body === null || (body.use !== undefined && body.use !== 'sig'))
      ) {
        throw new OktaHttpError('E0000001', 'use', [{ field: 'use', message: "must be 'sig'" }]);
      }
      return (await servers.rotate(request.params.id)).map((k) => presentKey(k, ctx.origins(request)));
    }),
  ]);
}
