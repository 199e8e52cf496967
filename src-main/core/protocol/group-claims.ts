/**
 * The value of a GROUPS claim (Okta "Authorization Server Claims" API): the names of the user's groups that match the
 * claim's filter — STARTS_WITH, EQUALS and CONTAINS ignore case, REGEX is case-sensitive and must
 * match the whole name (Java's `matches`, as Okta's `.*` example implies; compiled like the
 * Expression Language's `matches`, so `(?i)` works too). No match gives null (the claim is left
 * out); more than 100 matches fail the request with Okta's too-many-groups text.
 */
import type { GroupFilterType } from '../../contracts/claim.js';
import { compileJavaRegex } from '../expression/functions/regex.js';

export const GROUPS_CLAIM_LIMIT = 100;

export type GroupClaimResult = { ok: true; value: string[] | null } | { ok: false; tooMany: boolean; reason: string };

export function groupClaimValue(
  filter: GroupFilterType,
  pattern: string,
  groups: readonly { name: string }[],
): GroupClaimResult {
  const matches = matcher(filter, pattern);
  if (typeof matches === 'string') return { ok: false, tooMany: false, reason: matches };
  const names = groups.map((g) => g.name).filter(matches);
  if (names.length > GROUPS_CLAIM_LIMIT) {
    return {
      ok: false,
      tooMany: true,
      reason: `${names.length} groups match ${filter} '${pattern}'; at most ${GROUPS_CLAIM_LIMIT} may`,
    };
  }
  return { ok: true, value: names.length ? names : null };
}

/** A name test for the filter, or why the pattern cannot be used. */
function matcher(filter: GroupFilterType, pattern: string): ((name: string) => boolean) | string {
  const wanted = pattern.toLowerCase();
  switch (filter) {
    case 'STARTS_WITH':
      return (name) => name.toLowerCase().startsWith(wanted);
    case 'EQUALS':
      return (name) => name.toLowerCase() === wanted;
    case 'CONTAINS':
      return (name) => name.toLowerCase().includes(wanted);
    case 'REGEX': {
      const regex = compileJavaRegex(pattern);
      return typeof regex === 'string' ? `the REGEX filter does not compile: ${regex}` : (name) => regex.test(name);
    }
  }
}
