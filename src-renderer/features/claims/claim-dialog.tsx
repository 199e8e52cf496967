/**
 * "Add Claim" (Create) and "Edit Claim" (Save, a PUT of every field): Okta's fields, the server's
 * causes inline under the fields they name, and for expressions a live check (a broken expression's
 * message and marked span under Value as it is typed) and a live Preview of its value.
 */
import type { ClaimDto } from '../../../src-main/contracts/claim.js';
import { claimDraftOf, claimLeftOutReason, emptyClaimDraft, previewScopesOf } from '../../state/claim-draft.js';
import type { ClaimDraft } from '../../state/claim-draft.js';
import { useAppStore } from '../../state/store-context.js';
import { CheckboxField } from '../../ui/field.js';
import { FormDialog } from '../../ui/form-dialog.js';
import { useDraftForm } from '../../ui/use-draft-form.js';
import { ExpressionMirror } from '../preview/expression-mirror.js';
import { ExpressionPreview } from '../preview/expression-preview.js';
import { useExpressionFeedback } from '../preview/use-expression-feedback.js';
import { ClaimFields } from './claim-fields.js';
import { ScopeConditionFields } from './scope-condition-fields.js';

export interface ClaimDialogProps {
  serverId: string;
  /** The claim to edit; absent for Add Claim. */
  claim?: ClaimDto;
  onClose: () => void;
}

export function ClaimDialog({ serverId, claim, onClose }: ClaimDialogProps) {
  const createClaim = useAppStore((s) => s.createClaim);
  const saveClaim = useAppStore((s) => s.saveClaim);
  const form = useDraftForm(claim ? claimDraftOf(claim) : emptyClaimDraft(), (draft: ClaimDraft) =>
    claim ? saveClaim(serverId, claim.id, draft) : createClaim(serverId, draft),
  );
  const { draft } = form;
  const isExpression = draft.valueType === 'EXPRESSION';
  const feedback = useExpressionFeedback(isExpression ? draft.value : '', previewScopesOf(draft));
  // A refused save names the same fault the check found: one message, the save's while it stands.
  const valueError = form.fieldErrors.value ?? feedback.fault?.error.message;

  return (
    <FormDialog
      title={claim ? 'Edit Claim' : 'Add Claim'}
      wide
      failureTitle="Could not save the claim."
      submitLabel={claim ? 'Save' : 'Create'}
      form={form}
      onSaved={onClose}
      onClose={onClose}
    >
      <ClaimFields
        draft={draft}
        errors={{ ...form.fieldErrors, value: valueError }}
        onChange={form.change}
        valueHint={
          feedback.marked && (
            <ExpressionMirror expression={feedback.marked.expression} span={feedback.marked.error.span} />
          )
        }
      />
      {isExpression && (
        <ExpressionPreview
          model={feedback.live}
          runtimeError={feedback.runtimeFault?.error ?? null}
          leftOutReason={(granted) => claimLeftOutReason(draft, granted)}
        />
      )}
      <CheckboxField
        label="Disable claim"
        checked={draft.disabled}
        error={form.fieldErrors.disabled}
        onChange={(e) => form.change('disabled', e.target.checked)}
      />
      <ScopeConditionFields serverId={serverId} draft={draft} error={form.fieldErrors.scopes} onChange={form.change} />
    </FormDialog>
  );
}
