/** `/api/v1/authorizationServers/{id}/scopes` — the scope calls of `client.authorizationServerApi` (reference §1.5). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ScopeDto } from '../../contracts/scope.js';
import type { ScopeRecord } from '../../core/ports/scopes.js';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from './endpoint.js';
import { readPage, sendPage } from './paging.js';
import { link } from './presenters.js';

type Params = { id: string; scopeId: string };
const params = (request: FastifyRequest) => request.params as Params;
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
  const base = '/authorizationServers/:id/scopes';
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementEndpoint(app, base, {
    GET: async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, 200, 200);
      const filters = { q: text(query['q']), filter: text(query['filter']) };
      const rows = sendPage(request, reply, page, (limit) => scopes.list(params(request).id, { ...page, limit }, filters));
      return rows.map((s) => presentScope(s, origin(request)));
    },
    POST: async (request, reply) => {
      const created = scopes.create(params(request).id, request.body);
      return reply.code(201).send(presentScope(created, origin(request)));
    },
  });

  managementEndpoint(app, `${base}/:scopeId`, {
    GET: async (request) => presentScope(scopes.get(params(request).id, params(request).scopeId), origin(request)),
    PUT: async (request) => presentScope(scopes.replace(params(request).id, params(request).scopeId, request.body), origin(request)),
    DELETE: async (request, reply) => {
      scopes.delete(params(request).id, params(request).scopeId);
      return reply.code(204).send();
    },
  });
}
