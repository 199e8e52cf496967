/** A group's type in words: the built-in Everyone, or a group the admin made (Okta group). */
import type { GroupDto } from '../../../src-main/contracts/group.js';

const WORDS = { BUILT_IN: 'Built-in', OKTA_GROUP: 'Okta group', APP_GROUP: 'App group' } as const;

export function GroupType({ group }: { group: GroupDto }) {
  return (
    <span className={`badge badge--${group.type === 'BUILT_IN' ? 'next' : 'user-other'}`}>{WORDS[group.type]}</span>
  );
}
