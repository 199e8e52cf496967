/**
 * The Add Rule / Edit Rule form as plain data, in the Okta admin console's words: Rule Name; IF
 * Grant type is; AND User is; AND Requested these scopes; THEN Access token lifetime is; THEN
 * Refresh token lifetime is … but will expire if not used every. How it becomes the API body (a PUT
 * replaces every field), what is wrong with it as it is typed, and where the server's causes go.
 */
import { ANY_SCOPE, EVERYONE, LIFETIMES, RULE_TYPE } from '../../src-main/contracts/rule.js';
import type { RuleDto } from '../../src-main/contracts/rule.js';
import type { BodyOf } from '../../src-main/contracts/routes.js';
import type { routes } from '../../src-main/contracts/routes.js';
import type { ApiError } from '../api/api-error.js';
import { formProblemsFrom } from './form-problems.js';
import type { FieldErrorsOf, FormProblemsOf } from './form-problems.js';
import { durationWords, lifetimeOf, minutesOf } from './lifetime.js';
import type { Lifetime } from './lifetime.js';

export type RuleWrite = BodyOf<typeof routes.createRule>;

const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';

/** The grant types the form offers, in the console's order. */
export const RULE_FORM_GRANTS = [
  { value: 'client_credentials', label: 'Client Credentials' },
  { value: 'authorization_code', label: 'Authorization Code' },
  { value: 'implicit', label: 'Implicit' },
  { value: 'password', label: 'Resource Owner Password' },
  { value: DEVICE_CODE, label: 'Device Authorization' },
] as const;
export type FormGrant = (typeof RULE_FORM_GRANTS)[number]['value'];

/** Grants that sign a user in and can hand out a refresh token: Refresh Token goes with them. */
const REFRESHING: readonly string[] = ['authorization_code', 'password', DEVICE_CODE];

/** "AND User is": No user (client credentials), Any user assigned the app, or members of the chosen groups / the chosen people. */
export type PeopleMode = 'none' | 'any' | 'some';

export interface RuleDraft {
  name: string;
  grantTypes: FormGrant[];
  people: PeopleMode;
  groups: string[];
  users: string[];
  excludeGroups: string[];
  excludeUsers: string[];
  anyScope: boolean;
  scopes: string[];
  access: Lifetime;
  refreshUnlimited: boolean;
  refresh: Lifetime;
  /** "but will expire if not used every". */
  window: Lifetime;
}

export type RuleField = keyof RuleDraft;
export type RuleFieldErrors = FieldErrorsOf<RuleField>;
export type RuleFormProblems = FormProblemsOf<RuleField>;

export const emptyRuleDraft = (): RuleDraft => ({
  name: '',
  grantTypes: ['authorization_code'],
  people: 'any',
  groups: [],
  users: [],
  excludeGroups: [],
  excludeUsers: [],
  anyScope: true,
  scopes: [],
  access: lifetimeOf(LIFETIMES.access.default),
  refreshUnlimited: true,
  refresh: { amount: '90', unit: 'days' },
  window: lifetimeOf(LIFETIMES.refreshWindow.default),
});

const isFormGrant = (grant: string): grant is FormGrant => RULE_FORM_GRANTS.some((g) => g.value === grant);

export function ruleDraftOf(rule: RuleDto): RuleDraft {
  const { people, grantTypes, scopes } = rule.conditions;
  const grants = grantTypes.include.filter(isFormGrant);
  const everyone = people.groups.include.includes(EVERYONE) && people.users.include.length === 0;
  const noExcludes = people.groups.exclude.length === 0 && people.users.exclude.length === 0;
  const clientOnly = grants.length === 1 && grants[0] === 'client_credentials';
  const token = rule.actions.token;
  const unlimited = token.refreshTokenLifetimeMinutes === LIFETIMES.refreshUnlimited;
  return {
    name: rule.name,
    grantTypes: grants,
    people: everyone ? (clientOnly && noExcludes ? 'none' : 'any') : 'some',
    groups: everyone ? [] : people.groups.include,
    users: everyone ? [] : people.users.include,
    excludeGroups: people.groups.exclude,
    excludeUsers: people.users.exclude,
    anyScope: scopes.include.includes(ANY_SCOPE),
    scopes: scopes.include.filter((s) => s !== ANY_SCOPE),
    access: lifetimeOf(token.accessTokenLifetimeMinutes),
    refreshUnlimited: unlimited,
    refresh: unlimited ? { amount: '90', unit: 'days' } : lifetimeOf(token.refreshTokenLifetimeMinutes),
    window: lifetimeOf(token.refreshTokenWindowMinutes),
  };
}

function peopleOf(draft: RuleDraft) {
  if (draft.people === 'none')
    return { users: { include: [], exclude: [] }, groups: { include: [EVERYONE], exclude: [] } };
  const some = draft.people === 'some';
  return {
    users: { include: some ? draft.users : [], exclude: draft.excludeUsers },
    groups: { include: some ? draft.groups : [EVERYONE], exclude: draft.excludeGroups },
  };
}

