/** One claim in the table: its fields in Okta's words, and Edit/Delete unless it is a system claim. */
import type { ClaimDto } from '../../../src-main/contracts/claim.js';
import { Button } from '../../ui/button.js';
import { FILTER_WORDS, TOKEN_TYPE_WORDS, VALUE_TYPE_WORDS, includeWord, scopesWord } from './claim-words.js';

export interface ClaimRowProps {
  claim: ClaimDto;
  onEdit: (claim: ClaimDto) => void;
  onDelete: (claim: ClaimDto) => void;
}

export function ClaimRow({ claim, onEdit, onDelete }: ClaimRowProps) {
  const disabled = claim.status === 'INACTIVE';
  return (
    <tr className={disabled ? 'is-omitted' : undefined}>
      <td>
        <span className="mono">{claim.name}</span> {claim.system && <span className="badge">System</span>}
      </td>
      <td>{TOKEN_TYPE_WORDS[claim.claimType]}</td>
      <td>
        {VALUE_TYPE_WORDS[claim.valueType]}
        {claim.group_filter_type && <div className="table__secondary">{FILTER_WORDS[claim.group_filter_type]}</div>}
      </td>
      <td className="mono claim-table__value">{claim.value}</td>
      <td>{scopesWord(claim.conditions.scopes)}</td>
      <td>{includeWord(claim)}</td>
      <td>
        <span className={disabled ? 'badge badge--inactive' : 'badge badge--active'}>
          {disabled ? 'Disabled' : 'Active'}
        </span>
      </td>
      <td className="shrink nowrap">
        {!claim.system && <ClaimActions claim={claim} onEdit={onEdit} onDelete={onDelete} />}
      </td>
    </tr>
  );
}

function ClaimActions({ claim, onEdit, onDelete }: ClaimRowProps) {
  const what = `claim ${claim.name} (${TOKEN_TYPE_WORDS[claim.claimType]} token)`;
  return (
    <div className="row-actions">
      <Button variant="secondary" aria-label={`Edit ${what}`} onClick={() => onEdit(claim)}>
        Edit
      </Button>
      <Button variant="danger" aria-label={`Delete ${what}`} onClick={() => onDelete(claim)}>
        Delete
      </Button>
    </div>
  );
}
