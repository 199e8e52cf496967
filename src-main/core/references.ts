/**
 * Where access policies and rules name another resource. Deleting a user, group, app or scope that
 * a policy or rule still names is refused with the list of places (so nothing is left dangling).
 */
import { Refused } from './errors.js';
import type { PolicyReference } from './ports/references.js';

export function describeReference(ref: PolicyReference): string {
  const policy = `policy '${ref.policyName}' of authorization server ${ref.serverId}`;
  return ref.ruleName === undefined ? policy : `rule '${ref.ruleName}' in ${policy}`;
}

/** @throws Refused (400 E0000001) naming every policy or rule that still uses the resource. */
export function refuseIfReferenced(what: string, references: PolicyReference[]): void {
  if (!references.length) return;
  throw new Refused(
    'E0000001',
    `Api validation failed: ${what} is still used by ${references.length === 1 ? 'an access policy' : 'access policies'}`,
    references.map((ref) => ({
      field: 'id',
      message: `${what} is used by ${describeReference(ref)}; remove it there first`,
    })),
  );
}
