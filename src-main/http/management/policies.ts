/** `/api/v1/authorizationServers/{id}/policies` — the policy calls of `client.authorizationServerApi` (reference §1.3). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from './endpoint.js';
import { presentPolicy } from './policy-presenters.js';

type Params = { id: string; policyId: string };
const params = (request: FastifyRequest) => request.params as Params;

export function registerPolicyRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { policies } = ctx.services;
  const base = '/authorizationServers/:id/policies';

  // No paging: Okta returns every policy of the server, in priority order.
  managementEndpoint(app, base, {
    GET: async (request) => policies.list(params(request).id).map((p) => presentPolicy(p, ctx.origins(request))),
    POST: async (request, reply) => {
      const created = policies.create(params(request).id, request.body);
      return reply.code(201).send(presentPolicy(created, ctx.origins(request)));
    },
  });

  managementEndpoint(app, `${base}/:policyId`, {
    GET: async (request) => {
      const { id, policyId } = params(request);
      return presentPolicy(policies.get(id, policyId), ctx.origins(request));
    },
    PUT: async (request) => {
      const { id, policyId } = params(request);
      return presentPolicy(policies.replace(id, policyId, request.body), ctx.origins(request));
    },
    DELETE: async (request, reply) => {
      const { id, policyId } = params(request);
      policies.delete(id, policyId);
      return reply.code(204).send();
    },
  });

  for (const [action, status] of [['activate', 'ACTIVE'], ['deactivate', 'INACTIVE']] as const) {
    managementEndpoint(app, `${base}/:policyId/lifecycle/${action}`, {
      POST: async (request, reply) => {
        const { id, policyId } = params(request);
        policies.setStatus(id, policyId, status);
        return reply.code(204).send();
      },
    });
  }
}
