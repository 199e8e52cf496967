/**
 * The claim dialog's live preview: the subject the user picks (app, user, scopes), and the value
 * of the expression for it — on request, and again (debounced) whenever the expression or the
 * subject changes once an app is chosen. Only the newest answer is kept, together with the
 * expression it is for (an error span points into that text, not into what is typed now).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExpressionErrorDto } from '../../../src-main/contracts/index.js';
import type { ExpressionOutcome } from '../../state/preview-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { toPreviewSubject } from './preview-subject.js';
import type { SubjectDraft, SubjectField } from './preview-subject.js';

/** How long typing must pause before the preview runs again. */
export const PREVIEW_DEBOUNCE_MS = 300;

export interface ExpressionAnswer {
  expression: string;
  outcome: ExpressionOutcome;
}

export interface ExpressionPreviewState {
  running: boolean;
  /** The newest answer; kept on screen while the next one is on its way. */
  answer: ExpressionAnswer | null;
}

/** `expression` '' (or blank) never runs on its own: there is nothing to evaluate. */
export function useExpressionPreview(expression: string, defaultScopes: string) {
  const evaluate = useAppStore((s) => s.evaluateExpression);
  const [chosen, setChosen] = useState<{ userId: string; appId: string; scopes: string | null }>({ userId: '', appId: '', scopes: null });
  const [state, setState] = useState<ExpressionPreviewState>({ running: false, answer: null });
  const latest = useRef(0);
  /** The debounced run waiting to start; a click on Preview runs now instead. */
  const pending = useRef<number | undefined>(undefined);
  // The scopes follow the claim's conditions until the user types others.
  const subject: SubjectDraft = { ...chosen, scopes: chosen.scopes ?? defaultScopes };

  const run = useCallback(
    async (source: string, draft: SubjectDraft) => {
      const id = ++latest.current;
      setState((current) => ({ ...current, running: true }));
      const outcome = await evaluate({ expression: source, ...toPreviewSubject(draft) });
      if (id === latest.current) setState({ running: false, answer: { expression: source, outcome } });
    },
    [evaluate],
  );

  const { userId, appId, scopes } = subject;
  useEffect(() => {
    if (appId === '' || expression.trim() === '') return;
    const timer = window.setTimeout(() => void run(expression, { userId, appId, scopes }), PREVIEW_DEBOUNCE_MS);
    pending.current = timer;
    return () => window.clearTimeout(timer);
  }, [run, expression, userId, appId, scopes]);

  return {
    subject,
    state,
    change: (field: SubjectField, value: string) => setChosen((current) => ({ ...current, [field]: value })),
    preview: () => {
      window.clearTimeout(pending.current);
      void run(expression, subject);
    },
  };
}

export type ExpressionPreviewModel = ReturnType<typeof useExpressionPreview>;

/** The expression error of the newest answer, with the text it points into; null otherwise. */
export function expressionErrorOf(state: ExpressionPreviewState): { expression: string; error: ExpressionErrorDto } | null {
  const outcome = state.answer?.outcome;
  if (!outcome?.ok || outcome.preview.ok) return null;
  return { expression: state.answer!.expression, error: outcome.preview.error };
}
