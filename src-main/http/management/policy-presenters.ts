/** Records → Okta JSON for access policies and rules, with absolute `_links` (Okta "Authorization Server Policies" API, "Authorization Server Rules" API). */
import { ALL_CLIENTS, POLICY_TYPE } from '../../contracts/policy.js';
import type { PolicyDto } from '../../contracts/policy.js';
import { RULE_TYPE, toWireGroup } from '../../contracts/rule.js';
import type { RuleDto } from '../../contracts/rule.js';
import type { OktaLink } from '../../contracts/links.js';
import type { PolicyRecord, RuleRecord } from '../../core/ports/policies.js';
import { link } from './presenters.js';
import type { Origins } from '../../core/protocol/issuer.js';

export const policyHref = (origins: Origins, serverId: string, policyId: string) =>
  `${origins.request}/api/v1/authorizationServers/${serverId}/policies/${policyId}`;

/** `activate` while INACTIVE, `deactivate` while ACTIVE. */
function lifecycleLink(self: string, status: PolicyRecord['status']): Record<string, OktaLink> {
  const action = status === 'ACTIVE' ? 'deactivate' : 'activate';
  return { [action]: link(`${self}/lifecycle/${action}`, ['POST']) };
}

export function presentPolicy(policy: PolicyRecord, origins: Origins): PolicyDto {
  const self = policyHref(origins, policy.serverId, policy.id);
  return {
    id: policy.id,
    type: POLICY_TYPE,
    name: policy.name,
    description: policy.description,
    priority: policy.priority,
    status: policy.status,
    system: policy.system,
    conditions: { clients: { include: policy.allClients ? [ALL_CLIENTS] : policy.clientIds } },
    created: policy.created.toISOString(),
    lastUpdated: policy.lastUpdated.toISOString(),
    _links: {
      self: link(self, ['GET', 'PUT', 'DELETE']),
      ...lifecycleLink(self, policy.status),
      rules: link(`${self}/rules`, ['GET', 'POST']),
    },
  };
}

export function presentRule(rule: RuleRecord, serverId: string, origins: Origins): RuleDto {
  const self = `${policyHref(origins, serverId, rule.policyId)}/rules/${rule.id}`;
  const groups = (ids: string[]) => ids.map(toWireGroup);
  return {
    id: rule.id,
    type: RULE_TYPE,
    name: rule.name,
    priority: rule.priority,
    status: rule.status,
    system: rule.system,
    conditions: {
      people: {
        users: { include: rule.userIds.include, exclude: rule.userIds.exclude },
        groups: { include: groups(rule.groupIds.include), exclude: groups(rule.groupIds.exclude) },
      },
      grantTypes: { include: rule.grantTypes },
      scopes: { include: rule.scopes },
    },
    actions: {
      token: {
        accessTokenLifetimeMinutes: rule.accessTokenMinutes,
        refreshTokenLifetimeMinutes: rule.refreshTokenMinutes,
        refreshTokenWindowMinutes: rule.refreshWindowMinutes,
        ...(rule.inlineHookId ? { inlineHook: { id: rule.inlineHookId } } : {}),
      },
    },
    created: rule.created.toISOString(),
    lastUpdated: rule.lastUpdated.toISOString(),
    _links: { self: link(self, ['GET', 'PUT', 'DELETE']), ...lifecycleLink(self, rule.status) },
  };
}
