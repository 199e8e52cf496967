/** Each claim considered for a token: which token, where its value came from, the value, or why it was left out. */
import type { ClaimTraceDto } from '../../api/event-dto.js';

export function ClaimTrace({ claims }: { claims: ClaimTraceDto[] }) {
  return (
    <table className="table table--compact" aria-label="Claims">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Token</th>
          <th scope="col">Source</th>
          <th scope="col">Value</th>
          <th scope="col">Omitted</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <ClaimRow key={`${claim.token}:${claim.name}`} claim={claim} />
        ))}
      </tbody>
    </table>
  );
}

function ClaimRow({ claim }: { claim: ClaimTraceDto }) {
  return (
    <tr className={claim.omitted ? 'is-omitted' : undefined}>
      <td className="mono">{claim.name}</td>
      <td>{claim.token}</td>
      <td>
        {claim.source}
        {claim.expression && <div className="table__secondary mono">{claim.expression}</div>}
      </td>
      <td className="mono">{claim.value === undefined ? '—' : JSON.stringify(claim.value)}</td>
      <td>{claim.omitted ?? ''}</td>
    </tr>
  );
}
