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
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { DataTable } from '../../ui/data-table.js';
import type { TableColumn } from '../../ui/data-table.js';
import { LoadGate } from '../../ui/load-gate.js';
import { PersonStatus } from '../people/person-status.js';
import { AddMembers } from './add-members.js';
import { useGroupMembers } from './use-groups.js';

const COLUMNS: TableColumn<UserDto>[] = [
  { header: 'Person', cell: (user) => <a href={hrefOf({ page: 'person', id: user.id })}>{personName(user)}</a> },
  { header: 'Username', cell: (user) => user.profile.login, className: 'mono' },
  { header: 'Status', cell: (user) => <PersonStatus status={user.status} />, shrink: true },
];

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
        <DataTable
          label="Members"
          className="table--compact"
          rows={members}
          rowKey={(user) => user.id}
          columns={COLUMNS}
          empty={<p className="empty">No members yet — find people above and Add them.</p>}
          actions={
            builtIn
              ? undefined
              : (user) => ({ label: 'Remove', name: `Remove ${user.profile.login}`, onClick: () => setRemoving(user) })
          }
        />
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
