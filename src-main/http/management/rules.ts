/** `…/policies/{policyId}/rules` — the policy rule calls of `client.authorizationServerApi` (Okta "Authorization Server Rules" API). */
import type { FastifyInstance } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { managementRoutes } from './endpoint.js';
import { presentRule } from './policy-presenters.js';

export function registerRuleRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { rules } = ctx.services;
  // No paging: Okta returns every rule of the policy, in priority order.
  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listRules, async (request) => {
      const { id, policyId } = request.params;
      return rules.list(id, policyId).map((r) => presentRule(r, id, ctx.origins(request)));
    }),
    handle(routes.createRule, async (request, reply) => {
      const { id, policyId } = request.params;
      const created = rules.create(id, policyId, request.body);
      return reply.code(201).send(presentRule(created, id, ctx.origins(request)));
    }),
    handle(routes.getRule, async (request) => {
      const { id, policyId, ruleId } = request.params;
      return presentRule(rules.get(id, policyId, ruleId), id, ctx.origins(request));
    }),
    handle(routes.replaceRule, async (request) => {
      const { id, policyId, ruleId } = request.params;
      return presentRule(rules.replace(id, policyId, ruleId, request.body), id, ctx.origins(request));
    }),
    handle(routes.deleteRule, async (request, reply) => {
      const { id, policyId, ruleId } = request.params;
      rules.delete(id, policyId, ruleId);
      return reply.code(204).send();
    }),
    ...(
      [
        [routes.activateRule, 'ACTIVE'],
        [routes.deactivateRule, 'INACTIVE'],
      ] as const
    ).map(([route, status]) =>
      handle(route, async (request, reply) => {
        const { id, policyId, ruleId } = request.params;
        rules.setStatus(id, policyId, ruleId, status);
        return reply.code(204).send();
      }),
    ),
  ]);
}
