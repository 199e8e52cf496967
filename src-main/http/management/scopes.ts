/** `/api/v1/authorizationServers/{id}/scopes` — the scope calls of `client.authorizationServerApi` (Okta "Authorization Server Scopes" API). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { ScopeDto } from '../../contracts/scope.js';
import type { ScopeRecord } from '../../core/ports/scopes.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { managementRoutes } from './endpoint.js';
import { readPage, sendPage } from './paging.js';
import { link } from './presenters.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function presentScope(scope: ScopeRecord, origin: string): ScopeDto {
  const self = `${origin}/api/v1/authorizationServers/${scope.serverId}/scopes/${scope.id}`;
  return {
    id: scope.id,
    name: scope.name,
    displayName: scope.displayName,
    description: scope.description,
    consent: scope.consent,
    default: scope.isDefault,
    metadataPublish: scope.metadataPublish,
    optional: scope.optional,
    system: scope.system,
    // System scopes can be edited but not deleted.
    _links: { self: link(self, scope.system ? ['GET', 'PUT'] : ['GET', 'PUT', 'DELETE']) },
  };
}

export function registerScopeRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { scopes } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listScopes, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, routes.listScopes.paging);
      const filters = { q: text(query['q']), filter: text(query['filter']) };
      const rows = sendPage(request, reply, page, (limit) =>
        scopes.list(request.params.id, { ...page, limit }, filters),
      );
      return rows.map((s) => presentScope(s, origin(request)));
    }),
    handle(routes.createScope, async (request, reply) => {
      const created = scopes.create(request.params.id, request.body);
      return reply.code(201).send(presentScope(created, origin(request)));
    }),
    handle(routes.getScope, async (request) =>
      presentScope(scopes.get(request.params.id, request.params.scopeId), origin(request)),
    ),
    handle(routes.replaceScope, async (request) =>
      presentScope(scopes.replace(request.params.id, request.params.scopeId, request.body), origin(request)),
    ),
    handle(routes.deleteScope, async (request, reply) => {
      scopes.delete(request.params.id, request.params.scopeId);
      return reply.code(204).send();
    }),
  ]);
}
