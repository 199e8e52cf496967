/**
 * `PolicyTraces` (`app/config-snapshot.ts`), the policy engine's kept policies parts: the engine
 * answers the same deeply frozen array for the same `policies` array, client and rule outcomes, and
 * makes a new one for any other; without a cache each evaluation makes its own. The trace is the
 * same either way.
 */
import { describe, expect, it } from 'vitest';
import { PolicyTraces } from '../../../src-main/app/policy-traces.js';
import { evaluatePolicies } from '../../../src-main/core/protocol/policy/decide.js';
import type { EvaluationInput } from '../../../src-main/core/protocol/policy/decision.js';
import { SERVICE, WEB, policy, request, rule } from '../core/protocol/policy/decide-fixtures.js';

/** Two policies for another client ahead of one for every client, whose first rule grants only orders:write. */
const policies = [
  policy('00pOther1', [rule('0prO1')], { allClients: false, clientIds: ['0oaOther'], priority: 1 }),
  policy('00pOther2', [rule('0prO2')], { allClients: false, clientIds: ['0oaOther'], priority: 2 }),
  policy('00pAll', [rule('0prWrite', { scopes: ['orders:write'], priority: 1 }), rule('0prAny', { priority: 2 })], {
    priority: 3,
  }),
];
const input = (fields: Partial<EvaluationInput> = {}) =>
  request({ grantType: 'client_credentials', user: null, requestedScopes: ['orders:read'], policies, ...fields });

function frozenThroughout(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(frozenThroughout);
}

describe('PolicyTraces', () => {
  it('answers the same frozen policies part for the same policies, client and rule outcomes', () => {
    const traces = new PolicyTraces();
    const first = evaluatePolicies(input({ traces }));
    const second = evaluatePolicies(input({ traces }));
    expect(first.ok && second.ok).toBe(true);
    expect(second.trace.policies).toBe(first.trace.policies);
    expect(frozenThroughout(first.trace.policies)).toBe(true);
    // The very trace the engine makes without a cache.
    const uncached = evaluatePolicies(input());
    expect(first.trace).toEqual(uncached.trace);
  });

  it('makes another for another client, other rule outcomes or other policies', () => {
    const traces = new PolicyTraces();
    const first = evaluatePolicies(input({ traces }));
    const otherClient = evaluatePolicies(input({ traces, clientId: SERVICE }));
    expect(otherClient.trace.policies).not.toBe(first.trace.policies);
    expect(otherClient.trace).toEqual(evaluatePolicies(input({ clientId: SERVICE })).trace);
    expect(otherClient.trace.policies[0]!.reason).toBe(`client ${SERVICE} is not in the policy's clients`);

    const otherRules = evaluatePolicies(input({ traces, requestedScopes: ['orders:write'] }));
    expect(otherRules.trace).toEqual(evaluatePolicies(input({ requestedScopes: ['orders:write'] })).trace);
    expect(otherRules.trace.policies[2]!.rules.map((r) => r.outcome)).toEqual(['matched', 'not-evaluated']);
    expect(first.trace.policies[2]!.rules.map((r) => r.outcome)).toEqual(['skipped', 'matched']);

    // The configuration after a write: another policies array (the snapshot's next entry).
    const renamed = policies.map((p, i) => (i === 0 ? { ...p, name: 'Renamed' } : p));
    const after = evaluatePolicies(input({ traces, policies: renamed }));
    expect(after.trace.policies[0]!.name).toBe('Renamed');
    // One part kept per client: the latest (here the one with the other rule outcomes, then this one again).
    const again = evaluatePolicies(input({ traces }));
    expect(again.trace).toEqual(first.trace);
    expect(evaluatePolicies(input({ traces, clientId: WEB })).trace.policies).toBe(again.trace.policies);
  });
});
