/**
 * The claim dialog's check of an expression as it is typed (`/expressions/check`: it parses and
 * names only known functions and names, what saving the claim checks), asked again (debounced)
 * whenever the text changes — no app or user needed. Only the newest answer is kept, together with
 * the text it is for (an error span points into that text).
 */
import { useCallback, useEffect } from 'react';
import type { ExpressionCheckOutcome } from '../../state/preview-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { PREVIEW_DEBOUNCE_MS, useNewestAnswer } from './use-newest-answer.js';

export interface CheckAnswer {
  expression: string;
  outcome: ExpressionCheckOutcome;
}

/** `expression` '' (or blank) is not checked: there is nothing to mark. */
export function useExpressionCheck(expression: string): CheckAnswer | null {
  const check = useAppStore((s) => s.checkExpression);
  const call = useCallback(
    async (source: string): Promise<CheckAnswer> => ({ expression: source, outcome: await check(source) }),
    [check],
  );
  const { state, run } = useNewestAnswer(call);
  useEffect(() => {
    if (expression.trim() === '') return;
    const timer = window.setTimeout(() => void run(expression), PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [run, expression]);
  return state.answer;
}
