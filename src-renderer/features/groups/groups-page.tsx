/** Directory › Groups: the list (Name, Description, Type) and Add Group. */
import { useState } from 'react';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { hrefOf } from '../../app/routes.js';
import { Button } from '../../ui/button.js';
import { ListTable } from '../../ui/list-table.js';
import type { ListColumn } from '../../ui/list-table.js';
import { DirectoryNav } from '../directory/directory-nav.js';
import { GroupFormDialog } from './group-form-dialog.js';
import { GroupType } from './group-type.js';
import { useGroupList } from './use-groups.js';

const COLUMNS: ListColumn<GroupDto>[] = [
  { header: 'Description', cell: (group) => group.profile.description },
  { header: 'Type', shrink: true, cell: (group) => <GroupType group={group} /> },
];

export function GroupsPage() {
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<GroupDto | null>(null);
  const { load, groups, retry } = useGroupList();
  // Everyone is always there: with only it, there is nothing of the admin's own yet.
  const onlyBuiltIn = groups.every((g) => g.type === 'BUILT_IN');
  return (
    <section className="page" aria-labelledby="groups-title">
      <header className="page__header">
        <div>
          <h1 id="groups-title">Groups</h1>
          <p className="page__lede">Groups gather people, so apps and access policy rules can name them at once.</p>
        </div>
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add Group
        </Button>
      </header>
      <DirectoryNav current="groups" />
      <p role="status" className="notice">
        {added && (
          <>
            Added <a href={hrefOf({ page: 'group', id: added.id })}>{added.profile.name}</a>.
          </>
        )}
      </p>
      <ListTable
        label="Groups"
        what="groups"
        load={load}
        onRetry={retry}
        rows={groups}
        nothingYet
        empty={null}
        name={{ header: 'Name', href: (group) => hrefOf({ page: 'group', id: group.id }), text: (g) => g.profile.name }}
        columns={COLUMNS}
      >
        {onlyBuiltIn && (
          <p className="empty">
            No groups of your own yet —{' '}
            <button type="button" className="link-button" onClick={() => setAdding(true)}>
              Add Group
            </button>{' '}
            to gather people.
          </p>
        )}
      </ListTable>
      {adding && (
        <GroupFormDialog
          onClose={() => setAdding(false)}
          onSaved={(group) => {
            setAdding(false);
            setAdded(group);
          }}
        />
      )}
    </section>
  );
}
