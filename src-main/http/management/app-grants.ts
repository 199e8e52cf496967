/**
 * `/api/v1/apps/{appId}/grants` (Okta "Application Grants" API): the Okta API scopes an app may
 * ask the org authorization server for. A grant answers 201 Created, a revoke 204.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppGrantDto } from '../../contracts/app-grant-routes.js';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { AppGrantRecord } from '../../core/ports/app-grants.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { managementRoutes } from './endpoint.js';
import { link } from './presenters.js';

function presentGrant(grant: AppGrantRecord, clientId: string, origin: string): AppGrantDto {
  const app = `${origin}/api/v1/apps/${grant.appId}`;
  return {
    id: grant.id,
    status: 'ACTIVE',
    created: grant.created.toISOString(),
    lastUpdated: grant.lastUpdated.toISOString(),
    // A grant imported from a sandbox document has no issuer of its own: it is the org URL where it runs.
    issuer: grant.issuer || origin,
    clientId,
    scopeId: grant.scopeId,
    source: 'ADMIN',
    _embedded: { scope: { id: grant.scopeId } },
    _links: {
      app: link(app, ['GET']),
      self: link(`${app}/grants/${grant.id}`, ['GET', 'DELETE']),
      client: link(`${origin}/oauth2/v1/clients/${clientId}`, ['GET']),
    },
  };
}

export function registerAppGrantRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { appGrants, apps } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;
  const present = (request: FastifyRequest, grant: AppGrantRecord) =>
    presentGrant(grant, apps.get(grant.appId).clientId, origin(request));

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listAppGrants, async (request) =>
      appGrants.list(request.params.appId).map((grant) => present(request, grant)),
    ),
    handle(routes.grantAppScope, async (request, reply) => {
      const orgUrl = issuerOf(ctx.services.servers.org(), ctx.origins(request));
      const grant = appGrants.grant(request.params.appId, request.body, orgUrl);
      return reply.code(201).send(present(request, grant));
    }),
    handle(routes.getAppGrant, async (request) =>
      present(request, appGrants.get(request.params.appId, request.params.grantId)),
    ),
    handle(routes.revokeAppGrant, async (request, reply) => {
      appGrants.revoke(request.params.appId, request.params.grantId);
      return reply.code(204).send();
    }),
  ]);
}
