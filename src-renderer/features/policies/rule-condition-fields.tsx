/**
 * The IF / AND parts of the rule form: the grant types, the people (with group and person pickers,
 * and Exclude) and the scopes, each a fieldset with its error under it.
 */
import { useId } from 'react';
import type { RuleDraft, RuleFieldErrors, FormGrant } from '../../state/rule-draft.js';
import { RULE_FORM_GRANTS } from '../../state/rule-draft.js';
import { ChoicePicker } from '../../ui/choice-picker.js';
import { FieldNotes, useFieldIds } from '../../ui/field.js';
import { useServerScopes } from '../claims/use-claims.js';
import { usePickerPeople } from './use-policies.js';

export type ChangeRule = <F extends keyof RuleDraft>(field: F, value: RuleDraft[F]) => void;

interface PartProps {
  draft: RuleDraft;
  errors: RuleFieldErrors;
  onChange: ChangeRule;
}

export function GrantTypeFields({ draft, errors, onChange }: PartProps) {
  const error = errors.grantTypes;
  const hint = 'Refresh Token goes with Authorization Code, Resource Owner Password and Device Authorization.';
  const { errorId, hintId, describedBy } = useFieldIds(error, hint);
  const toggle = (grant: FormGrant, on: boolean) =>
    onChange('grantTypes', on ? [...draft.grantTypes, grant] : draft.grantTypes.filter((g) => g !== grant));
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">IF Grant type is</legend>
      <div className="choices-row">
        {RULE_FORM_GRANTS.map((grant) => (
          <label key={grant.value} className="check">
            <input
              type="checkbox"
              checked={draft.grantTypes.includes(grant.value)}
              disabled={draft.people === 'none' && grant.value !== 'client_credentials'}
              onChange={(e) => toggle(grant.value, e.target.checked)}
            />
            <span>{grant.label}</span>
          </label>
        ))}
      </div>
      <FieldNotes error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </fieldset>
  );
}

export function PeopleFields({ draft, errors, onChange }: PartProps) {
  const name = useId();
  const { groups, users } = usePickerPeople();
  const groupChoices = groups.map((g) => ({ value: g.type === 'BUILT_IN' ? 'EVERYONE' : g.id, label: g.profile.name }));
  const userChoices = users.map((u) => ({
    value: u.id,
    label: [u.profile.firstName, u.profile.lastName].filter(Boolean).join(' ') || u.profile.login,
    detail: u.profile.login,
  }));
  const pick = (people: RuleDraft['people']) => {
    onChange('people', people);
    // No user: only client credentials has no user.
    if (people === 'none') onChange('grantTypes', ['client_credentials']);
  };
  return (
    <fieldset className="fieldset">
      <legend className="field__label">AND User is</legend>
      <label className="check">
        <input type="radio" name={name} checked={draft.people === 'none'} onChange={() => pick('none')} />
        <span>No user (client credentials)</span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={draft.people === 'any'} onChange={() => pick('any')} />
        <span>Any user assigned the app</span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={draft.people === 'some'} onChange={() => pick('some')} />
        <span>Assigned the app and a member of one of the following:</span>
      </label>
      {draft.people === 'some' && (
        <div className="pickers">
          <ChoicePicker
            label="Groups"
            choices={groupChoices.filter((g) => g.value !== 'EVERYONE')}
            chosen={draft.groups}
            onChange={(ids) => onChange('groups', ids)}
            error={errors.groups}
            emptyText="No groups yet — add one under Directory."
          />
          <ChoicePicker
            label="People"
            choices={userChoices}
            chosen={draft.users}
            onChange={(ids) => onChange('users', ids)}
            error={errors.users}
            emptyText="No people yet — add one under Directory."
          />
        </div>
      )}
      {draft.people !== 'none' && (
        <details className="exclude" open={draft.excludeGroups.length + draft.excludeUsers.length > 0}>
          <summary>Exclude</summary>
          <div className="pickers">
            <ChoicePicker
              label="Excluded groups"
              choices={groupChoices.filter((g) => g.value !== 'EVERYONE')}
              chosen={draft.excludeGroups}
              onChange={(ids) => onChange('excludeGroups', ids)}
              error={errors.excludeGroups}
              emptyText="No groups yet."
            />
            <ChoicePicker
              label="Excluded people"
              choices={userChoices}
              chosen={draft.excludeUsers}
              onChange={(ids) => onChange('excludeUsers', ids)}
              error={errors.excludeUsers}
              emptyText="No people yet."
            />
          </div>
        </details>
      )}
    </fieldset>
  );
}

export function ScopeFields({ serverId, draft, errors, onChange }: PartProps & { serverId: string }) {
  const name = useId();
  const { scopes } = useServerScopes(serverId);
  return (
    <fieldset className="fieldset">
      <legend className="field__label">AND Requested these scopes</legend>
      <label className="check">
        <input type="radio" name={name} checked={draft.anyScope} onChange={() => onChange('anyScope', true)} />
        <span>Any scopes</span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={!draft.anyScope} onChange={() => onChange('anyScope', false)} />
        <span>The following scopes:</span>
      </label>
      {!draft.anyScope && (
        <ChoicePicker
          label="Scopes"
          choices={scopes.map((s) => ({ value: s.name, label: s.name }))}
          chosen={draft.scopes}
          onChange={(names) => onChange('scopes', names)}
          error={errors.scopes}
          emptyText="This server has no scopes."
        />
      )}
      {draft.anyScope && errors.scopes && <p className="field__error">{errors.scopes}</p>}
    </fieldset>
  );
}
