/**
 * A group's page: its name and description (Edit, Delete), its members (add by search, remove) and
 * the apps assigned to it. Everyone is built in: shown read-only, as the API refuses changes to it.
 */
import { useState } from 'react';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { hrefOf } from '../../app/routes.js';
import { navigate } from '../../app/use-route.js';
import { isBuiltIn } from '../../state/group-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Loading } from '../../ui/loading.js';
import { GroupApps } from './group-apps.js';
import { GroupFormDialog } from './group-form-dialog.js';
import { GroupMembers } from './group-members.js';
import { GroupType } from './group-type.js';
import { useGroup } from './use-groups.js';

export function GroupPage({ id }: { id: string }) {
  const { group, load, retry } = useGroup(id);
  return (
    <section className="page">
      <a className="back-link" href={hrefOf({ page: 'groups' })}>
        ← Groups
      </a>
      {group ? (
        <GroupView group={group} />
      ) : load.status === 'error' ? (
        <ErrorBanner title="Could not load this group." onRetry={retry}>
          {load.error.summary}
        </ErrorBanner>
      ) : (
        <Loading label="Loading group…" />
      )}
    </section>
  );
}

function GroupView({ group }: { group: GroupDto }) {
  const deleteGroup = useAppStore((s) => s.deleteGroup);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const [saved, setSaved] = useState(false);
  const builtIn = isBuiltIn(group);
  return (
    <>
      <header className="page__header">
        <div>
          <h1>
            {group.profile.name} <GroupType group={group} />
          </h1>
          <p className="page__lede">{group.profile.description}</p>
        </div>
        {!builtIn && (
          <div className="person-actions__buttons">
            <Button
              onClick={() => {
                setSaved(false);
                setDialog('edit');
              }}
            >
              Edit
            </Button>
            <Button variant="danger" onClick={() => setDialog('delete')}>
              Delete
            </Button>
          </div>
        )}
      </header>
      <p role="status" className="notice">
        {saved ? 'Group saved.' : ''}
      </p>
      {builtIn && (
        <p className="note">
          Everyone is built in: every person is a member, and it cannot be renamed, deleted or have its members changed.
        </p>
      )}
      <div className="directory-columns">
        <div className="directory-columns__main">
          <GroupMembers group={group} />
        </div>
        <div className="directory-columns__side">
          <GroupApps groupId={group.id} />
        </div>
      </div>
      {dialog === 'edit' && (
        <GroupFormDialog
          group={group}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setSaved(true);
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          title="Delete Group"
          confirmLabel="Delete"
          failureTitle="Could not delete the group."
          onConfirm={() => deleteGroup(group.id)}
          onDone={() => navigate({ page: 'groups' })}
          onClose={() => setDialog(null)}
        >
          Delete the group <strong>{group.profile.name}</strong>? Its members stay in the directory; they lose what the
          group gave them.
        </ConfirmDialog>
      )}
    </>
  );
}
