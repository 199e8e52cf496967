/**
 * The org authorization server's only claim beyond the scope claims: `groups`, in ID tokens and
 * /userinfo (never in its access tokens) when the `groups` scope is granted (Okta "Customize tokens
 * returned from Okta with a groups claim": for the org server, a groups claim on the app's Sign On
 * tab and the `groups` scope; an ID token only). Authbox does not model the app's groups claim
 * filter: the claim is every group of the user, as the filter `groups` Matches regex `.*` gives,
 * with the same limit of 100 names and Okta's too-many-groups failure (`group-claims.ts`).
 */
import type { GroupRecord } from '../ports/groups.js';
import { ClaimFailed } from './claim-failed.js';
import { groupClaimValue } from './group-claims.js';
import { OKTA_TEXT } from './oauth-errors.js';
import type { ClaimsContext } from './tokens.js';
import type { ClaimTrace } from './trace.js';

export const GROUPS_SCOPE = 'groups';
const SOURCE = 'scope groups (every group of the user)';

/** @throws ClaimFailed when more than 100 groups would be listed */
export function orgGroupsClaim(
  context: ClaimsContext,
  groupsOf: (userId: string) => GroupRecord[],
): { claims: Record<string, unknown>; trace: ClaimTrace[] } {
  const { user, token } = context;
  if (!user || token === 'access_token' || !context.scopes.includes(GROUPS_SCOPE)) return { claims: {}, trace: [] };
  const result = groupClaimValue('REGEX', '.*', groupsOf(user.id));
  const entry: ClaimTrace = { name: 'groups', token, source: SOURCE };
  if (!result.ok) {
    const trace = [{ ...entry, omitted: `failed: ${result.reason}` }];
    throw new ClaimFailed(OKTA_TEXT.tooManyGroups, `the org server's groups claim: ${result.reason}`, trace);
  }
  if (result.value === null) return { claims: {}, trace: [{ ...entry, omitted: 'the user is in no group' }] };
  return { claims: { groups: result.value }, trace: [{ ...entry, value: result.value }] };
}
