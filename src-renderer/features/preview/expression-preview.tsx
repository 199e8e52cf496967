/**
 * The claim dialog's Preview panel: pick an app, a user and scopes, and see what the expression
 * gives — the value as JSON ("Result"), or the error message. (The dialog marks the error's span
 * under the Value field.)
 */
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { subjectProblemsOf } from './preview-subject.js';
import { SubjectFields } from './subject-fields.js';
import { expressionErrorOf } from './use-expression-preview.js';
import type { ExpressionPreviewModel } from './use-expression-preview.js';

export function ExpressionPreview({ model }: { model: ExpressionPreviewModel }) {
  const { state, subject, change, preview } = model;
  const outcome = state.answer?.outcome;
  const problems = outcome && !outcome.ok ? subjectProblemsOf(outcome.error) : null;
  const expressionError = expressionErrorOf(state);
  return (
    <fieldset className="fieldset preview-panel">
      <legend className="field__label">Preview</legend>
      <SubjectFields subject={subject} errors={problems?.fieldErrors ?? {}} onChange={change} appLabel="Application" onEnter={preview} />
      <div className="form__actions form__actions--start">
        <Button variant="secondary" busy={state.running} onClick={preview}>
          Preview
        </Button>
      </div>
      {problems?.formError && <ErrorBanner title="Could not preview.">{problems.formError}</ErrorBanner>}
      {expressionError && (
        <p className="field__error" role="alert">
          {expressionError.error.message}
        </p>
      )}
      {outcome?.ok && outcome.preview.ok && (
        <figure className="preview-result">
          <figcaption className="field__label">Result</figcaption>
          <pre className="json">{JSON.stringify(outcome.preview.value, null, 2)}</pre>
        </figure>
      )}
    </fieldset>
  );
}
