/** A NumericDate relative to now: "in 59 minutes 12 seconds" or "3 minutes ago". */
import { describeDuration } from '../../../src-main/contracts/durations.js';

export function relativeTime(epochSeconds: number, nowMs: number): string {
  const delta = epochSeconds * 1000 - nowMs;
  return delta >= 0 ? `in ${describeDuration(delta)}` : `${describeDuration(delta)} ago`;
}

/** What the countdown to `exp` says. */
export function expiryCountdown(exp: number, nowMs: number): string {
  const delta = exp * 1000 - nowMs;
  return delta > 0 ? `Expires in ${describeDuration(delta)}` : `Expired ${describeDuration(delta)} ago`;
}
