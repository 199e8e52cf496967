/**
 * "Include in": Any scope, or only when one of the chosen scopes is granted (`conditions.scopes`,
 * Okta "Authorization Server Claims" API). The choices are the server's scopes.
 */
import { useId } from 'react';
import { FieldNotes, useFieldIds } from '../../ui/field.js';
import { LoadGate } from '../../ui/load-gate.js';
import type { ClaimDraft } from '../../state/claim-draft.js';
import type { ChangeClaim } from './claim-fields.js';
import { useServerScopes } from './use-claims.js';

export interface ScopeConditionFieldsProps {
  serverId: string;
  draft: Pick<ClaimDraft, 'anyScope' | 'scopes'>;
  error: string | undefined;
  onChange: ChangeClaim;
}

export function ScopeConditionFields({ serverId, draft, error, onChange }: ScopeConditionFieldsProps) {
  const name = useId();
  const { errorId, hintId, describedBy } = useFieldIds(error, undefined);
  return (
    <fieldset className={error ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy}>
      <legend className="field__label">Include in</legend>
      <label className="check">
        <input type="radio" name={name} checked={draft.anyScope} onChange={() => onChange('anyScope', true)} />
        <span>Any scope</span>
      </label>
      <label className="check">
        <input type="radio" name={name} checked={!draft.anyScope} onChange={() => onChange('anyScope', false)} />
        <span>The following scopes</span>
      </label>
      {!draft.anyScope && (
        <ScopeChoices serverId={serverId} chosen={draft.scopes} onChange={(scopes) => onChange('scopes', scopes)} />
      )}
      <FieldNotes error={error} errorId={errorId} hintId={hintId} />
    </fieldset>
  );
}

function ScopeChoices({
  serverId,
  chosen,
  onChange,
}: {
  serverId: string;
  chosen: string[];
  onChange: (scopes: string[]) => void;
}) {
  const { scopes, load, retry } = useServerScopes(serverId);
  // A stored condition may name a scope the list no longer has; keep it visible so it can be unticked.
  const names = [...new Set([...scopes.map((s) => s.name), ...chosen])];
  const toggle = (scope: string, on: boolean) => onChange(on ? [...chosen, scope] : chosen.filter((s) => s !== scope));
  return (
    <LoadGate load={load} empty={scopes.length === 0} what="scopes" onRetry={retry}>
      <div className="scope-choices" role="group" aria-label="Scopes to include the claim in">
        {names.map((scope) => (
          <label key={scope} className="check mono">
            <input type="checkbox" checked={chosen.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
            <span>{scope}</span>
          </label>
        ))}
      </div>
    </LoadGate>
  );
}
