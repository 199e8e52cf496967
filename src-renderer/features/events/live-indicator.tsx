/** Whether new events arrive on their own: Live, Connecting…, or Offline (reconnecting shortly). */
import type { StreamState } from '../../state/events-slice.js';

const WORDS: Record<StreamState, string> = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' };

export function LiveIndicator({ state }: { state: StreamState }) {
  return (
    <span className={`live live--${state}`} role="status" aria-label={`Live updates: ${WORDS[state]}`}>
      <span className="live__dot" aria-hidden="true" />
      {WORDS[state]}
    </span>
  );
}
