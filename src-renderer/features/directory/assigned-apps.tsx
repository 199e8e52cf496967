/**
 * The apps a person or a group is assigned, as a card (name linking to the app's page, and status),
 * with what to do when there are none.
 */
import type { AppDto } from '../../../src-main/contracts/app.js';
import { hrefOf } from '../../app/routes.js';
import type { LoadState } from '../../state/load-state.js';
import { LoadGate } from '../../ui/load-gate.js';
import { StatusBadge } from '../../ui/status-badge.js';

export interface AssignedAppsProps {
  /** Whose apps: "this person", "this group". */
  whose: string;
  apps: AppDto[];
  load: LoadState;
  retry: () => void;
  /** The empty state's advice. */
  empty: string;
}

export function AssignedApps({ whose, apps, load, retry, empty }: AssignedAppsProps) {
  return (
    <section className="card" aria-label={`Applications of ${whose}`}>
      <h2>Applications</h2>
      <LoadGate load={load} empty={apps.length === 0} what="applications" onRetry={retry}>
        {apps.length === 0 ? (
          <p className="empty">{empty}</p>
        ) : (
          <ul className="plain-list">
            {apps.map((app) => (
              <li key={app.id}>
                <a href={hrefOf({ page: 'app', id: app.id, tab: 'general' })}>{app.label}</a>{' '}
                <StatusBadge status={app.status} />
              </li>
            ))}
          </ul>
        )}
      </LoadGate>
    </section>
  );
}
