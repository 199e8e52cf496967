/** The server's signing keys (kid, status) and Rotate key: ACTIVE→EXPIRED, NEXT→ACTIVE (Okta "Authorization Servers" API). */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Loading } from '../../ui/loading.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useAction } from '../../ui/use-action.js';
import { useSigningKeys } from './use-servers.js';

export function KeyList({ server, headingId }: { server: AuthorizationServerDto; headingId: string }) {
  const { keys, load, retry } = useSigningKeys(server.id);
  const rotateSigningKey = useAppStore((s) => s.rotateSigningKey);
  const rotate = useAction(rotateSigningKey);
  const { rotationMode, lastRotated, nextRotation } = server.credentials.signing;

  return (
    <>
      <div className="card__header">
        <div>
          <h2 id={headingId}>Signing keys</h2>
          <p className="card__lede">
            {rotationMode === 'AUTO' ? 'Automatic rotation' : 'Manual rotation'}
            {lastRotated && <> · last rotated {formatDate(lastRotated)}</>}
            {nextRotation && <> · next {formatDate(nextRotation)}</>}
          </p>
        </div>
        <Button variant="secondary" busy={rotate.pending} onClick={() => void rotate.run(server.id)}>
          Rotate key
        </Button>
      </div>
      {rotate.error && <ErrorBanner title="Could not rotate the key.">{rotate.error.summary}</ErrorBanner>}
      {load.status === 'error' ? (
        <ErrorBanner title="Could not load the signing keys." onRetry={retry}>
          {load.error.summary}
        </ErrorBanner>
      ) : keys.length === 0 ? (
        load.status === 'ready' ? (
          <p className="empty">No signing keys.</p>
        ) : (
          <Loading label="Loading signing keys…" />
        )
      ) : (
        <table className="table table--compact" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Key ID (kid)</th>
              <th scope="col">Status</th>
              <th scope="col">Algorithm</th>
              <th scope="col">Use</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.kid}>
                <td className="mono">{key.kid}</td>
                <td>
                  <StatusBadge status={key.status} />
                </td>
                <td>{key.alg}</td>
                <td>{key.use}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
