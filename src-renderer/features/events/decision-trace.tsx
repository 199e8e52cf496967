/** The decision trace of one request, section by section: policies, scopes, lifetimes, claims. */
import type { DecisionTraceDto } from '../../api/event-dto.js';
import { ClaimTrace } from './claim-trace.js';
import { LifetimeTrace } from './lifetime-trace.js';
import { PolicyTrace } from './policy-trace.js';
import { ScopeTrace } from './scope-trace.js';

export function DecisionTrace({ trace }: { trace: DecisionTraceDto }) {
  return (
    <>
      <h4>Access policies</h4>
      <PolicyTrace policies={trace.policies} />
      {trace.scopes && (
        <>
          <h4>Scopes</h4>
          <ScopeTrace scopes={trace.scopes} />
        </>
      )}
      {trace.lifetimes && (
        <>
          <h4>Lifetimes</h4>
          <LifetimeTrace lifetimes={trace.lifetimes} />
        </>
      )}
      {trace.claims && trace.claims.length > 0 && (
        <>
          <h4>Claims</h4>
          <ClaimTrace claims={trace.claims} />
        </>
      )}
    </>
  );
}
