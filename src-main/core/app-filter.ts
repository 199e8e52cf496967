/**
 * The `filter` of `GET /apps` (Okta Apps API): `status eq "ACTIVE"`, `user.id eq "…"`, `group.id eq "…"`,
 * `name eq "oidc_client"`, `credentials.signing.kid eq "…"`, joined with `and`. Anything else is
 * Okta's 400 E0000031 "Invalid search criteria." with a cause saying what is supported.
 */
import { Refused } from './errors.js';
import type { AppQuery } from './ports/apps.js';

const TERM = /^\s*([A-Za-z.]+)\s+eq\s+"([^"]*)"\s*$/;
const FIELDS: Record<string, keyof AppQuery | 'name'> = {
  status: 'status',
  'user.id': 'userId',
  'group.id': 'groupId',
  name: 'name',
  'credentials.signing.kid': 'signingKid',
};
const SUPPORTED =
  'status eq "ACTIVE", user.id eq "<id>", group.id eq "<id>", name eq "oidc_client", credentials.signing.kid eq "<kid>", joined with and';

function invalid(message: string): Refused {
  return new Refused('E0000031', 'Invalid search criteria.', [
    { field: 'filter', message: `${message}; supported: ${SUPPORTED}` },
  ]);
}

export interface ParsedAppFilter {
  query: AppQuery;
  /** `name eq` other than oidc_client: Authbox holds only OIDC apps, so nothing matches. */
  matchesNothing: boolean;
}

/** @throws Refused (400 E0000031) for an expression outside the supported subset. */
export function parseAppFilter(filter: string | undefined): ParsedAppFilter {
  const query: AppQuery = {};
  let matchesNothing = false;
  if (filter === undefined || filter.trim() === '') return { query, matchesNothing };
  for (const term of filter.split(/\s+and\s+/i)) {
    const match = TERM.exec(term);
    if (!match) throw invalid(`'${term.trim()}' is not a supported expression`);
    const key = FIELDS[match[1]!];
    if (!key) throw invalid(`'${match[1]}' cannot be filtered on`);
    const value = match[2]!;
    if (key === 'name') matchesNothing ||= value !== 'oidc_client';
    else query[key] = value;
  }
  return { query, matchesNothing };
}
