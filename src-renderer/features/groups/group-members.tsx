/**
 * A group's members: the list (Person, Username, Status) with Remove (asked first), and Add
 * members — a search by name, username or email whose results each have an Add button.
 * Everyone's members are shown read-only.
 */
import { useState } from 'react';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { hrefOf } from '../../app/routes.js';
import { isBuiltIn } from '../../state/group-draft.js';
import { personName } from '../../state/person-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { LoadGate } from '../../ui/load-gate.js';
import { PersonStatus } from '../people/person-status.js';
import { AddMembers } from './add-members.js';
import { useGroupMembers } from './use-groups.js';

export function GroupMembers({ group }: { group: GroupDto }) {
  const { items: members, load, retry } = useGroupMembers(group.id);
  const removeGroupMember = useAppStore((s) => s.removeGroupMember);
  const [removing, setRemoving] = useState<UserDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const builtIn = isBuiltIn(group);
  return (
    <section className="card" aria-labelledby="members-title">
      <div className="card__header">
        <h2 id="members-title">Members</h2>
      </div>
      {!builtIn && (
        <AddMembers group={group} members={members} onAdded={(user) => setNotice(`Added ${personName(user)}.`)} />
      )}
      <p role="status" className="notice">
        {notice}
      </p>
      <LoadGate load={load} empty={members.length === 0} what="members" onRetry={retry}>
        {members.length === 0 ? (
          <p className="empty">No members yet — find people above and Add them.</p>
        ) : (
          <table className="table table--compact" aria-label="Members">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Username</th>
                <th scope="col" className="shrink">
                  Status
                </th>
                {!builtIn && (
                  <th scope="col" className="shrink">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.map((user) => (
                <tr key={user.id}>
                  <td>
                    <a href={hrefOf({ page: 'person', id: user.id })}>{personName(user)}</a>
                  </td>
                  <td className="mono">{user.profile.login}</td>
                  <td className="shrink">
                    <PersonStatus status={user.status} />
                  </td>
                  {!builtIn && (
                    <td className="shrink">
                      <Button
                        variant="ghost"
                        aria-label={`Remove ${user.profile.login}`}
                        onClick={() => setRemoving(user)}
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadGate>
      {removing && (
        <ConfirmDialog
          title="Remove member"
          confirmLabel="Remove"
          failureTitle="Could not remove the member."
          onConfirm={() => removeGroupMember(group.id, removing.id)}
          onDone={() => {
            setNotice(`Removed ${personName(removing)}.`);
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
        >
          Remove <strong>{personName(removing)}</strong> ({removing.profile.login}) from {group.profile.name}? They stay
          in the directory.
        </ConfirmDialog>
      )}
    </section>
  );
}
