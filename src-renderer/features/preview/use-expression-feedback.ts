/**
 * Everything the claim dialog says about the expression in Value: the check's fault (under Value,
 * app or not), the live preview (once an app is chosen) and its run-time error, and the one fault
 * whose span is marked under Value. Nothing shows for blank text.
 */
import { checkFaultOf, runtimeFaultOf } from './expression-faults.js';
import { useExpressionCheck } from './use-expression-check.js';
import { useExpressionPreview } from './use-expression-preview.js';

/** `expression` '' when the claim is not an expression. */
export function useExpressionFeedback(expression: string, defaultScopes: string) {
  const check = useExpressionCheck(expression);
  const live = useExpressionPreview(expression, defaultScopes);
  const typed = expression.trim() !== '';
  const fault = typed ? checkFaultOf(check) : null;
  const runtimeFault = typed ? runtimeFaultOf(live.state.answer, check) : null;
  return { live, fault, runtimeFault, marked: fault ?? runtimeFault };
}
