/**
 * The claim dialog's Preview panel: pick an app, a user and scopes, and see what the expression
 * gives — the value as JSON ("Result"), or the run-time error's message. (The dialog marks the
 * error's span under the Value field, where a fault of the text itself is told.)
 */
import type { ExpressionErrorDto } from '../../../src-main/contracts/index.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { scopeList, subjectProblemsOf } from './preview-subject.js';
import { SubjectFields } from './subject-fields.js';
import type { ExpressionPreviewModel } from './use-expression-preview.js';

export interface ExpressionPreviewProps {
  model: ExpressionPreviewModel;
  /** The evaluation's run-time error (see expression-faults.ts); null when none. */
  runtimeError: ExpressionErrorDto | null;
  /** Why a token for the chosen scopes would leave the claim out (its scope condition), or null. */
  leftOutReason?: ((grantedScopes: string[]) => string | null) | undefined;
}

export function ExpressionPreview({ model, runtimeError, leftOutReason }: ExpressionPreviewProps) {
  const { state, subject, change, preview } = model;
  const outcome = state.answer?.outcome;
  const leftOut = outcome?.ok ? (leftOutReason?.(scopeList(subject.scopes)) ?? null) : null;
  const problems = outcome && !outcome.ok ? subjectProblemsOf(outcome.error) : null;
  return (
    <fieldset className="fieldset preview-panel">
      <legend className="field__label">Preview</legend>
      <SubjectFields
        subject={subject}
        errors={problems?.fieldErrors ?? {}}
        onChange={change}
        appLabel="Application"
        onEnter={preview}
      />
      <div className="form__actions form__actions--start">
        <Button variant="secondary" busy={state.running} onClick={preview}>
          Preview
        </Button>
      </div>
      {problems?.formError && <ErrorBanner title="Could not preview.">{problems.formError}</ErrorBanner>}
      {runtimeError && (
        <p className="field__error" role="alert">
          {runtimeError.message}
        </p>
      )}
      {leftOut && (
        <p className="preview-left-out" role="status">
          Left out of the token: {leftOut}
        </p>
      )}
      {outcome?.ok && outcome.preview.ok && !leftOut && (
        <figure className="preview-result">
          <figcaption className="field__label">Result</figcaption>
          <pre className="json">{JSON.stringify(outcome.preview.value, null, 2)}</pre>
        </figure>
      )}
    </fieldset>
  );
}
