/** The policy engine's kept traces (`PolicyTraceCache`), for the configuration as the snapshot holds it. */
import type { EvaluatedPolicy, PolicyTraceCache } from '../core/protocol/policy/decision.js';
import type { PolicyTrace, RuleTrace } from '../core/protocol/trace.js';
import { deepFreeze } from './config-snapshot.js';

/** Clients whose traces are kept per `policies` array at most (the one kept longest ago dropped first). */
const TRACES_PER_POLICIES = 256;

interface KeptTrace {
  rules: readonly RuleTrace[];
  policies: PolicyTrace[];
}

/**
 * The policies part of the traces the policy engine made (`PolicyTraceCache`), kept per `policies`
 * array and client: the snapshot's arrays, the same objects until the next write to the
 * configuration, so what is kept for them goes with them. Each kept part is deeply frozen, as the
 * snapshot's answers are, so that the event log may keep what it derived from it (`event-repository.ts`).
 */
export class PolicyTraces implements PolicyTraceCache {
  private readonly kept = new WeakMap<readonly EvaluatedPolicy[], Map<string, KeptTrace>>();

  get(
    policies: readonly EvaluatedPolicy[],
    clientId: string,
    rules: readonly RuleTrace[],
    make: () => PolicyTrace[],
  ): PolicyTrace[] {
    let byClient = this.kept.get(policies);
    if (byClient === undefined) this.kept.set(policies, (byClient = new Map()));
    const kept = byClient.get(clientId);
    if (kept !== undefined && sameRules(kept.rules, rules)) return kept.policies;
    const made = deepFreeze(make());
    if (kept === undefined && byClient.size >= TRACES_PER_POLICIES) byClient.delete(byClient.keys().next().value!);
    byClient.delete(clientId);
    byClient.set(clientId, { rules: deepFreeze([...rules]), policies: made });
    return made;
  }
}

/** Two lists of rule traces with the same rules, outcomes and reasons (a reason left out in both, or the same). */
function sameRules(a: readonly RuleTrace[], b: readonly RuleTrace[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.name !== y.name || x.priority !== y.priority || x.outcome !== y.outcome) return false;
    if (x.reason !== y.reason || 'reason' in x !== 'reason' in y) return false;
  }
  return true;
}
