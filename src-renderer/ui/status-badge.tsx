/** A coloured word for a lifecycle or key status (ACTIVE, INACTIVE, NEXT, EXPIRED). */
const WORDS: Record<string, string> = { ACTIVE: 'Active', INACTIVE: 'Inactive', NEXT: 'Next', EXPIRED: 'Expired' };

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{WORDS[status] ?? status}</span>;
}
