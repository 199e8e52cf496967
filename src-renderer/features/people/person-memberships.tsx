/** The groups a person belongs to (linked to each) and the apps they are assigned, directly or through a group. */
import { hrefOf } from '../../app/routes.js';
import { LoadGate } from '../../ui/load-gate.js';
import { AssignedApps } from '../directory/assigned-apps.js';
import { usePersonApps, usePersonGroups } from './use-people.js';

export function PersonGroupsCard({ personId }: { personId: string }) {
  const { items: groups, load, retry } = usePersonGroups(personId);
  return (
    <section className="card" aria-labelledby="person-groups-title">
      <h2 id="person-groups-title">Groups</h2>
      <LoadGate load={load} empty={groups.length === 0} what="groups" onRetry={retry}>
        {groups.length === 0 ? (
          <p className="empty">In no group. Add them from a group’s page under Groups.</p>
        ) : (
          <ul className="plain-list" aria-label="Groups of this person">
            {groups.map((group) => (
              <li key={group.id}>
                <a href={hrefOf({ page: 'group', id: group.id })}>{group.profile.name}</a>
              </li>
            ))}
          </ul>
        )}
      </LoadGate>
    </section>
  );
}

export function PersonAppsCard({ personId }: { personId: string }) {
  const { items, load, retry } = usePersonApps(personId);
  return (
    <AssignedApps
      whose="this person"
      apps={items}
      load={load}
      retry={retry}
      empty="Assigned to no app yet. Assign them from an app’s Assignments tab (Assign to People)."
    />
  );
}
