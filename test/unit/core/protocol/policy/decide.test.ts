/**
 * Golden fixtures for Okta's access-policy evaluation (Okta "Authorization Server Rules" API, "Authorization Server Scopes" API, "OpenID Connect & OAuth 2.0 API"; the sources for
 * each behaviour are in the header of src-main/core/protocol/policy/decide.ts), plus properties over
 * random policy sets. Long because it is a table: one golden case per behaviour, read top to bottom.
 */
import fc from 'fast-check';
import { assertProperty } from '../../../../support/property.js';
import { describe, expect, it } from 'vitest';
import type { RuleRecord } from '../../../../../src-main/core/ports/policies.js';
import { evaluatePolicies, matchPolicy } from '../../../../../src-main/core/protocol/policy/decide.js';
import { AccessDenied, InvalidScope, OAuthError } from '../../../../../src-main/core/protocol/oauth-errors.js';
import type { EvaluationInput, Lifetimes } from '../../../../../src-main/core/protocol/policy/decision.js';
import type { DecisionTrace, TraceOutcome } from '../../../../../src-main/core/protocol/trace.js';
import {
  ALICE,
  BOB,
  CAROL,
  ENGINEERING,
  EVERYONE,
  SALES,
  SERVER_SCOPES,
  SERVICE,
  WEB,
  policy,
  request,
  rule,
} from './decide-fixtures.js';

type Expected =
  | { ok: true; policyId: string; ruleId: string; scopes: string[]; denied?: string[]; lifetimes?: Lifetimes }
  | {
      ok: false;
      error: abstract new (...args: never[]) => OAuthError;
      description: string;
      status: number;
      detail: string;
      denied?: string[];
    };

interface GoldenCase {
  name: string;
  input: EvaluationInput;
  expected: Expected;
  /** Policy and rule trace entries that must read exactly so: [id, outcome, reason]. */
  trace?: [string, TraceOutcome, string?][];
}

const DEFAULT_LIFETIMES = { accessTokenMinutes: 60, refreshTokenMinutes: 0, refreshWindowMinutes: 10080 };
const NOT_EVALUATED_BY_SCOPES = 'not evaluated: the requested scopes failed the checks made before policies';
const CLIENT_NOT_LISTED = `client ${WEB} is not in the policy's clients`;

