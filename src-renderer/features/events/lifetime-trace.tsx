/** The token lifetimes the matched rule set (minutes in the trace; a refresh token of 0 means unlimited, as in Okta). */
import type { LifetimesDto } from '../../api/event-dto.js';

export function minutes(value: number): string {
  if (value === 0) return 'Unlimited';
  if (value % 1440 === 0) return `${value / 1440} ${value === 1440 ? 'day' : 'days'}`;
  if (value % 60 === 0) return `${value / 60} ${value === 60 ? 'hour' : 'hours'}`;
  return `${value} ${value === 1 ? 'minute' : 'minutes'}`;
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
