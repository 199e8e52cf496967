/**
 * The `filter` parameter of the scope list (Okta "Authorization Server Scopes" API). Okta documents only "a filter
 * expression"; Authbox accepts its common SCIM-style subset: `<field> eq <value>` terms joined
 * by `and`, e.g. `name eq "orders:read"` or `system eq false and metadataPublish eq "ALL_CLIENTS"`.
 * Anything else is 400 E0000031 "Invalid search criteria.", as Okta answers a filter it cannot read.
 */
import { Refused } from './errors.js';

const STRING_FIELDS = ['name', 'consent', 'metadataPublish'] as const;
const BOOLEAN_FIELDS = ['system', 'default', 'optional'] as const;

export type ScopeFilterTerm =
  { field: (typeof STRING_FIELDS)[number]; value: string } | { field: (typeof BOOLEAN_FIELDS)[number]; value: boolean };

/** Terms that must all hold. */
export type ScopeFilter = ScopeFilterTerm[];

const TERM = /^\s*([A-Za-z]+)\s+eq\s+(?:"((?:[^"\\]|\\.)*)"|(true|false))\s*$/i;

/** @throws Refused E0000031 naming `filter` */
export function parseScopeFilter(filter: string): ScopeFilter {
  const terms = filter.trim() === '' ? [] : filter.split(/\s+and\s+/i);
  return terms.map((text) => {
    const match = TERM.exec(text);
    const field = match?.[1];
    if (match && field && (STRING_FIELDS as readonly string[]).includes(field) && match[2] !== undefined) {
      return {
        field: field as ScopeFilterTerm['field'] & (typeof STRING_FIELDS)[number],
        value: match[2].replace(/\\(.)/g, '$1'),
      };
    }
    if (match && field && (BOOLEAN_FIELDS as readonly string[]).includes(field) && match[3] !== undefined) {
      return { field: field as (typeof BOOLEAN_FIELDS)[number], value: match[3].toLowerCase() === 'true' };
    }
    throw new Refused('E0000031', 'Invalid search criteria.', [
      {
        field: 'filter',
        message: `cannot read '${text.trim()}'; use <field> eq "<text>" (${STRING_FIELDS.join(', ')}) or <field> eq true|false (${BOOLEAN_FIELDS.join(', ')}), joined by and`,
      },
    ]);
  });
}