/** JSON has no NaN: a number not typed yet goes as null, and the server names the field. */
const minutesOrNull = (lifetime: Lifetime) => {
  const minutes = minutesOf(lifetime);
  return Number.isNaN(minutes) ? (null as unknown as number) : minutes;
};

/** The body for POST/PUT; `extra` keeps what the form does not show (priority, status) on a replace. */
export function toRuleWrite(draft: RuleDraft, extra: Pick<RuleWrite, 'priority' | 'status'> = {}): RuleWrite {
  const grants =
    draft.people === 'none' ? draft.grantTypes.filter((g) => g === 'client_credentials') : draft.grantTypes;
  const refreshing = grants.some((g) => REFRESHING.includes(g));
  return {
    type: RULE_TYPE,
    name: draft.name,
    ...extra,
    conditions: {
      people: peopleOf(draft),
      grantTypes: { include: refreshing ? [...grants, 'refresh_token'] : [...grants] },
      scopes: { include: draft.anyScope ? [ANY_SCOPE] : draft.scopes },
    },
    actions: {
      token: {
        accessTokenLifetimeMinutes: minutesOrNull(draft.access),
        refreshTokenLifetimeMinutes: draft.refreshUnlimited ? LIFETIMES.refreshUnlimited : minutesOrNull(draft.refresh),
        refreshTokenWindowMinutes: minutesOrNull(draft.window),
      },
    },
  };
}

/** The PUT that changes nothing but the priority (a reorder): the rule as stored, every field kept. */
export function movedRuleWrite(rule: RuleDto, priority: number): RuleWrite {
  const { accessTokenLifetimeMinutes, refreshTokenLifetimeMinutes, refreshTokenWindowMinutes, inlineHook } =
    rule.actions.token;
  return {
    type: RULE_TYPE,
    name: rule.name,
    priority,
    status: rule.status,
    conditions: rule.conditions,
    actions: {
      token: {
        accessTokenLifetimeMinutes,
        refreshTokenLifetimeMinutes,
        refreshTokenWindowMinutes,
        ...(inlineHook ? { inlineHook } : {}),
      },
    },
  };
}

const ACCESS_RANGE = `between ${durationWords(LIFETIMES.access.min)} and ${durationWords(LIFETIMES.access.max)}`;
const WINDOW_RANGE = `between ${durationWords(LIFETIMES.refreshWindow.min)} and 5 years`;

/**
 * What is wrong as typed, before any save: the ranges of Okta's token lifetimes (access 5 minutes –
 * 1 day; a limited refresh lifetime at least the access lifetime; the window 10 minutes – 5 years,
 * between the two), the people and scopes a choice needs, and at least one grant type.
 */
export function liveRuleProblems(draft: RuleDraft): RuleFieldErrors {
  const problems: RuleFieldErrors = {};
  const access = minutesOf(draft.access);
  const refresh = draft.refreshUnlimited ? Number.POSITIVE_INFINITY : minutesOf(draft.refresh);
  const window = minutesOf(draft.window);
  if (Number.isNaN(access)) problems.access = 'Enter a whole number.';
  else if (access < LIFETIMES.access.min || access > LIFETIMES.access.max) problems.access = `Must be ${ACCESS_RANGE}.`;
  if (Number.isNaN(refresh)) problems.refresh = 'Enter a whole number.';
  else if (refresh < access) problems.refresh = 'Must be at least the access token lifetime.';
  if (Number.isNaN(window)) problems.window = 'Enter a whole number.';
  else if (window < LIFETIMES.refreshWindow.min || window > LIFETIMES.refreshWindow.max)
    problems.window = `Must be ${WINDOW_RANGE}.`;
  else if (window < access) problems.window = 'Must be at least the access token lifetime.';
  else if (window > refresh) problems.window = 'Must be at most the refresh token lifetime.';
  if (draft.grantTypes.length === 0) problems.grantTypes = 'Choose at least one grant type.';
  if (draft.people === 'some' && draft.groups.length === 0 && draft.users.length === 0)
    problems.groups = 'Choose at least one group or person.';
  if (!draft.anyScope && draft.scopes.length === 0) problems.scopes = 'Choose at least one scope.';
  return problems;
}

const FIELD_OF_CAUSE: Record<string, RuleField> = {
  name: 'name',
  conditions: 'grantTypes',
  'conditions.grantTypes': 'grantTypes',
  'conditions.grantTypes.include': 'grantTypes',
  'conditions.people': 'groups',
  'conditions.people.groups': 'groups',
  'conditions.people.groups.include': 'groups',
  'conditions.people.groups.exclude': 'excludeGroups',
  'conditions.people.users': 'users',
  'conditions.people.users.include': 'users',
  'conditions.people.users.exclude': 'excludeUsers',
  'conditions.scopes': 'scopes',
  'conditions.scopes.include': 'scopes',
  'actions.token.accessTokenLifetimeMinutes': 'access',
  'actions.token.refreshTokenLifetimeMinutes': 'refresh',
  'actions.token.refreshTokenWindowMinutes': 'window',
};

export const ruleProblemsOf = (error: ApiError): RuleFormProblems => formProblemsFrom(error, FIELD_OF_CAUSE);
