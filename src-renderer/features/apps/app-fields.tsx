/**
 * The settings of an OIDC app, as Okta's Create App Integration and General tab ask for them:
 * App integration name, Grant type (the grants this application type may use), redirect URIs,
 * Client authentication, Require PKCE, Proof of possession (DPoP) and the refresh token behaviour. Service apps have no
 * redirects, no PKCE and no refresh tokens.
 */
import { useId } from 'react';
import type { GrantType } from '../../../src-main/contracts/app.js';
import { AUTH_METHODS_BY_TYPE, grantChoicesOf, IMPLICIT_TOKENS } from '../../state/app-draft.js';
import type { AppDraft, AppFieldErrors } from '../../state/app-draft.js';
import { CheckboxField, FieldNotes, SelectField, TextField, useFieldIds } from '../../ui/field.js';
import { AUTH_METHOD_WORDS, GRANT_WORDS, IMPLICIT_TOKEN_WORDS } from './app-words.js';
import { UriRows } from './uri-rows.js';

export type ChangeApp = <F extends keyof AppDraft>(field: F, value: AppDraft[F]) => void;

export interface AppFieldsProps {
  draft: AppDraft;
  errors: AppFieldErrors;
  onChange: ChangeApp;
  autoFocus?: boolean;
}

export function AppFields({ draft, errors, onChange, autoFocus = false }: AppFieldsProps) {
  const type = draft.applicationType;
  const methods = AUTH_METHODS_BY_TYPE[type];
  return (
    <>
      <TextField
        label="App integration name"
        value={draft.label}
        error={errors.label}
        autoFocus={autoFocus}
        onChange={(e) => onChange('label', e.target.value)}
      />
      <GrantTypeFields draft={draft} error={errors.grantTypes ?? errors.implicitTokens} onChange={onChange} />
      {type !== 'service' && (
        <>
          <UriRows
            legend="Sign-in redirect URIs"
            rows={draft.redirectUris}
            error={errors.redirectUris}
            hint="Where the authorization server sends the user back after signing in; matched exactly."
            onChange={(rows) => onChange('redirectUris', rows)}
          />
          <UriRows
            legend="Sign-out redirect URIs"
            rows={draft.postLogoutRedirectUris}
            error={errors.postLogoutRedirectUris}
            hint="Where the logout endpoint may send the user afterwards (post_logout_redirect_uri)."
            onChange={(rows) => onChange('postLogoutRedirectUris', rows)}
          />
        </>
      )}
      <SelectField
        label="Client authentication"
        value={draft.authMethod}
        error={errors.authMethod}
        disabled={methods.length === 1}
        hint={type === 'browser' ? 'A single-page application is a public client: it keeps no secret.' : undefined}
        options={methods.map((m) => ({ value: m, label: AUTH_METHOD_WORDS[m] }))}
        onChange={(e) => onChange('authMethod', e.target.value as AppDraft['authMethod'])}
      />
      {draft.authMethod === 'private_key_jwt' && (
        <TextField
          label="JWKS URI"
          className="mono"
          value={draft.jwksUri}
          error={errors.jwksUri}
          hint="Where the client publishes the public keys its client assertions are signed with."
          onChange={(e) => onChange('jwksUri', e.target.value)}
        />
      )}
      {type !== 'service' && (
        <CheckboxField
          label="Require PKCE as additional verification"
          checked={draft.authMethod === 'none' || draft.pkceRequired}
          disabled={draft.authMethod === 'none'}
          error={errors.pkceRequired}
          hint={draft.authMethod === 'none' ? 'Public clients always use PKCE.' : undefined}
          onChange={(e) => onChange('pkceRequired', e.target.checked)}
        />
      )}
      <CheckboxField
        label="Require Demonstrating Proof of Possession (DPoP) header in token requests"
        checked={draft.dpopBoundAccessTokens}
        error={errors.dpopBoundAccessTokens}
        hint="Every token request must carry a DPoP proof (RFC 9449); the access tokens are bound to its key."
        onChange={(e) => onChange('dpopBoundAccessTokens', e.target.checked)}
      />
      {draft.grantTypes.includes('refresh_token') && (
        <RefreshTokenFields draft={draft} errors={errors} onChange={onChange} />
      )}
    </>
  );
}

function GrantTypeFields({
  draft,
  error,
  onChange,
}: {
  draft: AppDraft;
  error: string | undefined;
  onChange: ChangeApp;
}) {
  const { allowed, required } = grantChoicesOf(draft.applicationType);
  const { errorId, hintId, describedBy } = useFieldIds(error, undefined);
  const toggle = (grant: GrantType, on: boolean) =>
    onChange(
      'grantTypes',
      on
        ? allowed.filter((g) => g === grant || draft.grantTypes.includes(g))
        : draft.grantTypes.filter((g) => g !== grant),
    );
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">Grant type</legend>
      <div className="choice-row">
        {allowed.map((grant) => (
          <label key={grant} className="check">
            <input
              type="checkbox"
              checked={draft.grantTypes.includes(grant)}
              // Okta greys out the grant a type must keep.
              disabled={required.includes(grant) && draft.grantTypes.includes(grant)}
              onChange={(e) => toggle(grant, e.target.checked)}
            />
            <span>{GRANT_WORDS[grant]}</span>
          </label>
        ))}
      </div>
      {draft.grantTypes.includes('implicit') && (
        <div className="choice-row choice-row--nested" role="group" aria-label="Implicit tokens">
          {IMPLICIT_TOKENS.map((token) => (
            <label key={token} className="check">
              <input
                type="checkbox"
                checked={draft.implicitTokens.includes(token)}
                onChange={(e) =>
                  onChange(
                    'implicitTokens',
                    IMPLICIT_TOKENS.filter((t) => (t === token ? e.target.checked : draft.implicitTokens.includes(t))),
                  )
                }
              />
              <span>{IMPLICIT_TOKEN_WORDS[token]}</span>
            </label>
          ))}
        </div>
      )}
      <FieldNotes error={error} errorId={errorId} hintId={hintId} />
    </fieldset>
  );
}

function RefreshTokenFields({
  draft,
  errors,
  onChange,
}: {
  draft: AppDraft;
  errors: AppFieldErrors;
  onChange: ChangeApp;
}) {
  const name = useId();
  const { errorId, hintId, describedBy } = useFieldIds(errors.rotationType, undefined);
  return (
    <>
      <fieldset className={errors.rotationType ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
        <legend className="field__label">Refresh token behavior</legend>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={draft.rotationType === 'STATIC'}
            onChange={() => onChange('rotationType', 'STATIC')}
          />
          <span>Use persistent token</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={draft.rotationType === 'ROTATE'}
            onChange={() => onChange('rotationType', 'ROTATE')}
          />
          <span>Rotate token after every use</span>
        </label>
        <FieldNotes error={errors.rotationType} errorId={errorId} hintId={hintId} />
      </fieldset>
      {draft.rotationType === 'ROTATE' && (
        <TextField
          label="Grace period for token rotation (seconds)"
          inputMode="numeric"
          value={draft.leeway}
          error={errors.leeway}
          hint="0 to 60: how long the previous refresh token still works after a rotation."
          onChange={(e) => onChange('leeway', e.target.value)}
        />
      )}
    </>
  );
}
