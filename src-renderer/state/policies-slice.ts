/**
 * A server's access policies and each policy's rules (Okta Authorization Servers API: Policies,
 * Policy rules), in priority order as the server answers them: create, replace, activate,
 * deactivate, delete and reorder. Every write reloads the list, so it shows the server's priorities.
 */
import type { StateCreator } from 'zustand';
import type { LifecycleStatus } from '../../src-main/contracts/authorization-server.js';
import type { PolicyDto } from '../../src-main/contracts/policy.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { RuleDto } from '../../src-main/contracts/rule.js';
import type { ApiClient } from '../api/api-client.js';
import { keyedLists } from './keyed-lists.js';
import type { SessionNeeds } from './keyed-lists.js';
import type { ActionOutcome } from './load-state.js';
import { movedPolicyWrite, policyProblemsOf, toPolicyWrite } from './policy-draft.js';
import type { PolicyDraft, PolicyFormProblems } from './policy-draft.js';
import type { LoadedList } from './prioritized.js';
import { movedRuleWrite, ruleProblemsOf, toRuleWrite } from './rule-draft.js';
import type { RuleDraft, RuleFormProblems } from './rule-draft.js';

export type PolicySaveOutcome = { ok: true; policy: PolicyDto } | ({ ok: false } & PolicyFormProblems);
export type RuleSaveOutcome = { ok: true; rule: RuleDto } | ({ ok: false } & RuleFormProblems);

export interface PoliciesSlice {
  /** Per server id, in priority order. */
  serverPolicies: Record<string, LoadedList<PolicyDto>>;
  /** Per policy id, in priority order. */
  policyRules: Record<string, LoadedList<RuleDto>>;
  loadPolicies(serverId: string): Promise<void>;
  createPolicy(serverId: string, draft: PolicyDraft): Promise<PolicySaveOutcome>;
  savePolicy(serverId: string, policy: PolicyDto, draft: PolicyDraft): Promise<PolicySaveOutcome>;
  setPolicyStatus(serverId: string, policyId: string, status: LifecycleStatus): Promise<ActionOutcome>;
  deletePolicy(serverId: string, policyId: string): Promise<ActionOutcome>;
  /** Moves the policy to `priority` (1 = first); the list shows it there at once and the server's answer after. */
  movePolicy(serverId: string, policyId: string, priority: number): Promise<ActionOutcome>;
  loadRules(serverId: string, policyId: string): Promise<void>;
  createRule(serverId: string, policyId: string, draft: RuleDraft): Promise<RuleSaveOutcome>;
  saveRule(serverId: string, policyId: string, rule: RuleDto, draft: RuleDraft): Promise<RuleSaveOutcome>;
  setRuleStatus(serverId: string, policyId: string, ruleId: string, status: LifecycleStatus): Promise<ActionOutcome>;
  deleteRule(serverId: string, policyId: string, ruleId: string): Promise<ActionOutcome>;
  moveRule(serverId: string, policyId: string, ruleId: string, priority: number): Promise<ActionOutcome>;
  resetPolicies(): void;
}

const initial = {
  serverPolicies: {},
  policyRules: {},
} satisfies Partial<PoliciesSlice>;

const done = <T>(outcome: { ok: true } | { ok: false; error: T }) =>
  outcome.ok ? { ok: true as const } : { ok: false as const, error: outcome.error };

export const createPoliciesSlice =
  ({ api }: { api: ApiClient }): StateCreator<PoliciesSlice & SessionNeeds, [], [], PoliciesSlice> =>
  (set, get) => {
    /** Rules are keyed by policy id; a policy's rules route needs its server too. */
    const ruleServer = new Map<string, string>();
    const policies = keyedLists<PolicyDto>(
      get,
      () => get().serverPolicies,
      (serverPolicies) => set({ serverPolicies }),
      (serverId) => api.call(routes.listPolicies, { id: serverId }),
    );
    const rules = keyedLists<RuleDto>(
      get,
      () => get().policyRules,
      (policyRules) => set({ policyRules }),
      (policyId) => api.call(routes.listRules, { id: ruleServer.get(policyId) ?? '', policyId }),
    );
    const savedPolicy = async (serverId: string, call: () => Promise<PolicyDto>): Promise<PolicySaveOutcome> => {
      const outcome = await policies.write(serverId, call);
      return outcome.ok ? { ok: true, policy: outcome.value } : { ok: false, ...policyProblemsOf(outcome.error) };
    };
    const savedRule = async (policyId: string, call: () => Promise<RuleDto>): Promise<RuleSaveOutcome> => {
      const outcome = await rules.write(policyId, call);
      return outcome.ok ? { ok: true, rule: outcome.value } : { ok: false, ...ruleProblemsOf(outcome.error) };
    };
    const withServer = (serverId: string, policyId: string) => {
      ruleServer.set(policyId, serverId);
      return { id: serverId, policyId };
    };

    return {
      ...initial,
      loadPolicies: (serverId) => policies.load(serverId),
      createPolicy: (serverId, draft) =>
        savedPolicy(serverId, () => api.call(routes.createPolicy, { id: serverId }, toPolicyWrite(draft))),
      savePolicy: (serverId, policy, draft) =>
        savedPolicy(serverId, () =>
          api.call(
            routes.replacePolicy,
            { id: serverId, policyId: policy.id },
            toPolicyWrite(draft, { priority: policy.priority, status: policy.status }),
          ),
        ),
      setPolicyStatus: async (serverId, policyId, status) =>
        done(
          await policies.write(serverId, () =>
            api.call(status === 'ACTIVE' ? routes.activatePolicy : routes.deactivatePolicy, { id: serverId, policyId }),
          ),
        ),
      deletePolicy: async (serverId, policyId) =>
        done(await policies.write(serverId, () => api.call(routes.deletePolicy, { id: serverId, policyId }))),
      movePolicy: (serverId, policyId, priority) =>
        policies.move(serverId, policyId, priority, (policy) =>
          api.call(routes.replacePolicy, { id: serverId, policyId }, movedPolicyWrite(policy, priority)),
        ),
      loadRules: (serverId, policyId) => {
        withServer(serverId, policyId);
        return rules.load(policyId);
      },
      createRule: (serverId, policyId, draft) =>
        savedRule(policyId, () => api.call(routes.createRule, withServer(serverId, policyId), toRuleWrite(draft))),
      saveRule: (serverId, policyId, rule, draft) =>
        savedRule(policyId, () =>
          api.call(
            routes.replaceRule,
            { ...withServer(serverId, policyId), ruleId: rule.id },
            toRuleWrite(draft, { priority: rule.priority, status: rule.status }),
          ),
        ),
      setRuleStatus: async (serverId, policyId, ruleId, status) =>
        done(
          await rules.write(policyId, () =>
            api.call(status === 'ACTIVE' ? routes.activateRule : routes.deactivateRule, {
              ...withServer(serverId, policyId),
              ruleId,
            }),
          ),
        ),
      deleteRule: async (serverId, policyId, ruleId) =>
        done(
          await rules.write(policyId, () => api.call(routes.deleteRule, { ...withServer(serverId, policyId), ruleId })),
        ),
      moveRule: (serverId, policyId, ruleId, priority) =>
        rules.move(policyId, ruleId, priority, (rule) =>
          api.call(routes.replaceRule, { ...withServer(serverId, policyId), ruleId }, movedRuleWrite(rule, priority)),
        ),
      resetPolicies: () => set(initial),
    };
  };
