/**
 * How the server's access policies decided a previewed grant — which policy and rule matched, which
 * were skipped and why, the scopes and the lifetimes — shown with the Event Log's own trace. With
 * Any no policy decides, so nothing is shown.
 */
import { useId } from 'react';
import type { PreviewGrantType } from '../../../src-main/contracts/index.js';
import type { DecisionTraceDto } from '../../api/event-dto.js';
import { DecisionTrace } from '../events/decision-trace.js';
import { GRANT_TYPE_WORDS } from './grant-type-words.js';

export interface PolicyDecisionProps {
  /** The grant type the preview asked for; absent = Any. */
  grantType: PreviewGrantType | undefined;
  /** Absent when the request was refused before the policies (grant type not registered, user not assigned). */
  decision: DecisionTraceDto | undefined;
}

export function PolicyDecision({ grantType, decision }: PolicyDecisionProps) {
  const headingId = useId();
  if (!grantType) return null;
  return (
    <section className="policy-decision" aria-labelledby={headingId}>
      <h3 id={headingId}>Policy decision</h3>
      <p className="token-preview__legend">As for a token request with grant type {GRANT_TYPE_WORDS[grantType]}.</p>
      {decision ? (
        <DecisionTrace trace={decision} />
      ) : (
        <p className="empty">The request was refused before any access policy was evaluated.</p>
      )}
    </section>
  );
}
