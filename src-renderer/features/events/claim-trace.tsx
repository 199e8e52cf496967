/**
 * Each claim considered for a token: which token, where its value came from (and the expression),
 * and the value — or why it was left out. Used by the Event Log and by Token Preview.
 */
import type { ClaimTraceDto } from '../../api/event-dto.js';

export function ClaimTrace({ claims, label = 'Claims' }: { claims: ClaimTraceDto[]; label?: string }) {
  return (
    <table className="table table--compact" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Token</th>
          <th scope="col">Source</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim, index) => (
          // A claim can be traced twice for one token (the thin and the full ID token): the index keeps keys unique.
          <ClaimRow key={`${index}:${claim.token}:${claim.name}`} claim={claim} />
        ))}
      </tbody>
    </table>
  );
}

function ClaimRow({ claim }: { claim: ClaimTraceDto }) {
  return (
    <tr className={claim.omitted ? 'is-omitted' : undefined}>
      <td className="mono">{claim.name}</td>
      <td>
        {claim.token}
        {claim.idToken && ` (${claim.idToken})`}
      </td>
      <td>
        {claim.source}
        {claim.expression && <div className="table__secondary mono">{claim.expression}</div>}
      </td>
      {claim.omitted ? (
        <td>left out: {claim.omitted}</td>
      ) : (
        <td className="mono">{claim.value === undefined ? '—' : JSON.stringify(claim.value)}</td>
      )}
    </tr>
  );
}
