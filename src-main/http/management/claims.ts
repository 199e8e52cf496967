/** `/api/v1/authorizationServers/{id}/claims` — the claim calls of `client.authorizationServerApi` (Okta "Authorization Server Claims" API). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { ClaimDto } from '../../contracts/claim.js';
import type { ClaimRecord } from '../../core/ports/claims.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { managementRoutes } from './endpoint.js';
import { readPage, sendPage } from './paging.js';
import { link } from './presenters.js';

export function presentClaim(claim: ClaimRecord, origin: string): ClaimDto {
  const self = `${origin}/api/v1/authorizationServers/${claim.serverId}/claims/${claim.id}`;
  return {
    id: claim.id,
    name: claim.name,
    status: claim.status,
    claimType: claim.claimType,
    valueType: claim.valueType,
    value: claim.value,
    // snake_case on the wire (Okta "Authorization Server Claims" API); only GROUPS claims have one.
    ...(claim.groupFilterType ? { group_filter_type: claim.groupFilterType } : {}),
    alwaysIncludeInToken: claim.alwaysIncludeInToken,
    conditions: { scopes: claim.conditionScopes },
    system: claim.system,
    _links: { self: link(self, claim.system ? ['GET'] : ['GET', 'PUT', 'DELETE']) },
  };
}

export function registerClaimRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { claims } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listClaims, async (request, reply) => {
      const page = readPage(request.query as Record<string, unknown>, routes.listClaims.paging);
      const rows = sendPage(request, reply, page, (limit) => claims.list(request.params.id, { ...page, limit }));
      return rows.map((c) => presentClaim(c, origin(request)));
    }),
    handle(routes.createClaim, async (request, reply) => {
      const created = claims.create(request.params.id, request.body);
      return reply.code(201).send(presentClaim(created, origin(request)));
    }),
    handle(routes.getClaim, async (request) =>
      presentClaim(claims.get(request.params.id, request.params.claimId), origin(request)),
    ),
    handle(routes.replaceClaim, async (request) =>
      presentClaim(claims.replace(request.params.id, request.params.claimId, request.body), origin(request)),
    ),
    handle(routes.deleteClaim, async (request, reply) => {
      claims.delete(request.params.id, request.params.claimId);
      return reply.code(204).send();
    }),
  ]);
}
