/**
 * Rules of an access policy (Okta "Authorization Server Rules" API): create, replace, lifecycle, delete, with the same
 * contiguous priorities as policies. The users, groups and scopes a rule names must exist; every
 * write validates and stores in one transaction, so a refused request leaves nothing behind.
 */
import type { LifecycleStatus } from '../contracts/authorization-server.js';
import type { FieldIssue } from '../contracts/okta-error.js';
import { ANY_SCOPE, EVERYONE, EVERYONE_GROUP_ID, RULE_GRANT_TYPES, validateRule } from '../contracts/rule.js';
import type { IncludeExclude, RuleInput } from '../contracts/rule.js';
import { NotFound, ValidationFailed } from './errors.js';
import type { Policies } from './policies.js';
import type { RuleRecord, RuleRepository } from './ports/policies.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import { insertAt, moveTo, priorityAfter, removeFrom } from './priorities.js';

export interface RuleDeps {
  store: RuleRepository;
  policies: Pick<Policies, 'get'>;
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
}

/** Okta's default rule of the default server's Default Policy (Okta "OpenID Connect & OAuth 2.0 API"). */
export const DEFAULT_RULE = {
  type: 'RESOURCE_ACCESS',
  name: 'Default Policy Rule',
  priority: 1,
  conditions: {
    people: { groups: { include: [EVERYONE] } },
    grantTypes: { include: [...RULE_GRANT_TYPES] },
    scopes: { include: [ANY_SCOPE] },
  },
  actions: {
    token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
  },
} as const;

type Conditions = Pick<RuleRecord, 'userIds' | 'groupIds' | 'grantTypes' | 'scopes'>;

const unique = (ids: string[]) => [...new Set(ids)];
/** `EVERYONE` (or the Everyone group's id) is kept under the group id, which the join table references. */
const toGroupId = (id: string) => (id === EVERYONE ? EVERYONE_GROUP_ID : id);

export class Rules {
  constructor(private readonly deps: RuleDeps) {}

  /** The policy's rules in priority order. @throws NotFound (server or policy) */
  list(serverId: string, policyId: string): RuleRecord[] {
    this.deps.policies.get(serverId, policyId);
    return this.deps.store.list(policyId);
  }

  /** @throws NotFound when the server, the policy or the rule (in that policy) does not exist */
  get(serverId: string, policyId: string, ruleId: string): RuleRecord {
    this.deps.policies.get(serverId, policyId);
    const rule = this.deps.store.get(policyId, ruleId);
    if (!rule) throw new NotFound(ruleId, 'PolicyRule');
    return rule;
  }

  /** Creates a rule at its priority (default: last), shifting the others. @throws NotFound, ValidationFailed */
  create(serverId: string, policyId: string, body: unknown): RuleRecord {
    this.deps.policies.get(serverId, policyId);
    const input = this.validate(body);
    const { store, tx, crypto, clock } = this.deps;
    return tx.run(() => {
      const conditions = this.resolveConditions(serverId, input);
      const existing = store.list(policyId);
      const id = crypto.randomId('0pr');
      const changes = insertAt(existing, id, input.priority);
      const now = clock.now();
      const rule: RuleRecord = {
        id,
        policyId,
        ...this.fields(input),
        ...conditions,
        priority: priorityAfter(existing, changes, id),
        system: false,
        created: now,
        lastUpdated: now,
      };
      store.setPriorities(changes.filter((change) => change.id !== id));
      store.insert(rule);
      return rule;
    });
  }

  /** PUT semantics; a new `priority` moves the rule and shifts those in between. @throws NotFound, ValidationFailed */
  replace(serverId: string, policyId: string, ruleId: string, body: unknown): RuleRecord {
    const existing = this.get(serverId, policyId, ruleId);
    const input = this.validate(body);
    const { store, tx, clock } = this.deps;
    return tx.run(() => {
      const conditions = this.resolveConditions(serverId, input);
      const siblings = store.list(policyId);
      const changes = moveTo(siblings, ruleId, input.priority);
      const updated: RuleRecord = {
        ...existing,
        ...this.fields(input, existing),
        ...conditions,
        priority: priorityAfter(siblings, changes, ruleId),
        lastUpdated: clock.now(),
      };
      store.setPriorities(changes);
      store.update(updated);
      return updated;
    });
  }

  /** @throws NotFound */
  setStatus(serverId: string, policyId: string, ruleId: string, status: LifecycleStatus): RuleRecord {
    const rule = this.get(serverId, policyId, ruleId);
    if (rule.status === status) return rule;
    const updated = { ...rule, status, lastUpdated: this.deps.clock.now() };
    this.deps.store.update(updated);
    return updated;
  }

  /** Deletes the rule and closes the gap in the priorities. @throws NotFound */
  delete(serverId: string, policyId: string, ruleId: string): void {
    this.get(serverId, policyId, ruleId);
    const { store, tx } = this.deps;
    tx.run(() => {
      const changes = removeFrom(store.list(policyId), ruleId);
      store.delete(ruleId);
      store.setPriorities(changes);
    });
  }

  private fields(input: RuleInput, current?: RuleRecord) {
    const token = input.actions.token;
    return {
      name: input.name,
      status: input.status ?? current?.status ?? 'ACTIVE',
      accessTokenMinutes: token.accessTokenLifetimeMinutes,
      refreshTokenMinutes: token.refreshTokenLifetimeMinutes,
      refreshWindowMinutes: token.refreshTokenWindowMinutes,
      inlineHookId: token.inlineHook?.id ?? null,
    };
  }

  /**
   * Users, groups and scopes must exist (Okta answers E0000001 naming the field); every unknown
   * reference is reported at once. @throws ValidationFailed
   */
  private resolveConditions(serverId: string, input: RuleInput): Conditions {
    const { people, grantTypes, scopes } = input.conditions;
    const { store } = this.deps;
    const userIds = { include: unique(people.users.include), exclude: unique(people.users.exclude) };
    const groupIds = {
      include: unique(people.groups.include.map(toGroupId)),
      exclude: unique(people.groups.exclude.map(toGroupId)),
    };
    const scopeNames = unique(scopes.include);
    const issues: FieldIssue[] = [
      ...missing('conditions.people.users', userIds, (ids) => store.unknownUsers(ids), 'user'),
      ...missing('conditions.people.groups', groupIds, (ids) => store.unknownGroups(ids), 'group'),
    ];
    const unknownScopes = store.unknownScopes(
      serverId,
      scopeNames.filter((name) => name !== ANY_SCOPE),
    );
    if (unknownScopes.length) {
      issues.push({
        field: 'conditions.scopes.include',
        message: `the authorization server has no scope ${unknownScopes.join(', ')}`,
      });
    }
    if (issues.length) throw new ValidationFailed(issues);
    return { userIds, groupIds, grantTypes: unique(grantTypes.include), scopes: scopeNames };
  }

  private validate(body: unknown): RuleInput {
    const result = validateRule(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    return result.value;
  }
}

/** One issue per list (`…include`, `…exclude`) naming the ids that do not exist. */
function missing(
  field: string,
  ids: IncludeExclude,
  unknownOf: (ids: string[]) => string[],
  kind: string,
): FieldIssue[] {
  return (['include', 'exclude'] as const).flatMap((mode) => {
    const unknown = unknownOf(ids[mode]);
    return unknown.length
      ? [{ field: `${field}.${mode}`, message: `no ${kind} has the id ${unknown.join(', ')}` }]
      : [];
  });
}
