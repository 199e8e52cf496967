/**
 * The status actions the person's status allows (the lifecycle links the server sends): Activate,
 * Unlock, Unsuspend, Suspend, Expire password, Deactivate, and Delete once deactivated. The ones
 * that take something away ask first.
 */
import { useState } from 'react';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { navigate } from '../../app/use-route.js';
import { actionsOf } from '../../state/people-slice.js';
import type { PersonAction } from '../../state/people-slice.js';
import { personName } from '../../state/person-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { useAction } from '../../ui/use-action.js';

const LABELS: Record<PersonAction, string> = {
  activate: 'Activate',
  unlock: 'Unlock',
  unsuspend: 'Unsuspend',
  suspend: 'Suspend',
  expire_password: 'Expire password',
  deactivate: 'Deactivate',
};

/** What the page says once an action is done. */
const DONE: Record<PersonAction, string> = {
  activate: 'Activated.',
  unlock: 'Unlocked.',
  unsuspend: 'Unsuspended.',
  suspend: 'Suspended.',
  expire_password: 'Password expired.',
  deactivate: 'Deactivated.',
};

/** What each action that needs a confirmation does, said before it is done. */
const CONSEQUENCES: Partial<Record<PersonAction, string>> = {
  suspend: 'cannot sign in until unsuspended; their groups and apps stay.',
  expire_password: 'must get a new password before signing in again.',
  deactivate: 'cannot sign in, and loses nothing else until deleted. Only a deactivated person can be deleted.',
};

type Pending = PersonAction | 'delete' | null;

export function PersonActions({ person }: { person: UserDto }) {
  const runPersonAction = useAppStore((s) => s.runPersonAction);
  const deletePerson = useAppStore((s) => s.deletePerson);
  const action = useAction(runPersonAction);
  const [asking, setAsking] = useState<Pending>(null);
  const [done, setDone] = useState<string | null>(null);
  const { lifecycle, canDelete } = actionsOf(person);
  const name = personName(person);

  const run = async (which: PersonAction) => {
    setDone(null);
    if (await action.run(person.id, which)) setDone(DONE[which]);
  };

  return (
    <div className="lifecycle person-actions">
      <div className="person-actions__buttons">
        {lifecycle.map((which) => (
          <Button
            key={which}
            variant={CONSEQUENCES[which] ? 'danger' : 'primary'}
            busy={action.pending}
            onClick={() => (CONSEQUENCES[which] ? setAsking(which) : void run(which))}
          >
            {LABELS[which]}
          </Button>
        ))}
        {canDelete && (
          <Button variant="danger" onClick={() => setAsking('delete')}>
            Delete
          </Button>
        )}
      </div>
      <p role="status" className="form__saved">
        {done}
      </p>
      {action.error && (
        <p className="inline-error" role="alert">
          {action.error.summary}
        </p>
      )}
      {asking === 'delete' && (
        <ConfirmDialog
          title="Delete person"
          confirmLabel="Delete"
          failureTitle="Could not delete the person."
          onConfirm={() => deletePerson(person.id)}
          onDone={() => navigate({ page: 'people' })}
          onClose={() => setAsking(null)}
        >
          Delete <strong>{name}</strong> ({person.profile.login})? Their profile, group memberships and app assignments
          are removed for good.
        </ConfirmDialog>
      )}
      {asking && asking !== 'delete' && (
        <ConfirmDialog
          title={`${LABELS[asking]} person`}
          confirmLabel={LABELS[asking]}
          failureTitle={`Could not ${LABELS[asking].toLowerCase()}.`}
          onConfirm={() => runPersonAction(person.id, asking)}
          onDone={() => {
            setDone(DONE[asking]);
            setAsking(null);
          }}
          onClose={() => setAsking(null)}
        >
          {LABELS[asking]} <strong>{name}</strong>? They {CONSEQUENCES[asking]}
        </ConfirmDialog>
      )}
    </div>
  );
}
