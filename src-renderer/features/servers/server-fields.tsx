/** The fields of an authorization server, in Okta's words, shared by Add Authorization Server and Settings. */
import type { DraftField, FieldErrors, ServerDraft } from '../../state/server-draft.js';
import { SelectField, TextAreaField, TextField } from '../../ui/field.js';

export interface ServerFieldsProps {
  draft: ServerDraft;
  errors: FieldErrors;
  onChange: <F extends DraftField>(field: F, value: ServerDraft[F]) => void;
  /** Issuer and key rotation modes; Okta's Add dialog leaves them at their defaults. */
  withModes?: boolean;
  autoFocus?: boolean;
}

const ISSUER_MODE_OPTIONS = [
  { value: 'ORG_URL', label: 'Org URL (ORG_URL)' },
  { value: 'DYNAMIC', label: 'Dynamic, from the request host (DYNAMIC)' },
];

const ROTATION_MODE_OPTIONS = [
  { value: 'AUTO', label: 'Automatic (AUTO)' },
  { value: 'MANUAL', label: 'Manual (MANUAL)' },
];

export function ServerFields({ draft, errors, onChange, withModes = false, autoFocus = false }: ServerFieldsProps) {
  return (
    <>
      <TextField
        label="Name"
        value={draft.name}
        error={errors.name}
        required
        autoFocus={autoFocus}
        autoComplete="off"
        onChange={(e) => onChange('name', e.target.value)}
      />
      <TextField
        label="Audience"
        value={draft.audience}
        error={errors.audience}
        required
        autoComplete="off"
        placeholder="api://my-api"
        hint="Becomes the aud claim of access tokens."
        onChange={(e) => onChange('audience', e.target.value)}
      />
      <TextAreaField
        label="Description"
        value={draft.description}
        error={errors.description}
        required
        rows={2}
        onChange={(e) => onChange('description', e.target.value)}
      />
      {withModes && (
        <div className="field-row">
          <SelectField
            label="Issuer mode"
            value={draft.issuerMode}
            error={errors.issuerMode}
            options={ISSUER_MODE_OPTIONS}
            onChange={(e) => onChange('issuerMode', e.target.value as ServerDraft['issuerMode'])}
          />
          <SelectField
            label="Rotation mode"
            value={draft.rotationMode}
            error={errors.rotationMode}
            options={ROTATION_MODE_OPTIONS}
            onChange={(e) => onChange('rotationMode', e.target.value as ServerDraft['rotationMode'])}
          />
        </div>
      )}
    </>
  );
}
