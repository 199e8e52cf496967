/**
 * What `GET /users` can ask (Okta Users API, List users): `q` is a prefix of firstName, lastName or
 * email and skips DEPROVISIONED users; `filter` knows seven attributes and only `eq` (lastUpdated
 * also takes gt/ge/lt/le); `search` knows every profile attribute and the top-level dates, with
 * `co` limited to firstName, lastName, email and login as Okta limits it.
 */
import type { AttributeRule, QuerySchema } from './record-query.js';
import type { UserRecord } from './ports/users.js';

const EQ: AttributeRule = { kind: 'text', operators: ['eq'] };
const DATE_FILTER: AttributeRule = { kind: 'date', operators: ['eq', 'gt', 'ge', 'lt', 'le'] };
const DATE_SEARCH: AttributeRule = { kind: 'date', operators: ['eq', 'gt', 'ge', 'lt', 'le', 'pr'] };
const TEXT_SEARCH: AttributeRule = { kind: 'text', operators: ['eq', 'sw', 'gt', 'ge', 'lt', 'le', 'pr'] };
const TEXT_SEARCH_CO: AttributeRule = { kind: 'text', operators: ['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr'] };

const CONTAINS_ATTRIBUTES = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']);
const DATES = ['created', 'activated', 'statusChanged', 'lastUpdated'] as const;
const HINT = 'profile attributes are written profile.<name>, e.g. profile.login';

/** A user's value at an Okta attribute path (`profile.x`, `status`, `type.id`, dates as ISO strings). */
export function userValue(user: UserRecord, path: string): unknown {
  if (path.startsWith('profile.')) return user.profile[path.slice('profile.'.length)];
  switch (path) {
    case 'id':
      return user.id;
    case 'status':
      return user.status;
    case 'type.id':
      return user.typeId;
    case 'created':
    case 'activated':
    case 'statusChanged':
    case 'lastUpdated':
      return user[path]?.toISOString();
    default:
      return undefined;
  }
}

const isProfilePath = (path: string) => /^profile\.[A-Za-z_][A-Za-z0-9_]*$/.test(path);

/** `search`: any `profile.<name>`, id, status, type.id and the top-level dates. */
export const userSearchSchema: QuerySchema<UserRecord> = {
  hint: HINT,
  attribute(path) {
    if (isProfilePath(path)) return CONTAINS_ATTRIBUTES.has(path) ? TEXT_SEARCH_CO : TEXT_SEARCH;
    if (path === 'id' || path === 'status' || path === 'type.id') return TEXT_SEARCH;
    return (DATES as readonly string[]).includes(path) ? DATE_SEARCH : undefined;
  },
  value: userValue,
};

const FILTER_ATTRIBUTES: Record<string, AttributeRule> = {
  status: EQ,
  id: EQ,
  lastUpdated: DATE_FILTER,
  'profile.login': EQ,
  'profile.email': EQ,
  'profile.firstName': EQ,
  'profile.lastName': EQ,
};

/** `filter`: Okta's seven attributes, `eq` only (lastUpdated also gt/ge/lt/le). */
export const userFilterSchema: QuerySchema<UserRecord> = {
  hint: `filter supports ${Object.keys(FILTER_ATTRIBUTES).join(', ')}; use search for other attributes`,
  attribute: (path) => FILTER_ATTRIBUTES[path],
  value: userValue,
};

/** Okta's `q`: a case-insensitive prefix of firstName, lastName or email; DEPROVISIONED users are left out. */
export function matchesQ(user: UserRecord, q: string): boolean {
  if (user.status === 'DEPROVISIONED') return false;
  const needle = q.toLowerCase();
  return ['firstName', 'lastName', 'email'].some((name) => {
    const value = user.profile[name];
    return typeof value === 'string' && value.toLowerCase().startsWith(needle);
  });
}
