/** The facts of a person's record the API keeps for them: id, when they were created, activated, last signed in and changed their password. */
import type { UserDto } from '../../../src-main/contracts/user.js';
import { EventTime } from '../events/event-time.js';

const when = (iso: string | null) => (iso === null ? 'Never' : <EventTime iso={iso} withDate />);

export function PersonDetails({ person }: { person: UserDto }) {
  return (
    <section className="card" aria-labelledby="person-details-title">
      <h2 id="person-details-title">Details</h2>
      <dl className="trace-facts">
        <dt>ID</dt>
        <dd className="mono">{person.id}</dd>
        <dt>Created</dt>
        <dd>{when(person.created)}</dd>
        <dt>Activated</dt>
        <dd>{when(person.activated)}</dd>
        <dt>Last sign-in</dt>
        <dd>{when(person.lastLogin)}</dd>
        <dt>Password changed</dt>
        <dd>{when(person.passwordChanged)}</dd>
      </dl>
    </section>
  );
}
