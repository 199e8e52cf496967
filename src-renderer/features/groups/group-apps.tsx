/** The apps assigned to a group (Okta's `filter=group.id eq "…"` on the Apps API). */
import { AssignedApps } from '../directory/assigned-apps.js';
import { useGroupApps } from './use-groups.js';

export function GroupApps({ groupId }: { groupId: string }) {
  const { items, load, retry } = useGroupApps(groupId);
  return (
    <AssignedApps
      whose="this group"
      apps={items}
      load={load}
      retry={retry}
      empty="Assigned to no app yet. Assign it from an app’s Assignments tab (Assign to Groups)."
    />
  );
}
