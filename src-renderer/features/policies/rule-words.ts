/** A rule's conditions and lifetimes in the words of Okta's rules table. */
import { ANY_SCOPE, EVERYONE } from '../../../src-main/contracts/rule.js';
import type { RuleDto } from '../../../src-main/contracts/rule.js';
import { durationWords } from '../../state/lifetime.js';
import { RULE_FORM_GRANTS } from '../../state/rule-draft.js';

const GRANT_WORDS = new Map<string, string>([
  ...RULE_FORM_GRANTS.map((g): [string, string] => [g.value, g.label]),
  ['refresh_token', 'Refresh Token'],
]);

export const grantWords = (rule: RuleDto): string =>
  rule.conditions.grantTypes.include.map((g) => GRANT_WORDS.get(g) ?? g).join(', ');

export const scopeWords = (rule: RuleDto): string =>
  rule.conditions.scopes.include.includes(ANY_SCOPE) ? 'Any scopes' : rule.conditions.scopes.include.join(', ');

/** "Any user assigned the app", or the groups and people named (minus the excluded ones). */
export function peopleWords(rule: RuleDto, nameOf: (id: string) => string): string {
  const { users, groups } = rule.conditions.people;
  const everyone = groups.include.includes(EVERYONE);
  const included = everyone
    ? ['Any user assigned the app']
    : [...groups.include, ...users.include].map((id) => nameOf(id));
  const excluded = [...groups.exclude, ...users.exclude].map((id) => nameOf(id));
  return excluded.length ? `${included.join(', ')}; except ${excluded.join(', ')}` : included.join(', ');
}

export const accessWords = (rule: RuleDto): string => durationWords(rule.actions.token.accessTokenLifetimeMinutes);

export function refreshWords(rule: RuleDto): string {
  const { refreshTokenLifetimeMinutes: lifetime, refreshTokenWindowMinutes: window } = rule.actions.token;
  const life = lifetime === 0 ? 'Unlimited' : durationWords(lifetime);
  return `${life}, expires if not used every ${durationWords(window)}`;
}
