/**
 * The claim's own fields in Okta's order and words: Name, Include in token type (and, for ID
 * tokens, Include), Value type (and, for Groups, Filter), Value.
 */
import type { ReactNode } from 'react';
import type { ClaimDraft, ClaimField, ClaimFieldErrors } from '../../state/claim-draft.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';
import { FILTER_OPTIONS, INCLUDE_OPTIONS, TOKEN_TYPE_OPTIONS, VALUE_TYPE_OPTIONS } from './claim-words.js';

export type ChangeClaim = <F extends ClaimField>(field: F, value: ClaimDraft[F]) => void;

export interface ClaimFieldsProps {
  draft: ClaimDraft;
  errors: ClaimFieldErrors;
  onChange: ChangeClaim;
  /** Under the Value field: the live preview's view of the expression. */
  valueHint?: ReactNode;
}

export function ClaimFields({ draft, errors, onChange, valueHint }: ClaimFieldsProps) {
  return (
    <>
      <TextField
        label="Name"
        value={draft.name}
        error={errors.name}
        required
        autoFocus
        autoComplete="off"
        className="mono"
        onChange={(e) => onChange('name', e.target.value)}
      />
      <div className="field-row">
        <SelectField
          label="Include in token type"
          value={draft.claimType}
          error={errors.claimType}
          options={TOKEN_TYPE_OPTIONS}
          onChange={(e) => onChange('claimType', e.target.value as ClaimDraft['claimType'])}
        />
        {draft.claimType === 'IDENTITY' && (
          <SelectField
            label="Include"
            value={String(draft.alwaysIncludeInToken)}
            error={errors.alwaysIncludeInToken}
            options={INCLUDE_OPTIONS}
            onChange={(e) => onChange('alwaysIncludeInToken', e.target.value === 'true')}
          />
        )}
      </div>
      <SelectField
        label="Value type"
        value={draft.valueType}
        error={errors.valueType}
        options={VALUE_TYPE_OPTIONS}
        onChange={(e) => onChange('valueType', e.target.value as ClaimDraft['valueType'])}
      />
      {draft.valueType === 'GROUPS' ? (
        <div className="field-row field-row--filter">
          <SelectField
            label="Filter"
            value={draft.groupFilterType}
            error={errors.groupFilterType}
            options={FILTER_OPTIONS}
            onChange={(e) => onChange('groupFilterType', e.target.value as ClaimDraft['groupFilterType'])}
          />
          <TextField
            label="Value"
            value={draft.value}
            error={errors.value}
            required
            autoComplete="off"
            className="mono"
            hint="Group names to match; a regex is case-sensitive, the other filters are not."
            onChange={(e) => onChange('value', e.target.value)}
          />
        </div>
      ) : (
        <TextAreaField
          label="Value"
          value={draft.value}
          error={errors.value}
          required
          rows={3}
          spellCheck={false}
          className="mono"
          hint={valueHint ?? 'An Okta Expression Language expression, e.g. user.department'}
          onChange={(e) => onChange('value', e.target.value)}
        />
      )}
    </>
  );
}
