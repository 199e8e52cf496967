/** Earlier runs: flow, app, time and outcome; open one, run it again, or delete it. */
import { FLOW_LABELS } from '../../../src-main/contracts/flow-run.js';
import { hrefOf } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';

export function RunHistory({ onRerun }: { onRerun: (id: string) => void }) {
  const history = useAppStore((s) => s.flowHistory);
  const deleteRun = useAppStore((s) => s.deleteRun);
  return (
    <section className="card" aria-label="History">
      <h2>History</h2>
      {history.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <table className="run-history">
          <thead>
            <tr>
              <th scope="col">Flow</th>
              <th scope="col">App</th>
              <th scope="col">Time</th>
              <th scope="col">Outcome</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((run) => (
              <tr key={run.id}>
                <td>
                  <a href={hrefOf({ page: 'flow-runner', runId: run.id })}>{FLOW_LABELS[run.flow]}</a>
                </td>
                <td>{run.appLabel}</td>
                <td>{new Date(run.created).toLocaleString()}</td>
                <td>{run.status}</td>
                <td className="run-history__actions">
                  <Button onClick={() => onRerun(run.id)} aria-label={`Run again ${run.id}`}>
                    Run again
                  </Button>
                  <Button variant="danger" onClick={() => void deleteRun(run.id)} aria-label={`Delete ${run.id}`}>
                    Delete
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