const cases: GoldenCase[] = [
  // ── the default server's setup ───────────────────────────────────────────────────────────────
  {
    name: "the default server's rule grants the requested scopes, in request order, with its lifetimes",
    input: request({ requestedScopes: ['orders:read', 'openid', 'profile'] }),
    expected: {
      ok: true,
      policyId: '00pDefault',
      ruleId: '0prDefault',
      scopes: ['orders:read', 'openid', 'profile'],
      lifetimes: DEFAULT_LIFETIMES,
    },
    trace: [
      ['00pDefault', 'matched', `first ACTIVE policy that applies to client ${WEB}`],
      ['0prDefault', 'matched'],
    ],
  },
  // ── priority order ───────────────────────────────────────────────────────────────────────────
  {
    name: 'policies are evaluated by priority, not by list order',
    input: request({
      policies: [
        policy('00pSecond', [rule('0prSecond')], { priority: 2 }),
        policy('00pFirst', [rule('0prFirst')], { priority: 1 }),
      ],
    }),
    expected: { ok: true, policyId: '00pFirst', ruleId: '0prFirst', scopes: ['openid', 'orders:read'] },
    trace: [
      ['00pFirst', 'matched', `first ACTIVE policy that applies to client ${WEB}`],
      [
        '00pSecond',
        'not-evaluated',
        'only the first applicable policy is evaluated, here "Policy 00pFirst" (00pFirst)',
      ],
    ],
  },
  {
    name: 'rules are evaluated by priority, and the ones after the match are not evaluated',
    input: request({
      policies: [policy('00pA', [rule('0prSecond', { priority: 2 }), rule('0prFirst', { priority: 1 })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prFirst', scopes: ['openid', 'orders:read'] },
    trace: [
      ['0prFirst', 'matched'],
      ['0prSecond', 'not-evaluated', 'rule "Rule 0prFirst" (0prFirst) matched first'],
    ],
  },
  {
    name: 'equal priorities keep their list order',
    input: request({
      policies: [policy('00pA', [rule('0prListedFirst', { priority: 3 }), rule('0prListedSecond', { priority: 3 })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prListedFirst', scopes: ['openid', 'orders:read'] },
  },
  // ── inactive policies and rules ──────────────────────────────────────────────────────────────
  {
    name: 'an INACTIVE policy is skipped and the next one applies',
    input: request({
      policies: [
        policy('00pOff', [rule('0prOff')], { status: 'INACTIVE' }),
        policy('00pOn', [rule('0prOn')], { priority: 2 }),
      ],
    }),
    expected: { ok: true, policyId: '00pOn', ruleId: '0prOn', scopes: ['openid', 'orders:read'] },
    trace: [
      ['00pOff', 'skipped', 'policy is INACTIVE'],
      ['00pOn', 'matched', `first ACTIVE policy that applies to client ${WEB}`],
    ],
  },
  {
    name: 'an INACTIVE rule is skipped and the next rule matches',
    input: request({
      policies: [policy('00pA', [rule('0prOff', { status: 'INACTIVE' }), rule('0prOn', { priority: 2 })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prOn', scopes: ['openid', 'orders:read'] },
    trace: [
      ['0prOff', 'skipped', 'rule is INACTIVE'],
      ['0prOn', 'matched'],
    ],
  },
  // ── which clients a policy covers ────────────────────────────────────────────────────────────
  {
    name: 'a policy for listed clients is skipped for a client it does not list; the ALL_CLIENTS one after it applies',
    input: request({
      policies: [
        policy('00pService', [rule('0prService')], { allClients: false, clientIds: [SERVICE] }),
        policy('00pAll', [rule('0prAll')], { priority: 2 }),
      ],
    }),
    expected: { ok: true, policyId: '00pAll', ruleId: '0prAll', scopes: ['openid', 'orders:read'] },
    trace: [
      ['00pService', 'skipped', CLIENT_NOT_LISTED],
      ['00pAll', 'matched', `first ACTIVE policy that applies to client ${WEB}`],
    ],
  },
  {
    name: 'a policy for listed clients applies to a client it lists, ahead of a later ALL_CLIENTS policy',
    input: request({
      clientId: SERVICE,
      policies: [
        policy('00pService', [rule('0prService', { accessTokenMinutes: 5 })], {
          allClients: false,
          clientIds: [WEB, SERVICE],
        }),
        policy('00pAll', [rule('0prAll')], { priority: 2 }),
      ],
    }),
    expected: {
      ok: true,
      policyId: '00pService',
      ruleId: '0prService',
      scopes: ['openid', 'orders:read'],
      lifetimes: { ...DEFAULT_LIFETIMES, accessTokenMinutes: 5 },
    },
  },
  // ── no fall-through, and no policy at all ────────────────────────────────────────────────────
  {
    name: 'when no rule of the first applicable policy matches, the request fails: later policies are not evaluated',
    input: request({
      grantType: 'password',
      policies: [
        policy('00pCode', [rule('0prCode', { grantTypes: ['authorization_code'] })]),
        policy('00pWouldMatch', [rule('0prWouldMatch')], { priority: 2 }),
      ],
    }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail:
        `policy "Policy 00pCode" (00pCode) applies to client ${WEB}, but none of its rules matched: ` +
        'rule "Rule 0prCode" (0prCode): grant type password is not in [authorization_code] (later policies are not evaluated)',
      denied: ['openid', 'orders:read'],
    },
    trace: [
      ['00pCode', 'matched', `applies to client ${WEB}, but none of its rules matched`],
      ['0prCode', 'skipped', 'grant type password is not in [authorization_code]'],
      [
        '00pWouldMatch',
        'not-evaluated',
        'only the first applicable policy is evaluated, here "Policy 00pCode" (00pCode)',
      ],
    ],
  },
  {
    name: 'when no ACTIVE policy includes the client, the request fails with 401',
    input: request({
      policies: [
        policy('00pService', [rule('0prService')], { allClients: false, clientIds: [SERVICE] }),
        policy('00pOff', [rule('0prOff')], { priority: 2, status: 'INACTIVE' }),
      ],
    }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail: `no ACTIVE policy applies to client ${WEB}: policy "Policy 00pService" (00pService): ${CLIENT_NOT_LISTED}; policy "Policy 00pOff" (00pOff): policy is INACTIVE`,
    },
    trace: [
      ['00pService', 'skipped', CLIENT_NOT_LISTED],
      ['00pOff', 'skipped', 'policy is INACTIVE'],
    ],
  },
  {
    name: 'a server without policies refuses every request',
    input: request({ policies: [] }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail: 'the authorization server has no access policies',
    },
  },
  {
    name: 'an applicable policy without rules fails the request',
    input: request({ policies: [policy('00pEmpty', []), policy('00pFull', [rule('0prFull')], { priority: 2 })] }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail: `policy "Policy 00pEmpty" (00pEmpty) applies to client ${WEB}, but it has no rules (later policies are not evaluated)`,
    },
    trace: [['00pEmpty', 'matched', `applies to client ${WEB}, but it has no rules`]],
  },
  // ── grant types ──────────────────────────────────────────────────────────────────────────────
  {
    name: 'a rule without the grant type is skipped, naming the grant types it has',
    input: request({
      grantType: 'password',
      policies: [
        policy('00pA', [
          rule('0prNoPassword', { grantTypes: ['authorization_code', 'client_credentials'] }),
          rule('0prPassword', { priority: 2, grantTypes: ['password'] }),
        ]),
      ],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prPassword', scopes: ['openid', 'orders:read'] },
    trace: [['0prNoPassword', 'skipped', 'grant type password is not in [authorization_code, client_credentials]']],
  },
  // ── people ───────────────────────────────────────────────────────────────────────────────────
  {
    name: 'a user named in users.include matches',
    input: request({
      policies: [
        policy('00pA', [
          rule('0prAlice', { userIds: { include: [ALICE.id], exclude: [] }, groupIds: { include: [], exclude: [] } }),
        ]),
      ],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prAlice', scopes: ['openid', 'orders:read'] },
  },
  {
    name: 'a user not named in the includes is skipped, listing the users and groups the rule includes',
    input: request({
      user: BOB,
      policies: [
        policy('00pA', [
          rule('0prAlice', { userIds: { include: [ALICE.id], exclude: [] }, groupIds: { include: [], exclude: [] } }),
          rule('0prEngineering', { priority: 2, groupIds: { include: [ENGINEERING], exclude: [] } }),
        ]),
      ],
    }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail:
        `policy "Policy 00pA" (00pA) applies to client ${WEB}, but none of its rules matched: ` +
        'rule "Rule 0prAlice" (0prAlice): user 00ubob is not included (users: [00ualice], groups: []); ' +
        'rule "Rule 0prEngineering" (0prEngineering): user 00ubob is not included (users: [], groups: [00gEngineering])',
    },
    trace: [
      ['0prAlice', 'skipped', 'user 00ubob is not included (users: [00ualice], groups: [])'],
      ['0prEngineering', 'skipped', 'user 00ubob is not included (users: [], groups: [00gEngineering])'],
    ],
  },
  {
    name: 'a member of a group in groups.include matches',
    input: request({
      policies: [policy('00pA', [rule('0prEngineering', { groupIds: { include: [ENGINEERING], exclude: [] } })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prEngineering', scopes: ['openid', 'orders:read'] },
  },
  {
    name: 'EVERYONE covers every user, even one whose group list omits it',
    input: request({ user: { id: '00udave', groupIds: [] }, policies: [policy('00pA', [rule('0prEveryone')])] }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prEveryone', scopes: ['openid', 'orders:read'] },
  },
  {
    name: 'a rule that includes no users and no groups covers everyone',
    input: request({
      user: CAROL,
      policies: [policy('00pA', [rule('0prNobodyListed', { groupIds: { include: [], exclude: [] } })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prNobodyListed', scopes: ['openid', 'orders:read'] },
  },
  {
    name: 'a user in users.exclude is skipped even though EVERYONE is included; the next rule matches',
    input: request({
      policies: [
        policy('00pA', [
          rule('0prNotAlice', { userIds: { include: [], exclude: [ALICE.id] } }),
          rule('0prAll', { priority: 2, accessTokenMinutes: 10 }),
        ]),
      ],
    }),
    expected: {
      ok: true,
      policyId: '00pA',
      ruleId: '0prAll',
      scopes: ['openid', 'orders:read'],
      lifetimes: { ...DEFAULT_LIFETIMES, accessTokenMinutes: 10 },
    },
    trace: [
      ['0prNotAlice', 'skipped', 'user 00ualice is excluded (users.exclude: [00ualice])'],
      ['0prAll', 'matched'],
    ],
  },
  {
    name: 'a member of a group in groups.exclude is skipped, naming the group',
    input: request({
      user: BOB,
      policies: [
        policy('00pA', [
          rule('0prNotSales', { groupIds: { include: [EVERYONE], exclude: [SALES] } }),
          rule('0prAll', { priority: 2 }),
        ]),
      ],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prAll', scopes: ['openid', 'orders:read'] },
    trace: [['0prNotSales', 'skipped', 'user 00ubob is excluded by group 00gSales (groups.exclude: [00gSales])']],
  },
  {
    name: 'excluding EVERYONE excludes every user, and the trace says EVERYONE',
    input: request({
      user: ALICE,
      policies: [
        policy('00pA', [
          rule('0prNoOne', {
            userIds: { include: [ALICE.id], exclude: [] },
            groupIds: { include: [], exclude: [EVERYONE] },
          }),
        ]),
      ],
    }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail: `policy "Policy 00pA" (00pA) applies to client ${WEB}, but none of its rules matched: rule "Rule 0prNoOne" (0prNoOne): user 00ualice is excluded by group EVERYONE (groups.exclude: [EVERYONE])`,
    },
  },
  {
    name: 'client_credentials has no user, so a rule limited to certain people still matches it',
    input: request({
      grantType: 'client_credentials',
      clientId: SERVICE,
      user: null,
      requestedScopes: ['orders:read'],
      policies: [
        policy('00pA', [
          rule('0prAliceOnly', {
            userIds: { include: [ALICE.id], exclude: [] },
            groupIds: { include: [], exclude: [SALES] },
          }),
        ]),
      ],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prAliceOnly', scopes: ['orders:read'] },
  },
  {
    name: 'a grant that acts for a user is skipped when the request carries no user',
    input: request({ grantType: 'password', user: null, policies: [policy('00pA', [rule('0prAll')])] }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail: `policy "Policy 00pA" (00pA) applies to client ${WEB}, but none of its rules matched: rule "Rule 0prAll" (0prAll): grant type password acts for a user, and the request has none`,
    },
  },
  // ── scopes named in the request ──────────────────────────────────────────────────────────────
  {
    name: "a rule with scopes ['*'] grants any scope of the server",
    input: request({ requestedScopes: ['orders:write', 'reports:read', 'device_sso'] }),
    expected: {
      ok: true,
      policyId: '00pDefault',
      ruleId: '0prDefault',
      scopes: ['orders:write', 'reports:read', 'device_sso'],
      denied: [],
    },
  },
  {
    name: 'a rule whose listed scopes cover the request matches',
    input: request({
      policies: [policy('00pA', [rule('0prListed', { scopes: ['openid', 'orders:read', 'orders:write'] })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prListed', scopes: ['openid', 'orders:read'], denied: [] },
  },
  {
    name: 'a rule that does not list a requested scope is skipped, and the next rule grants it',
    input: request({
      requestedScopes: ['orders:write'],
      policies: [
        policy('00pA', [
          rule('0prRead', { scopes: ['orders:read'] }),
          rule('0prWrite', { priority: 2, scopes: ['orders:write'], accessTokenMinutes: 15 }),
        ]),
      ],
    }),
    expected: {
      ok: true,
      policyId: '00pA',
      ruleId: '0prWrite',
      scopes: ['orders:write'],
      lifetimes: { ...DEFAULT_LIFETIMES, accessTokenMinutes: 15 },
    },
    trace: [
      ['0prRead', 'skipped', 'scope orders:write is not in [orders:read]'],
      ['0prWrite', 'matched'],
    ],
  },
  {
    name: 'a rule covering only some requested scopes does not grant a subset: with no other rule the request fails',
    input: request({
      requestedScopes: ['orders:read', 'orders:write', 'reports:read'],
      policies: [policy('00pA', [rule('0prRead', { scopes: ['orders:read'] })])],
    }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation failed for this request, please check the policy configurations.',
      status: 401,
      detail: `policy "Policy 00pA" (00pA) applies to client ${WEB}, but none of its rules matched: rule "Rule 0prRead" (0prRead): scopes orders:write, reports:read are not in [orders:read]`,
      denied: ['orders:read', 'orders:write', 'reports:read'],
    },
  },
  {
    name: 'OpenID Connect scopes are granted by a matching rule that does not list them (Okta "Authorization Server Rules" API)',
    input: request({
      requestedScopes: ['openid', 'email', 'orders:read'],
      policies: [
        policy('00pA', [
          rule('0prNoEmail', { scopes: ['orders:read'] }),
          rule('0prOidc', { priority: 2, scopes: ['openid', 'profile', 'email', 'orders:read'] }),
        ]),
      ],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prNoEmail', scopes: ['openid', 'email', 'orders:read'] },
    trace: [['0prNoEmail', 'matched']],
  },
  {
    name: 'a custom scope the rule does not list still skips it',
    input: request({
      requestedScopes: ['openid', 'orders:write'],
      policies: [
        policy('00pA', [
          rule('0prRead', { scopes: ['orders:read'] }),
          rule('0prWrite', { priority: 2, scopes: ['orders:write'] }),
        ]),
      ],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prWrite', scopes: ['openid', 'orders:write'] },
    trace: [['0prRead', 'skipped', 'scope orders:write is not in [orders:read]']],
  },
  {
    name: 'a repeated scope counts once',
    input: request({ requestedScopes: ['orders:read', 'openid', 'orders:read', ''] }),
    expected: { ok: true, policyId: '00pDefault', ruleId: '0prDefault', scopes: ['orders:read', 'openid'] },
  },
  // ── no scope parameter: the server's default scopes ──────────────────────────────────────────
  {
    name: "without a scope parameter the request gets the server's default scopes",
    input: request({ requestedScopes: null }),
    expected: {
      ok: true,
      policyId: '00pDefault',
      ruleId: '0prDefault',
      scopes: ['orders:read', 'reports:read'],
      denied: [],
    },
    trace: [['0prDefault', 'matched', 'no scope parameter: the rule filters the default scopes']],
  },
  {
    name: 'an empty scope parameter counts as none',
    input: request({ requestedScopes: [] }),
    expected: { ok: true, policyId: '00pDefault', ruleId: '0prDefault', scopes: ['orders:read', 'reports:read'] },
  },
  {
    name: 'default scopes are granted only as far as the matched rule allows them, the rest denied',
    input: request({
      requestedScopes: null,
      policies: [policy('00pA', [rule('0prOrders', { scopes: ['openid', 'orders:read'] })])],
    }),
    expected: { ok: true, policyId: '00pA', ruleId: '0prOrders', scopes: ['orders:read'], denied: ['reports:read'] },
  },
  {
    name: 'a matched rule that allows none of the default scopes rejects them all (400)',
    input: request({
      requestedScopes: null,
      policies: [policy('00pA', [rule('0prWrite', { scopes: ['orders:write'] })])],
    }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation succeeded, but all the requested scopes were rejected.',
      status: 400,
      detail:
        'rule "Rule 0prWrite" (0prWrite) of policy "Policy 00pA" (00pA) matched, but grants none of the requested scopes: ' +
        "orders:read: not in the rule's scopes [orders:write]; reports:read: not in the rule's scopes [orders:write]",
      denied: ['orders:read', 'reports:read'],
    },
    trace: [
      ['00pA', 'matched', `first ACTIVE policy that applies to client ${WEB}`],
      ['0prWrite', 'matched', 'no scope parameter: the rule filters the default scopes'],
    ],
  },
  {
    name: 'without a scope parameter and without default scopes the request is invalid_scope',
    input: request({ requestedScopes: null, serverScopes: SERVER_SCOPES.map((s) => ({ ...s, isDefault: false })) }),
    expected: {
      ok: false,
      error: InvalidScope,
      description:
        "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
      status: 400,
      detail: 'the request has no scope parameter and the authorization server has no default scopes',
      denied: [],
    },
    trace: [['00pDefault', 'not-evaluated', NOT_EVALUATED_BY_SCOPES]],
  },
  {
    name: 'client_credentials without a scope parameter leaves OpenID Connect default scopes out',
    input: request({
      grantType: 'client_credentials',
      user: null,
      requestedScopes: null,
      serverScopes: SERVER_SCOPES.map((s) => (s.name === 'openid' ? { ...s, isDefault: true } : s)),
    }),
    expected: { ok: true, policyId: '00pDefault', ruleId: '0prDefault', scopes: ['orders:read', 'reports:read'] },
  },
  // ── checks before policies ───────────────────────────────────────────────────────────────────
  {
    name: 'a scope the server does not have is invalid_scope, before any policy is looked at',
    input: request({ requestedScopes: ['openid', 'orders:delete'] }),
    expected: {
      ok: false,
      error: InvalidScope,
      description: 'One or more scopes are not configured for the authorization server resource.',
      status: 400,
      detail: 'the authorization server has no scope orders:delete',
      denied: ['orders:delete'],
    },
    trace: [['00pDefault', 'not-evaluated', NOT_EVALUATED_BY_SCOPES]],
  },
  {
    name: "'*' is a rule wildcard, not a scope a request may name",
    input: request({ requestedScopes: ['*'] }),
    expected: {
      ok: false,
      error: InvalidScope,
      description: 'One or more scopes are not configured for the authorization server resource.',
      status: 400,
      detail: 'the authorization server has no scope *',
    },
  },
  {
    name: 'client_credentials asking for openid is invalid_scope',
    input: request({ grantType: 'client_credentials', user: null, requestedScopes: ['openid', 'orders:read'] }),
    expected: {
      ok: false,
      error: InvalidScope,
      description: "Cannot request 'openid' scopes using client credentials.",
      status: 400,
      detail: 'client_credentials has no user, so it cannot ask for the OpenID Connect scope openid',
      denied: ['openid'],
    },
  },
  {
    name: "client_credentials asking for other OpenID Connect scopes gets the same 'openid' error",
    input: request({
      grantType: 'client_credentials',
      user: null,
      requestedScopes: ['orders:read', 'profile', 'email'],
    }),
    expected: {
      ok: false,
      error: InvalidScope,
      description: "Cannot request 'openid' scopes using client credentials.",
      status: 400,
      detail: 'client_credentials has no user, so it cannot ask for the OpenID Connect scopes profile, email',
      denied: ['profile', 'email'],
    },
  },
  {
    name: 'an unknown scope is reported before OpenID Connect scopes with client_credentials',
    input: request({ grantType: 'client_credentials', user: null, requestedScopes: ['openid', 'nope'] }),
    expected: {
      ok: false,
      error: InvalidScope,
      description: 'One or more scopes are not configured for the authorization server resource.',
      status: 400,
      detail: 'the authorization server has no scope nope',
    },
  },
  // ── the implicit grant and offline_access ────────────────────────────────────────────────────
  {
    name: 'the implicit grant never gets offline_access; the other scopes are granted',
    input: request({ grantType: 'implicit', requestedScopes: ['openid', 'offline_access'] }),
    expected: {
      ok: true,
      policyId: '00pDefault',
      ruleId: '0prDefault',
      scopes: ['openid'],
      denied: ['offline_access'],
    },
  },
  {
    name: 'an implicit request for offline_access alone has all its scopes rejected',
    input: request({ grantType: 'implicit', requestedScopes: ['offline_access'] }),
    expected: {
      ok: false,
      error: AccessDenied,
      description: 'Policy evaluation succeeded, but all the requested scopes were rejected.',
      status: 400,
      detail:
        'rule "Rule 0prDefault" (0prDefault) of policy "Policy 00pDefault" (00pDefault) matched, but grants none of the requested scopes: ' +
        'offline_access: the implicit grant type gets no refresh token',
      denied: ['offline_access'],
    },
  },
  // ── lifetimes ────────────────────────────────────────────────────────────────────────────────
  {
    name: 'the lifetimes are those of the matched rule, not of the rules around it',
    input: request({
      grantType: 'refresh_token',
      policies: [
        policy('00pA', [
          rule('0prCodeOnly', { grantTypes: ['authorization_code'], accessTokenMinutes: 5 }),
          rule('0prRefresh', {
            priority: 2,
            grantTypes: ['refresh_token'],
            accessTokenMinutes: 30,
            refreshTokenMinutes: 1440,
            refreshWindowMinutes: 720,
          }),
          rule('0prAll', { priority: 3, accessTokenMinutes: 1440 }),
        ]),
      ],
    }),
    expected: {
      ok: true,
      policyId: '00pA',
      ruleId: '0prRefresh',
      scopes: ['openid', 'orders:read'],
      lifetimes: { accessTokenMinutes: 30, refreshTokenMinutes: 1440, refreshWindowMinutes: 720 },
    },
    trace: [
      ['0prCodeOnly', 'skipped', 'grant type refresh_token is not in [authorization_code]'],
      ['0prRefresh', 'matched'],
      ['0prAll', 'not-evaluated', 'rule "Rule 0prRefresh" (0prRefresh) matched first'],
    ],
  },
];

/** Every policy and rule of a trace by id. */
function traceEntries(trace: DecisionTrace): Map<string, { outcome: TraceOutcome; reason?: string }> {
  const entries = new Map<string, { outcome: TraceOutcome; reason?: string }>();
  for (const p of trace.policies) {
    entries.set(p.id, { outcome: p.outcome, reason: p.reason });
    for (const r of p.rules) entries.set(r.id, { outcome: r.outcome, reason: r.reason });
  }
  return entries;
}

describe('evaluatePolicies golden cases', () => {
  it('has at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { input, expected, trace }) => {
    const result = evaluatePolicies(input);
    if (expected.ok) {
      if (!result.ok) throw new Error(`expected success, got ${result.error.constructor.name}: ${result.error.detail}`);
      expect({ policyId: result.policyId, ruleId: result.ruleId, scopes: result.scopes }).toEqual({
        policyId: expected.policyId,
        ruleId: expected.ruleId,
        scopes: expected.scopes,
      });
      expect(result.trace.scopes?.granted).toEqual(expected.scopes);
      if (expected.denied) expect(result.trace.scopes?.denied).toEqual(expected.denied);
      if (expected.lifetimes) expect(result.lifetimes).toEqual(expected.lifetimes);
    } else {
      if (result.ok) throw new Error(`expected ${expected.error.name}, got success with rule ${result.ruleId}`);
      expect(result.error).toBeInstanceOf(expected.error);
      expect({
        description: result.error.description,
        status: result.error.status,
        detail: result.error.detail,
      }).toEqual({
        description: expected.description,
        status: expected.status,
        detail: expected.detail,
      });
      expect(result.trace.scopes?.granted).toEqual([]);
      if (expected.denied) expect(result.trace.scopes?.denied).toEqual(expected.denied);
    }
    const entries = traceEntries(result.trace);
    for (const [id, outcome, reason] of trace ?? []) {
      expect(entries.get(id), id).toEqual({ outcome, reason });
    }
  });
});

describe('evaluatePolicies decision trace', () => {
  it('lists every policy, the evaluated policy’s rules, the scopes and the lifetimes', () => {
    const input = request({
      requestedScopes: ['orders:read'],
      policies: [
        policy('00pOff', [rule('0prOff')], { status: 'INACTIVE', priority: 1 }),
        policy('00pService', [rule('0prService')], { priority: 2, allClients: false, clientIds: [SERVICE] }),
        policy(
          '00pWeb',
          [
            rule('0prNoCode', { grantTypes: ['password'] }),
            rule('0prCode', { priority: 2, accessTokenMinutes: 20 }),
            rule('0prLast', { priority: 3 }),
          ],
          {
            priority: 3,
          },
        ),
        policy('00pLater', [rule('0prLater')], { priority: 4 }),
      ],
    });
    expect(evaluatePolicies(input).trace).toEqual({
      policies: [
        {
          id: '00pOff',
          name: 'Policy 00pOff',
          priority: 1,
          outcome: 'skipped',
          reason: 'policy is INACTIVE',
          rules: [],
        },
        {
          id: '00pService',
          name: 'Policy 00pService',
          priority: 2,
          outcome: 'skipped',
          reason: CLIENT_NOT_LISTED,
          rules: [],
        },
        {
          id: '00pWeb',
          name: 'Policy 00pWeb',
          priority: 3,
          outcome: 'matched',
          reason: `first ACTIVE policy that applies to client ${WEB}`,
          rules: [
            {
              id: '0prNoCode',
              name: 'Rule 0prNoCode',
              priority: 1,
              outcome: 'skipped',
              reason: 'grant type authorization_code is not in [password]',
            },
            { id: '0prCode', name: 'Rule 0prCode', priority: 2, outcome: 'matched' },
            {
              id: '0prLast',
              name: 'Rule 0prLast',
              priority: 3,
              outcome: 'not-evaluated',
              reason: 'rule "Rule 0prCode" (0prCode) matched first',
            },
          ],
        },
        {
          id: '00pLater',
          name: 'Policy 00pLater',
          priority: 4,
          outcome: 'not-evaluated',
          reason: 'only the first applicable policy is evaluated, here "Policy 00pWeb" (00pWeb)',
          rules: [],
        },
      ],
      scopes: { requested: ['orders:read'], granted: ['orders:read'], denied: [] },
      lifetimes: { accessToken: 20, refreshToken: 0, refreshWindow: 10080 },
    });
  });

  it("puts Okta's text on the wire and keeps the reason for the event log", () => {
    const result = evaluatePolicies(
      request({
        grantType: 'password',
        policies: [policy('00pA', [rule('0prCode', { grantTypes: ['authorization_code'] })])],
      }),
    );
    if (result.ok) throw new Error('expected a failure');
    expect(result.error.toJSON()).toEqual({
      error: 'access_denied',
      error_description: 'Policy evaluation failed for this request, please check the policy configurations.',
    });
    expect(JSON.stringify(result.error)).not.toContain('0prCode');
  });

  it('leaves its input untouched', () => {
    const input = request({
      policies: [
        policy('00pB', [rule('0prB2', { priority: 2 }), rule('0prB1')], { priority: 2 }),
        policy('00pA', [rule('0prA')]),
      ],
    });
    const before = structuredClone(input);
    evaluatePolicies(input);
    expect(input).toEqual(before);
  });
});

// ── properties over random policy sets ─────────────────────────────────────────────────────────

const CLIENTS = ['c1', 'c2', 'c3'];
const USERS = ['u1', 'u2', 'u3'];
const GROUPS = [EVERYONE, 'g1', 'g2'];
const GRANTS = ['authorization_code', 'password', 'client_credentials', 'implicit', 'refresh_token'];
const SCOPE_NAMES = ['openid', 'profile', 'offline_access', 's1', 's2', 's3'];

const subset = <T>(items: T[]) => fc.subarray(items);
/** Mostly `likely`, sometimes anything: keeps enough requests succeeding for the properties to bite. */
const mostly = <T>(likely: T, any: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(likely), weight: 2 }, { arbitrary: any, weight: 1 });
const status = mostly('ACTIVE' as const, fc.constant('INACTIVE' as const));
const noOne = { include: [] as string[], exclude: [] as string[] };
const includeExclude = <T>(items: T[]) => fc.record({ include: subset(items), exclude: subset(items) });

const arbRule = fc.record({
  id: fc.uuid(),
  status,
  priority: fc.integer({ min: 1, max: 4 }),
  grantTypes: mostly(GRANTS, subset(GRANTS)),
  userIds: mostly(noOne, includeExclude(USERS)),
  groupIds: mostly({ include: [EVERYONE], exclude: [] }, includeExclude(GROUPS)),
  scopes: mostly(['*'], subset(SCOPE_NAMES)),
  accessTokenMinutes: fc.integer({ min: 5, max: 1440 }),
});

const arbPolicy = fc.record({
  id: fc.uuid(),
  status,
  priority: fc.integer({ min: 1, max: 4 }),
  allClients: mostly(true, fc.boolean()),
  clientIds: subset(CLIENTS),
  rules: fc.array(arbRule, { minLength: 1, maxLength: 4 }),
});

const arbInput: fc.Arbitrary<EvaluationInput> = fc
  .record({
    grantType: fc.constantFrom(...GRANTS),
    clientId: fc.constantFrom(...CLIENTS),
    user: fc.option(fc.record({ id: fc.constantFrom(...USERS), groupIds: subset(GROUPS) }), { nil: null }),
    requestedScopes: fc.option(mostly(['s1'], subset([...SCOPE_NAMES, 'unknown'])), { nil: null, freq: 4 }),
    policies: fc.array(arbPolicy, { minLength: 1, maxLength: 4 }),
    defaults: subset(SCOPE_NAMES),
  })
  .map(({ policies, defaults, ...rest }) => ({
    ...rest,
    policies: policies.map(({ rules, ...p }) =>
      policy(
        p.id,
        rules.map((r) => rule(r.id, r as Partial<RuleRecord>)),
        p,
      ),
    ),
    serverScopes: SCOPE_NAMES.map((name) => ({ name, isDefault: defaults.includes(name) })),
  }));

/** The first ACTIVE policy that includes the client, computed independently of the engine. */
function firstApplicable(input: EvaluationInput) {
  const sorted = input.policies.map((p, i) => ({ p, i })).sort((a, b) => a.p.priority - b.p.priority || a.i - b.i);
  return sorted.find(({ p }) => p.status === 'ACTIVE' && (p.allClients || p.clientIds.includes(input.clientId)))?.p;
}

describe('evaluatePolicies properties', () => {
  it('never throws, and a success comes from an ACTIVE rule of the first ACTIVE applicable policy', () => {
    let successes = 0;
    assertProperty(
      fc.property(arbInput, (input) => {
        const result = evaluatePolicies(input);
        if (result.ok) successes += 1;
        expect(result.trace.policies.map((p) => p.id).sort()).toEqual(input.policies.map((p) => p.id).sort());
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(OAuthError);
          expect(result.trace.scopes?.granted).toEqual([]);
          return;
        }
        const applicable = firstApplicable(input);
        expect(result.policyId).toBe(applicable?.id);
        expect(matchPolicy(applicable!, input.clientId)).toBeUndefined();
        const matched = applicable!.rules.find((r) => r.id === result.ruleId);
        expect(matched?.status).toBe('ACTIVE');
        expect(matched?.grantTypes).toContain(input.grantType);
        expect(result.lifetimes.accessTokenMinutes).toBe(matched?.accessTokenMinutes);
        expect(result.scopes.length).toBeGreaterThan(0);
        const asked = input.requestedScopes?.length
          ? input.requestedScopes
          : input.serverScopes.filter((s) => s.isDefault).map((s) => s.name);
        for (const scope of result.scopes) expect(asked).toContain(scope);
      }),
      { numRuns: 500 },
    );
    // The success branch above must actually have been exercised.
    expect(successes).toBeGreaterThan(50);
  });

  it('is deterministic: the same input gives the same decision', () => {
    assertProperty(
      fc.property(arbInput, (input) => {
        const [a, b] = [evaluatePolicies(input), evaluatePolicies(input)];
        expect(b.trace).toEqual(a.trace);
        expect(b.ok ? b.ruleId : b.error.detail).toEqual(a.ok ? a.ruleId : a.error.detail);
      }),
      { numRuns: 200 },
    );
  });
});
