/** `/api/v1/authorizationServers/{id}/policies` — the policy calls of `client.authorizationServerApi` (Okta "Authorization Server Policies" API). */
import type { FastifyInstance } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { managementRoutes } from './endpoint.js';
import { presentPolicy } from './policy-presenters.js';

export function registerPolicyRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { policies } = ctx.services;
  // No paging: Okta returns every policy of the server, in priority order.
  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listPolicies, async (request) =>
      policies.list(request.params.id).map((p) => presentPolicy(p, ctx.origins(request))),
    ),
    handle(routes.createPolicy, async (request, reply) => {
      const created = policies.create(request.params.id, request.body);
      return reply.code(201).send(presentPolicy(created, ctx.origins(request)));
    }),
    handle(routes.getPolicy, async (request) => {
      const { id, policyId } = request.params;
      return presentPolicy(policies.get(id, policyId), ctx.origins(request));
    }),
    handle(routes.replacePolicy, async (request) => {
      const { id, policyId } = request.params;
      return presentPolicy(policies.replace(id, policyId, request.body), ctx.origins(request));
    }),
    handle(routes.deletePolicy, async (request, reply) => {
      const { id, policyId } = request.params;
      policies.delete(id, policyId);
      return reply.code(204).send();
    }),
    ...(
      [
        [routes.activatePolicy, 'ACTIVE'],
        [routes.deactivatePolicy, 'INACTIVE'],
      ] as const
    ).map(([route, status]) =>
      handle(route, async (request, reply) => {
        const { id, policyId } = request.params;
        policies.setStatus(id, policyId, status);
        return reply.code(204).send();
      }),
    ),
  ]);
}
