/**
 * Assign to People / Assign to Groups: search the directory and press Assign beside each one to
 * give it the app (the list underneath updates at once), then Done.
 */
import type { AppDto } from '../../../src-main/contracts/app.js';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextField } from '../../ui/field.js';
import { Loading } from '../../ui/loading.js';
import { Modal } from '../../ui/modal.js';
import { useAction } from '../../ui/use-action.js';
import type { DirectoryKind } from './use-directory-search.js';
import { personName, useDirectorySearch } from './use-directory-search.js';

interface Row {
  id: string;
  name: string;
  detail: string;
}

const rowOfPerson = (user: UserDto): Row => ({
  id: user.id,
  name: personName(user.profile as Record<string, unknown>),
  detail: String(user.profile.login),
});

const rowOfGroup = (group: GroupDto): Row => ({
  id: group.id,
  name: group.profile.name,
  detail: group.profile.description ?? '',
});

export function AssignDialog({
  app,
  kind,
  assigned,
  onClose,
}: {
  app: AppDto;
  kind: DirectoryKind;
  assigned: string[];
  onClose: () => void;
}) {
  const search = useDirectorySearch(kind);
  const assignUser = useAppStore((s) => s.assignUserToApp);
  const assignGroup = useAppStore((s) => s.assignGroupToApp);
  const action = useAction((id: string) => (kind === 'people' ? assignUser : assignGroup)(app.id, id));
  const rows =
    kind === 'people' ? (search.items as UserDto[]).map(rowOfPerson) : (search.items as GroupDto[]).map(rowOfGroup);
  const what = kind === 'people' ? 'people' : 'groups';
  return (
    <Modal title={`Assign ${app.label} to ${kind === 'people' ? 'People' : 'Groups'}`} onClose={onClose} wide>
      <div className="form">
        <TextField
          label={`Search ${what}`}
          type="search"
          autoFocus
          value={search.text}
          hint={kind === 'people' ? 'First name, last name, username or email starts with…' : 'Name starts with…'}
          onChange={(e) => search.setText(e.target.value)}
        />
        {search.error && (
          <ErrorBanner title={`Could not search the ${what}.`} onRetry={search.retry}>
            {search.error.summary}
          </ErrorBanner>
        )}
        {action.error && <ErrorBanner title="Could not assign.">{action.error.summary}</ErrorBanner>}
        {rows.length === 0 ? (
          search.running ? (
            <Loading label={`Searching ${what}…`} />
          ) : (
            <p className="empty">
              {kind === 'people'
                ? 'Nobody matches. Add people under Directory first.'
                : 'No group matches. Add groups under Directory first.'}
            </p>
          )
        ) : (
          <table className="table table--compact" aria-label={`Matching ${what}`}>
            <tbody>
              {rows.map((row) => {
                const done = assigned.includes(row.id);
                return (
                  <tr key={row.id}>
                    <td>
                      <div className="table__primary">{row.name}</div>
                      <div className="table__secondary">{row.detail}</div>
                    </td>
                    <td className="shrink">
                      <Button
                        variant={done ? 'ghost' : 'secondary'}
                        disabled={done || action.pending}
                        aria-label={done ? `${row.name} is assigned` : `Assign ${row.name}`}
                        onClick={() => void action.run(row.id)}
                      >
                        {done ? 'Assigned' : 'Assign'}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="form__actions">
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    </Modal>
  );
}
