/**
 * Which expression error the claim dialog shows, and where. The check finds what is wrong with the
 * text itself (syntax, unknown names and functions): its message goes under Value with the span
 * marked. The live preview's evaluation reports those same faults too, so an evaluation error is
 * shown only once the check of the same text found nothing wrong: then it can only have come from
 * running the expression (a run-time error), and each error is shown once.
 */
import type { ExpressionErrorDto } from '../../../src-main/contracts/index.js';
import type { CheckAnswer } from './use-expression-check.js';
import type { ExpressionAnswer } from './use-expression-preview.js';

/** An error with the text its span points into. */
export interface ExpressionFault {
  expression: string;
  error: ExpressionErrorDto;
}

/** The fault the newest check found; null when it found none or the call failed. */
export function checkFaultOf(check: CheckAnswer | null): ExpressionFault | null {
  if (!check?.outcome.ok || check.outcome.check.ok) return null;
  return { expression: check.expression, error: check.outcome.check.error };
}

/** The evaluation's error, when the check of the same text has answered without a fault. */
export function runtimeFaultOf(preview: ExpressionAnswer | null, check: CheckAnswer | null): ExpressionFault | null {
  const outcome = preview?.outcome;
  if (!preview || !outcome?.ok || outcome.preview.ok) return null;
  if (check?.expression !== preview.expression || checkFaultOf(check)) return null;
  return { expression: preview.expression, error: outcome.preview.error };
}
