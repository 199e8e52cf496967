/** The decision trace of one request, section by section: policies, scopes, lifetimes, claims. */
import type { DecisionTraceDto } from '../../api/event-dto.js';
import { ClaimTrace } from './claim-trace.js';
import { LifetimeTrace } from './lifetime-trace.js';
import { PolicyTrace } from './policy-trace.js';
import { ScopeTrace } from './scope-trace.js';

export function DecisionTrace({ trace }: { trace: DecisionTraceDto }) {
  return (
    <>
      <h3>Access policies</h3>
      <PolicyTrace policies={trace.policies} />
      {trace.scopes && (
        <>
          <h3>Scopes</h3>
          <ScopeTrace scopes={trace.scopes} />
        </>
      )}
      {trace.lifetimes && (
        <>
          <h3>Lifetimes</h3>
          <LifetimeTrace lifetimes={trace.lifetimes} />
        </>
      )}
      {trace.claims && (
        <>
          <h3>Claims</h3>
          <ClaimTrace claims={trace.claims} />
        </>
      )}
    </>
  );
}
