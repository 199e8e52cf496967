/** An event's outcome as a coloured word: Success or Failure. */
import type { EventOutcome } from '../../api/event-dto.js';

export function OutcomeBadge({ outcome }: { outcome: EventOutcome }) {
  return <span className={`badge badge--${outcome}`}>{outcome === 'success' ? 'Success' : 'Failure'}</span>;
}
