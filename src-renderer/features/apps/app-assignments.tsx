/**
 * The Assignments tab: the people and groups that may use the app (Okta: a user assigned directly,
 * or through a group), Assign to People, Assign to Groups, and Remove (after confirming).
 */
import { useState } from 'react';
import type { AppDto, AppGroupDto, AppUserDto } from '../../../src-main/contracts/app.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { DataTable } from '../../ui/data-table.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadGate } from '../../ui/load-gate.js';
import { Modal } from '../../ui/modal.js';
import { useAction } from '../../ui/use-action.js';
import { AssignDialog } from './assign-dialog.js';
import type { DirectoryKind } from './use-directory-search.js';
import { personName } from './use-directory-search.js';
import { useAppAssignments } from './use-apps.js';

/** What a Remove asks about: one row of either table. */
interface Removal {
  kind: DirectoryKind;
  id: string;
  name: string;
}

export function AppAssignmentsTab({ app }: { app: AppDto }) {
  const { load, users, groups, retry } = useAppAssignments(app.id);
  const groupNames = useAppStore((s) => s.groupNames);
  const [assigning, setAssigning] = useState<DirectoryKind | null>(null);
  const [removing, setRemoving] = useState<Removal | null>(null);
  const nameOfGroup = (id: string) => groupNames[id] ?? id;
  return (
    <div className="settings">
      <div className="row-actions">
        <Button variant="primary" onClick={() => setAssigning('people')}>
          Assign to People
        </Button>
        <Button variant="primary" onClick={() => setAssigning('groups')}>
          Assign to Groups
        </Button>
      </div>
      <LoadGate load={load} empty={users.length === 0 && groups.length === 0} what="assignments" onRetry={retry}>
        <section className="card" aria-labelledby={`people-${app.id}`}>
          <h2 id={`people-${app.id}`}>People</h2>
          <PeopleTable users={users} onRemove={setRemoving} />
        </section>
        <section className="card" aria-labelledby={`groups-${app.id}`}>
          <h2 id={`groups-${app.id}`}>Groups</h2>
          <GroupsTable groups={groups} nameOf={nameOfGroup} onRemove={setRemoving} />
        </section>
      </LoadGate>
      {assigning && (
        <AssignDialog
          app={app}
          kind={assigning}
          assigned={
            assigning === 'people' ? users.filter((u) => u.scope === 'USER').map((u) => u.id) : groups.map((g) => g.id)
          }
          onClose={() => setAssigning(null)}
        />
      )}
      {removing && <RemoveDialog app={app} removal={removing} onClose={() => setRemoving(null)} />}
    </div>
  );
}

const embeddedProfile = (user: AppUserDto) =>
  ((user._embedded?.user?.['profile'] as Record<string, unknown> | undefined) ?? {}) satisfies Record<string, unknown>;

function PeopleTable({ users, onRemove }: { users: AppUserDto[]; onRemove: (removal: Removal) => void }) {
  const nameOf = (user: AppUserDto) => personName(embeddedProfile(user)) || user.credentials.userName;
  return (
    <DataTable
      label="Assigned people"
      empty={<p className="empty">Nobody is assigned yet — Assign to People, or to a group they are in.</p>}
      rows={users}
      rowKey={(user) => user.id}
      columns={[
        { header: 'Person', cell: nameOf },
        { header: 'Username', cell: (user) => user.credentials.userName, className: 'mono' },
        { header: 'Type', cell: (user) => (user.scope === 'USER' ? 'Individual' : 'Group') },
      ]}
      actions={(user) =>
        user.scope === 'USER'
          ? {
              label: 'Remove',
              name: `Remove ${nameOf(user)}`,
              onClick: () => onRemove({ kind: 'people', id: user.id, name: nameOf(user) }),
            }
          : { note: 'Through a group' }
      }
    />
  );
}

function GroupsTable({
  groups,
  nameOf,
  onRemove,
}: {
  groups: AppGroupDto[];
  nameOf: (id: string) => string;
  onRemove: (removal: Removal) => void;
}) {
  return (
    <DataTable
      label="Assigned groups"
      empty={<p className="empty">No group is assigned yet — Assign to Groups.</p>}
      rows={groups}
      rowKey={(group) => group.id}
      columns={[
        { header: 'Group', cell: (group) => nameOf(group.id) },
        { header: 'Priority', cell: (group) => group.priority },
      ]}
      actions={(group) => ({
        label: 'Remove',
        name: `Remove ${nameOf(group.id)}`,
        onClick: () => onRemove({ kind: 'groups', id: group.id, name: nameOf(group.id) }),
      })}
    />
  );
}

function RemoveDialog({ app, removal, onClose }: { app: AppDto; removal: Removal; onClose: () => void }) {
  const unassignUser = useAppStore((s) => s.unassignUserFromApp);
  const unassignGroup = useAppStore((s) => s.unassignGroupFromApp);
  const action = useAction((id: string) => (removal.kind === 'people' ? unassignUser : unassignGroup)(app.id, id));
  const confirm = async () => {
    if (await action.run(removal.id)) onClose();
  };
  return (
    <Modal title="Remove Assignment" onClose={onClose}>
      <div className="form">
        <p>
          Remove <strong>{removal.name}</strong> from {app.label}?{' '}
          {removal.kind === 'groups'
            ? 'Its members lose access unless they are assigned another way.'
            : 'They lose access unless a group of theirs is assigned.'}
        </p>
        {action.error && <ErrorBanner title="Could not remove the assignment.">{action.error.summary}</ErrorBanner>}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose} disabled={action.pending} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={action.pending} onClick={() => void confirm()}>
            Remove
          </Button>
        </div>
      </div>
    </Modal>
  );
}
