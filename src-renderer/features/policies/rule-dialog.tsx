/**
 * "Add Rule" (Create Rule) and "Edit Rule" (Save) with the Okta console's form: Rule Name; IF
 * Grant type is; AND User is; AND Requested these scopes; THEN the token lifetimes. Ranges are
 * checked as they are typed; the server's causes show under the fields they name, and what was
 * typed stays when a save fails.
 */
import type { RuleDto } from '../../../src-main/contracts/rule.js';
import { emptyRuleDraft, liveRuleProblems, ruleDraftOf } from '../../state/rule-draft.js';
import type { RuleDraft, RuleFieldErrors } from '../../state/rule-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { CheckboxField, TextField } from '../../ui/field.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { useDraftForm } from '../../ui/use-draft-form.js';
import { LifetimeField } from './lifetime-field.js';
import { GrantTypeFields, PeopleFields, ScopeFields } from './rule-condition-fields.js';

export interface RuleDialogProps {
  serverId: string;
  policyId: string;
  /** The rule to edit; absent for Add Rule. */
  rule?: RuleDto;
  onClose: () => void;
  /** Told what was saved, for the tab's confirmation. */
  onSaved: (message: string) => void;
}

export function RuleDialog({ serverId, policyId, rule, onClose, onSaved }: RuleDialogProps) {
  const createRule = useAppStore((s) => s.createRule);
  const saveRule = useAppStore((s) => s.saveRule);
  const form = useDraftForm(rule ? ruleDraftOf(rule) : emptyRuleDraft(), (draft: RuleDraft) =>
    rule ? saveRule(serverId, policyId, rule, draft) : createRule(serverId, policyId, draft),
  );
  const { draft } = form;
  // The server's cause while it stands; otherwise what is wrong as typed.
  const errors: RuleFieldErrors = { ...liveRuleProblems(draft), ...form.fieldErrors };
  return (
    <FormDialog
      title={rule ? 'Edit Rule' : 'Add Rule'}
      wide
      failureTitle="Could not save the rule."
      submitLabel={rule ? 'Save' : 'Create Rule'}
      form={form}
      onSaved={() => {
        onSaved(`${rule ? 'Saved' : 'Created'} rule ${draft.name.trim()}.`);
        onClose();
      }}
      onClose={onClose}
    >
      <TextField
        label="Rule Name"
        value={draft.name}
        error={errors.name}
        required
        autoFocus
        autoComplete="off"
        onChange={(e) => form.change('name', e.target.value)}
      />
      <GrantTypeFields draft={draft} errors={errors} onChange={form.change} />
      <PeopleFields draft={draft} errors={errors} onChange={form.change} />
      <ScopeFields serverId={serverId} draft={draft} errors={errors} onChange={form.change} />
      <LifetimeField
        label="THEN Access token lifetime is"
        value={draft.access}
        error={errors.access}
        hint="Between 5 minutes and 1 day."
        onChange={(value) => form.change('access', value)}
      />
      <fieldset className="fieldset">
        <legend className="field__label">THEN Refresh token lifetime is</legend>
        <CheckboxField
          label="Unlimited"
          checked={draft.refreshUnlimited}
          onChange={(e) => form.change('refreshUnlimited', e.target.checked)}
        />
        {!draft.refreshUnlimited && (
          <LifetimeField
            label="Refresh token lifetime"
            value={draft.refresh}
            error={errors.refresh}
            onChange={(value) => form.change('refresh', value)}
          />
        )}
        {draft.refreshUnlimited && errors.refresh && <p className="field__error">{errors.refresh}</p>}
        <LifetimeField
          label="but will expire if not used every"
          value={draft.window}
          error={errors.window}
          hint="Between 10 minutes and 5 years, and at least the access token lifetime."
          onChange={(value) => form.change('window', value)}
        />
      </fieldset>
    </FormDialog>
  );
}
