/**
 * The claims of a token: name, value, where the name is registered and what it means, times absolute
 * and relative (ticking), the highlights, and for a custom claim the definition that produced it,
 * linking to its server's Claims tab.
 */
import type { ClaimDefinitionDto, InspectedClaim, NonceCheck } from '../../../src-main/contracts/inspect.js';
import { hrefOf } from '../../app/routes.js';
import { HighlightLabel } from './claim-highlights.js';
import { CATEGORY_WORDS } from './highlight-words.js';
import { relativeTime } from './relative-time.js';
import { useNow } from './use-now.js';

export function ClaimsTable({ claims, nonce }: { claims: InspectedClaim[]; nonce: NonceCheck | null }) {
  const now = useNow();
  return (
    <div className="table-scroll">
      <table className="table claims-table" aria-label="Claims">
        <thead>
          <tr>
            <th scope="col">Claim</th>
            <th scope="col">Value</th>
            <th scope="col">Kind</th>
            <th scope="col">Meaning</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr
              key={claim.name}
              data-claim={claim.name}
              className={claim.highlights[0] ? `claims-table__row--${claim.highlights[0]}` : undefined}
            >
              <th scope="row" className="mono">
                {claim.name}
                <span className="claims-table__labels">
                  {claim.highlights.map((h) => (
                    <HighlightLabel key={h} highlight={h} />
                  ))}
                </span>
              </th>
              <td className="claims-table__value">
                <code className="mono">{JSON.stringify(claim.value)}</code>
                {claim.time && typeof claim.value === 'number' && (
                  <span className="claims-table__time">
                    {claim.time} · {relativeTime(claim.value, now)}
                  </span>
                )}
                {claim.name === 'nonce' && nonce && <NonceNote nonce={nonce} />}
              </td>
              <td>{CATEGORY_WORDS[claim.category]}</td>
              <td>
                {claim.description ?? (claim.category === 'custom' && !claim.definition ? 'Custom claim' : null)}
                {claim.scope && <span className="claims-table__scope"> (scope {claim.scope})</span>}
                {claim.definition && <Definition definition={claim.definition} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NonceNote({ nonce }: { nonce: NonceCheck }) {
  return (
    <span className={nonce.matches ? 'nonce-note nonce-note--match' : 'nonce-note nonce-note--mismatch'}>
      <span aria-hidden="true">{nonce.matches ? '✓' : '✗'}</span>{' '}
      {nonce.matches ? 'matches the nonce that was sent' : `does not match the nonce that was sent (${nonce.sent})`}
    </span>
  );
}

function Definition({ definition }: { definition: ClaimDefinitionDto }) {
  const scopes = definition.conditionScopes.length > 0 ? definition.conditionScopes.join(', ') : 'any scope';
  return (
    <span className="claim-definition">
      Claim <strong>{definition.name}</strong> ({definition.claimType}, {definition.valueType}
      {definition.status === 'INACTIVE' ? ', INACTIVE' : ''}): <code className="mono">{definition.value}</code> ·
      included for {scopes}{' '}
      <a href={hrefOf({ page: 'server', id: definition.serverId, tab: 'claims' })}>
        Open in Claims<span className="visually-hidden"> of server {definition.serverId}</span>
      </a>
    </span>
  );
}
