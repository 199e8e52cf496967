/** `/api/v1/authorizationServers/{id}/claims` — the claim calls of `client.authorizationServerApi` (reference §1.6). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ClaimDto } from '../../contracts/claim.js';
import type { ClaimRecord } from '../../core/ports/claims.js';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from './endpoint.js';
import { readPage, sendPage } from './paging.js';
import { link } from './presenters.js';

type Params = { id: string; claimId: string };
const params = (request: FastifyRequest) => request.params as Params;

export function presentClaim(claim: ClaimRecord, origin: string): ClaimDto {
  const self = `${origin}/api/v1/authorizationServers/${claim.serverId}/claims/${claim.id}`;
  return {
    id: claim.id,
    name: claim.name,
    status: claim.status,
    claimType: claim.claimType,
    valueType: claim.valueType,
    value: claim.value,
    // snake_case on the wire (reference §1.6); only GROUPS claims have one.
    ...(claim.groupFilterType ? { group_filter_type: claim.groupFilterType } : {}),
    alwaysIncludeInToken: claim.alwaysIncludeInToken,
    conditions: { scopes: claim.conditionScopes },
    system: claim.system,
    _links: { self: link(self, claim.system ? ['GET'] : ['GET', 'PUT', 'DELETE']) },
  };
}

export function registerClaimRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { claims } = ctx.services;
  const base = '/authorizationServers/:id/claims';
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementEndpoint(app, base, {
    // Okta documents no paging here; `limit` (default and max 200) and `after` work as on every other list.
    GET: async (request, reply) => {
      const page = readPage(request.query as Record<string, unknown>, 200, 200);
      const rows = sendPage(request, reply, page, (limit) => claims.list(params(request).id, { ...page, limit }));
      return rows.map((c) => presentClaim(c, origin(request)));
    },
    POST: async (request, reply) => {
      const created = claims.create(params(request).id, request.body);
      return reply.code(201).send(presentClaim(created, origin(request)));
    },
  });

  managementEndpoint(app, `${base}/:claimId`, {
    GET: async (request) => presentClaim(claims.get(params(request).id, params(request).claimId), origin(request)),
    PUT: async (request) => presentClaim(claims.replace(params(request).id, params(request).claimId, request.body), origin(request)),
    DELETE: async (request, reply) => {
      claims.delete(params(request).id, params(request).claimId);
      return reply.code(204).send();
    },
  });
}
