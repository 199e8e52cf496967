/** A person's page: name and status, the status actions, the profile, the password, and their groups and apps. */
import type { UserDto } from '../../../src-main/contracts/user.js';
import { hrefOf } from '../../app/routes.js';
import { personName } from '../../state/person-draft.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Loading } from '../../ui/loading.js';
import { PasswordForm } from './password-form.js';
import { PersonActions } from './person-actions.js';
import { PersonAppsCard, PersonGroupsCard } from './person-memberships.js';
import { PersonDetails } from './person-details.js';
import { PersonStatus } from './person-status.js';
import { ProfileForm } from './profile-form.js';
import { usePerson } from './use-people.js';

export function PersonPage({ id }: { id: string }) {
  const { person, load, retry } = usePerson(id);
  return (
    <section className="page">
      <a className="back-link" href={hrefOf({ page: 'people' })}>
        ← People
      </a>
      {person ? (
        <PersonView person={person} />
      ) : load.status === 'error' ? (
        <ErrorBanner title="Could not load this person." onRetry={retry}>
          {load.error.summary}
        </ErrorBanner>
      ) : (
        <Loading label="Loading person…" />
      )}
    </section>
  );
}

function PersonView({ person }: { person: UserDto }) {
  return (
    <>
      <header className="page__header">
        <div>
          <h1>
            {personName(person)} <PersonStatus status={person.status} />
          </h1>
          <p className="page__lede mono">{person.profile.login}</p>
        </div>
        <PersonActions person={person} />
      </header>
      <div className="directory-columns">
        <div className="directory-columns__main">
          <section className="card" aria-labelledby="profile-title">
            <div className="card__header">
              <h2 id="profile-title">Profile</h2>
            </div>
            <ProfileForm person={person} />
          </section>
          <section className="card" aria-labelledby="password-title">
            <div className="card__header">
              <div>
                <h2 id="password-title">Password</h2>
                <p className="card__lede">
                  {person.credentials.password ? 'A password is set.' : 'No password is set yet.'} Setting one completes
                  a pending activation, a password reset or an expired password.
                </p>
              </div>
            </div>
            <PasswordForm personId={person.id} />
          </section>
        </div>
        <div className="directory-columns__side">
          <PersonDetails person={person} />
          <PersonGroupsCard personId={person.id} />
          <PersonAppsCard personId={person.id} />
        </div>
      </div>
    </>
  );
}
