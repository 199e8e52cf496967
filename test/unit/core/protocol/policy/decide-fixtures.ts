/**
 * The world the policy-engine golden tests run in: one authorization server's scopes, a few users
 * and groups, and builders for policies, rules and requests with Okta's defaults.
 */
import { EVERYONE_GROUP_ID } from '../../../../../src-main/contracts/rule.js';
import type { RuleRecord } from '../../../../../src-main/core/ports/policies.js';
import type { EvaluatedPolicy, EvaluationInput } from '../../../../../src-main/core/protocol/policy/decision.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');

export const EVERYONE = EVERYONE_GROUP_ID;
export const ENGINEERING = '00gEngineering';
export const SALES = '00gSales';

export const ALICE = { id: '00ualice', groupIds: [EVERYONE, ENGINEERING] };
export const BOB = { id: '00ubob', groupIds: [EVERYONE, SALES] };
export const CAROL = { id: '00ucarol', groupIds: [EVERYONE] };

export const WEB = '0oaWeb';
export const SERVICE = '0oaService';

/** The system scopes (none default) plus custom ones; orders:read and reports:read are defaults. */
export const SERVER_SCOPES = [
  ...['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'].map((name) => ({
    name,
    isDefault: false,
  })),
  { name: 'orders:read', isDefault: true },
  { name: 'orders:write', isDefault: false },
  { name: 'reports:read', isDefault: true },
];

export const ALL_GRANTS = ['authorization_code', 'implicit', 'password', 'client_credentials', 'refresh_token'];

/** A rule as the rules API stores Okta's default: EVERYONE, every grant, every scope, 60 min / unlimited / 7 days. */
export function rule(id: string, fields: Partial<RuleRecord> = {}): RuleRecord {
  return {
    id,
    policyId: '00pUnset',
    name: `Rule ${id}`,
    status: 'ACTIVE',
    priority: 1,
    system: false,
    userIds: { include: [], exclude: [] },
    groupIds: { include: [EVERYONE], exclude: [] },
    grantTypes: ALL_GRANTS,
    scopes: ['*'],
    accessTokenMinutes: 60,
    refreshTokenMinutes: 0,
    refreshWindowMinutes: 10080,
    inlineHookId: null,
    created: T0,
    lastUpdated: T0,
    ...fields,
  };
}

/** An ACTIVE ALL_CLIENTS policy at priority 1 with the given rules. */
export function policy(id: string, rules: RuleRecord[], fields: Partial<EvaluatedPolicy> = {}): EvaluatedPolicy {
  return {
    id,
    serverId: 'ausTest',
    name: `Policy ${id}`,
    description: 'test policy',
    status: 'ACTIVE',
    priority: 1,
    system: false,
    allClients: true,
    clientIds: [],
    created: T0,
    lastUpdated: T0,
    ...fields,
    rules: rules.map((r) => ({ ...r, policyId: id })),
  };
}

/** Alice asks the web app for `openid orders:read` with a code; override what the case is about. */
export function request(fields: Partial<EvaluationInput>): EvaluationInput {
  return {
    grantType: 'authorization_code',
    clientId: WEB,
    user: ALICE,
    requestedScopes: ['openid', 'orders:read'],
    policies: [policy('00pDefault', [rule('0prDefault')])],
    serverScopes: SERVER_SCOPES,
    ...fields,
  };
}
