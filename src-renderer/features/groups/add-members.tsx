/** Finds people by the start of their name, username or email, and adds one to the group with its Add button. */
import { useState } from 'react';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { personName } from '../../state/person-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { LoadGate } from '../../ui/load-gate.js';
import { useAction } from '../../ui/use-action.js';

export interface AddMembersProps {
  group: GroupDto;
  members: UserDto[];
  onAdded: (user: UserDto) => void;
}

export function AddMembers({ group, members, onAdded }: AddMembersProps) {
  const [query, setQuery] = useState('');
  const candidates = useAppStore((s) => s.memberCandidates);
  const findMemberCandidates = useAppStore((s) => s.findMemberCandidates);
  const addGroupMember = useAppStore((s) => s.addGroupMember);
  const action = useAction(addGroupMember);
  const memberIds = new Set(members.map((m) => m.id));
  const shown = candidates.query === query && query.trim() !== '';

  const search = (value: string) => {
    setQuery(value);
    void findMemberCandidates(value);
  };

  const add = async (user: UserDto) => {
    if (await action.run(group.id, user.id)) onAdded(user);
  };

  return (
    <div className="add-members">
      <TextField
        label="Add people"
        type="search"
        value={query}
        placeholder="First name, last name, username or email"
        hint="Type the start of a name, username or email, then Add the person you mean."
        onChange={(e) => search(e.target.value)}
      />
      {action.error && (
        <p className="inline-error" role="alert">
          {action.error.summary}
        </p>
      )}
      {shown && (
        <LoadGate
          load={candidates.load}
          empty={candidates.items.length === 0}
          what="people"
          onRetry={() => search(query)}
        >
          {candidates.items.length === 0 ? (
            <p className="empty empty--inline">No one’s name, username or email starts with “{query.trim()}”.</p>
          ) : (
            <ul className="plain-list candidates" aria-label="People found">
              {candidates.items.map((user) => (
                <li key={user.id} className="candidates__item">
                  <span>
                    {personName(user)} <span className="mono table__secondary">{user.profile.login}</span>
                  </span>
                  {memberIds.has(user.id) ? (
                    <span className="table__secondary">Member</span>
                  ) : (
                    <Button
                      aria-label={`Add ${user.profile.login}`}
                      busy={action.pending}
                      onClick={() => void add(user)}
                    >
                      Add
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </LoadGate>
      )}
    </div>
  );
}
