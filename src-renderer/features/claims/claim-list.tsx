/** The table of a server's claims, in Okta's columns; system claims are read-only. */
import type { ClaimDto } from '../../../src-main/contracts/claim.js';
import { TableHead } from '../../ui/data-table.js';
import { LoadGate } from '../../ui/load-gate.js';
import { ClaimRow } from './claim-row.js';
import { useClaims } from './use-claims.js';

export interface ClaimListProps {
  serverId: string;
  onEdit: (claim: ClaimDto) => void;
  onDelete: (claim: ClaimDto) => void;
}

export function ClaimList({ serverId, onEdit, onDelete }: ClaimListProps) {
  const { claims, load, retry } = useClaims(serverId);
  return (
    <LoadGate load={load} empty={claims.length === 0} what="claims" onRetry={retry}>
      {claims.length === 0 ? (
        <p className="empty">No claims yet. Add one to put your own values in this server’s tokens.</p>
      ) : (
        <ClaimTable claims={claims} onEdit={onEdit} onDelete={onDelete} />
      )}
    </LoadGate>
  );
}

const HEADERS = ['Name', 'Token type', 'Value type', 'Value', 'Scopes', 'Include', 'Status'].map((header) => ({
  header,
}));

function ClaimTable({ claims, onEdit, onDelete }: Omit<ClaimListProps, 'serverId'> & { claims: ClaimDto[] }) {
  return (
    <div className="table-scroll">
      <table className="table table--compact claim-table" aria-label="Claims">
        <TableHead columns={HEADERS} actions />
        <tbody>
          {claims.map((claim) => (
            <ClaimRow key={claim.id} claim={claim} onEdit={onEdit} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
