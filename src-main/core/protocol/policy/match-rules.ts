/**
 * Whether one access-policy rule matches a request (Okta "Authorization Server Rules" API). Each check answers with the
 * failed condition in words, or undefined when the condition holds; the first failure is the
 * rule's trace reason. Sources are listed in `decide.ts`.
 */
import { EVERYONE_GROUP_ID, toWireGroup } from '../../../contracts/rule.js';
import type { RuleRecord } from '../../ports/policies.js';
import { CLIENT_CREDENTIALS, listOf, ruleAllows } from './check-scopes.js';
import type { ResolvedScopes } from './check-scopes.js';
import type { EvaluationInput } from './decision.js';

export type RuleRequest = Pick<EvaluationInput, 'grantType' | 'user'> & { scopes: ResolvedScopes };
type User = NonNullable<EvaluationInput['user']>;

/** Why `rule` does not match, or undefined when it does: status, grant type, people, then scopes. */
export function matchRule(rule: RuleRecord, request: RuleRequest): string | undefined {
  if (rule.status !== 'ACTIVE') return 'rule is INACTIVE';
  return matchGrantType(rule, request.grantType) ?? matchPeople(rule, request) ?? matchScopes(rule, request.scopes);
}

export function matchGrantType(rule: RuleRecord, grantType: string): string | undefined {
  return rule.grantTypes.includes(grantType)
    ? undefined
    : `grant type ${grantType} is not in ${listOf(rule.grantTypes)}`;
}

/**
 * client_credentials has no user ("No user" in Okta's rule editor), so people are not checked for
 * it [INF, Okta "Authorization Server Rules" API]. Any other grant acts for a user and needs one. A user matches when a
 * user or group include names them, when the groups include Everyone, or when the rule includes no
 * one at all (the rules API stores a rule without `people` as EVERYONE; an explicitly empty people
 * condition is read the same way [INF]). Excludes win over includes.
 */
export function matchPeople(rule: RuleRecord, request: Pick<RuleRequest, 'grantType' | 'user'>): string | undefined {
  if (request.grantType === CLIENT_CREDENTIALS) return undefined;
  const { user } = request;
  if (!user) return `grant type ${request.grantType} acts for a user, and the request has none`;
  if (!isIncluded(rule, user)) {
    return `user ${user.id} is not included (users: ${listOf(rule.userIds.include)}, groups: ${listOf(rule.groupIds.include.map(toWireGroup))})`;
  }
  return exclusionOf(rule, user);
}

function isIncluded(rule: RuleRecord, user: User): boolean {
  const { userIds, groupIds } = rule;
  if (userIds.include.length === 0 && groupIds.include.length === 0) return true;
  if (userIds.include.includes(user.id)) return true;
  return groupIds.include.some((groupId) => groupId === EVERYONE_GROUP_ID || user.groupIds.includes(groupId));
}

function exclusionOf(rule: RuleRecord, user: User): string | undefined {
  const { userIds, groupIds } = rule;
  if (userIds.exclude.includes(user.id))
    return `user ${user.id} is excluded (users.exclude: ${listOf(userIds.exclude)})`;
  const group = groupIds.exclude.find((groupId) => groupId === EVERYONE_GROUP_ID || user.groupIds.includes(groupId));
  if (group === undefined) return undefined;
  return `user ${user.id} is excluded by group ${toWireGroup(group)} (groups.exclude: ${listOf(groupIds.exclude.map(toWireGroup))})`;
}

/**
 * Named scopes: the rule must cover every one of them (OpenID Connect scopes are always covered,
 * see `ruleAllows`), or it is skipped and evaluation goes on to the next rule (Okta: "Any request
 * that is sent with a different scope won't match any rules and consequently fails"). Default
 * scopes (no `scope` parameter) do not take part in matching: the matched rule filters them
 * afterwards (`grantScopes`).
 */
export function matchScopes(rule: RuleRecord, scopes: ResolvedScopes): string | undefined {
  if (scopes.fromDefaults) return undefined;
  const missing = scopes.names.filter((name) => !ruleAllows(rule, name));
  if (missing.length === 0) return undefined;
  const [first] = missing;
  return missing.length === 1
    ? `scope ${first} is not in ${listOf(rule.scopes)}`
    : `scopes ${missing.join(', ')} are not in ${listOf(rule.scopes)}`;
}
