/** `…/policies/{policyId}/rules` — the policy rule calls of `client.authorizationServerApi` (reference §1.4). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from './endpoint.js';
import { presentRule } from './policy-presenters.js';

type Params = { id: string; policyId: string; ruleId: string };
const params = (request: FastifyRequest) => request.params as Params;

export function registerRuleRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { rules } = ctx.services;
  const base = '/authorizationServers/:id/policies/:policyId/rules';

  // No paging: Okta returns every rule of the policy, in priority order.
  managementEndpoint(app, base, {
    GET: async (request) => {
      const { id, policyId } = params(request);
      return rules.list(id, policyId).map((r) => presentRule(r, id, ctx.origins(request)));
    },
    POST: async (request, reply) => {
      const { id, policyId } = params(request);
      const created = rules.create(id, policyId, request.body);
      return reply.code(201).send(presentRule(created, id, ctx.origins(request)));
    },
  });

  managementEndpoint(app, `${base}/:ruleId`, {
    GET: async (request) => {
      const { id, policyId, ruleId } = params(request);
      return presentRule(rules.get(id, policyId, ruleId), id, ctx.origins(request));
    },
    PUT: async (request) => {
      const { id, policyId, ruleId } = params(request);
      return presentRule(rules.replace(id, policyId, ruleId, request.body), id, ctx.origins(request));
    },
    DELETE: async (request, reply) => {
      const { id, policyId, ruleId } = params(request);
      rules.delete(id, policyId, ruleId);
      return reply.code(204).send();
    },
  });

  for (const [action, status] of [['activate', 'ACTIVE'], ['deactivate', 'INACTIVE']] as const) {
    managementEndpoint(app, `${base}/:ruleId/lifecycle/${action}`, {
      POST: async (request, reply) => {
        const { id, policyId, ruleId } = params(request);
        rules.setStatus(id, policyId, ruleId, status);
        return reply.code(204).send();
      },
    });
  }
}
