/** The token lifetimes the matched rule set (minutes in the trace; a refresh token of 0 means unlimited, as in Okta). */
import type { LifetimesDto } from '../../api/event-dto.js';
import { durationWords } from '../../state/lifetime.js';

export function minutes(value: number): string {
  return value === 0 ? 'Unlimited' : durationWords(value);
}

export function LifetimeTrace({ lifetimes }: { lifetimes: LifetimesDto }) {
  return (
    <dl className="trace-facts">
      <dt>Access token</dt>
      <dd>{minutes(lifetimes.accessToken)}</dd>
      <dt>Refresh token</dt>
      <dd>{minutes(lifetimes.refreshToken)}</dd>
      <dt>Refresh window</dt>
      <dd>{minutes(lifetimes.refreshWindow)}</dd>
    </dl>
  );
}
