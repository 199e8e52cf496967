/** Directory › People: search, the list (Person, Username, Primary email, Status) and Add Person. */
import { useState } from 'react';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { hrefOf } from '../../app/routes.js';
import { personName } from '../../state/person-draft.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { ListTable } from '../../ui/list-table.js';
import type { ListColumn } from '../../ui/list-table.js';
import { DirectoryNav } from '../directory/directory-nav.js';
import { AddPersonDialog } from './add-person-dialog.js';
import { PersonStatus } from './person-status.js';
import { usePeopleList } from './use-people.js';

export function PeoplePage() {
  const [adding, setAdding] = useState(false);
  const [query, setQuery] = useState('');
  const [added, setAdded] = useState<UserDto | null>(null);
  return (
    <section className="page" aria-labelledby="people-title">
      <header className="page__header">
        <div>
          <h1 id="people-title">People</h1>
          <p className="page__lede">The people who can sign in through your apps, with their profiles and status.</p>
        </div>
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add Person
        </Button>
      </header>
      <DirectoryNav current="people" />
      <p role="status" className="notice">
        {added && (
          <>
            Added <a href={hrefOf({ page: 'person', id: added.id })}>{personName(added)}</a>.
          </>
        )}
      </p>
      <div className="search">
        <TextField
          label="Search"
          type="search"
          value={query}
          placeholder="First name, last name, username or email"
          hint="Lists the people whose first name, last name, username or primary email starts with what you type."
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <PeopleList query={query} onAdd={() => setAdding(true)} />
      {adding && (
        <AddPersonDialog
          onClose={() => setAdding(false)}
          onCreated={(user) => {
            setAdding(false);
            setAdded(user);
          }}
        />
      )}
    </section>
  );
}

const COLUMNS: ListColumn<UserDto>[] = [
  { header: 'Username', className: 'mono', cell: (user) => user.profile.login },
  { header: 'Primary email', cell: (user) => user.profile.email },
  { header: 'Status', shrink: true, cell: (user) => <PersonStatus status={user.status} /> },
];

function PeopleList({ query, onAdd }: { query: string; onAdd: () => void }) {
  const { load, people, retry } = usePeopleList(query);
  return (
    <ListTable
      label="People"
      what="people"
      load={load}
      onRetry={retry}
      rows={people}
      nothingYet={query.trim() === ''}
      empty={
        <p className="empty">
          No people yet —{' '}
          <button type="button" className="link-button" onClick={onAdd}>
            Add Person
          </button>{' '}
          to have someone sign in.
        </p>
      }
      noMatch={<p className="empty">No one’s name, username or email starts with “{query.trim()}”.</p>}
      name={{ header: 'Person', href: (user) => hrefOf({ page: 'person', id: user.id }), text: personName }}
      columns={COLUMNS}
    />
  );
}
