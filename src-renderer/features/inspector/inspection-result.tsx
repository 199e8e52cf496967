/**
 * What the inspector found: the fault of a malformed token, or the verdict and checks, the issuing
 * server, a live countdown to `exp`, the decoded header and payload, and the claims table.
 */
import type { TokenInspectionDto } from '../../../src-main/contracts/inspect.js';
import { hrefOf } from '../../app/routes.js';
import { HighlightLegend } from './claim-highlights.js';
import { ClaimsTable } from './claims-table.js';
import { expiryCountdown } from './relative-time.js';
import { TokenChecks } from './token-checks.js';
import { useNow } from './use-now.js';
import { VerdictPanel } from './verdict-panel.js';

const KIND_WORDS = { access_token: 'Access token', id_token: 'ID token', unknown: 'JWT' } as const;

export function InspectionResult({ result }: { result: TokenInspectionDto }) {
  if (!result.ok)
    return (
      <div className="inline-error inspection-fault" role="alert">
        <strong>This is not a readable JWT.</strong> {result.fault.message}
      </div>
    );
  const exp = result.payload['exp'];
  return (
    <section className="card inspection" aria-label="Inspection">
      <div className="card__header">
        <div>
          <h2>{KIND_WORDS[result.kind]}</h2>
          <p className="card__lede">
            {result.server ? (
              <>
                Issued by{' '}
                <a href={hrefOf({ page: 'server', id: result.server.id, tab: 'settings' })}>{result.server.name}</a>{' '}
                <span className="mono">{result.server.issuer}</span>
              </>
            ) : (
              'Not issued by an authorization server of this Authbox'
            )}
          </p>
        </div>
        {typeof exp === 'number' && <Countdown exp={exp} />}
      </div>
      <VerdictPanel verdict={result.verdict} />
      <TokenChecks nonce={result.nonce} hashes={result.hashes} />
      <div className="inspection__parts">
        <section aria-label="Header">
          <h3>Header</h3>
          <pre className="json">{JSON.stringify(result.header, null, 2)}</pre>
        </section>
        <section aria-label="Payload">
          <h3>Payload</h3>
          <pre className="json">{JSON.stringify(result.payload, null, 2)}</pre>
        </section>
      </div>
      <h3>Claims</h3>
      <HighlightLegend />
      <ClaimsTable claims={result.claims} nonce={result.nonce} />
    </section>
  );
}

function Countdown({ exp }: { exp: number }) {
  const now = useNow();
  return (
    <p className="countdown" aria-label="Expiry">
      {expiryCountdown(exp, now)}
    </p>
  );
}
