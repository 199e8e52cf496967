/**
 * Compare's difference of two payloads, claim by claim: added (only in the second), removed (only
 * in the first), changed (in both, different JSON) or same. Rows follow the first token's claim
 * order, then the second's new ones.
 */
export type ClaimChange = 'added' | 'removed' | 'changed' | 'same';

export interface ClaimDiffRow {
  name: string;
  change: ClaimChange;
  left: unknown;
  right: unknown;
}

export function diffClaims(left: Record<string, unknown>, right: Record<string, unknown>): ClaimDiffRow[] {
  const names = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return names.map((name) => {
    const inLeft = Object.hasOwn(left, name);
    const inRight = Object.hasOwn(right, name);
    const change: ClaimChange = !inLeft
      ? 'added'
      : !inRight
        ? 'removed'
        : JSON.stringify(left[name]) === JSON.stringify(right[name])
          ? 'same'
          : 'changed';
    return { name, change, left: left[name], right: right[name] };
  });
}

/** "2 added, 1 removed, 3 changed", or that nothing differs. */
export function diffSummary(rows: ClaimDiffRow[]): string {
  const count = (change: ClaimChange) => rows.filter((r) => r.change === change).length;
  const parts = (['added', 'removed', 'changed'] as const)
    .map((change) => [count(change), change] as const)
    .filter(([n]) => n > 0)
    .map(([n, change]) => `${n} ${change}`);
  return parts.length > 0 ? parts.join(', ') : 'The two tokens carry the same claims.';
}
