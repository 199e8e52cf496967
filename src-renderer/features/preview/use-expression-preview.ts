/**
 * The claim dialog's live preview: the subject the user picks (app, user, scopes), and the value
 * of the expression for it — on request, and again (debounced) whenever the expression or the
 * subject changes once an app is chosen. Only the newest answer is kept, together with the
 * expression it is for (an error span points into that text, not into what is typed now).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExpressionOutcome } from '../../state/preview-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { toPreviewSubject } from './preview-subject.js';
import type { SubjectDraft, SubjectField } from './preview-subject.js';
import { PREVIEW_DEBOUNCE_MS, useNewestAnswer } from './use-newest-answer.js';
import type { NewestAnswer } from './use-newest-answer.js';

export interface ExpressionAnswer {
  expression: string;
  outcome: ExpressionOutcome;
}

export type ExpressionPreviewState = NewestAnswer<ExpressionAnswer>;

/** `expression` '' (or blank) never runs on its own: there is nothing to evaluate. */
export function useExpressionPreview(expression: string, defaultScopes: string) {
  const evaluate = useAppStore((s) => s.evaluateExpression);
  const [chosen, setChosen] = useState<{ userId: string; appId: string; scopes: string | null }>({
    userId: '',
    appId: '',
    scopes: null,
  });
  const call = useCallback(
    async ({ source, draft }: { source: string; draft: SubjectDraft }): Promise<ExpressionAnswer> => ({
      expression: source,
      outcome: await evaluate({ expression: source, ...toPreviewSubject(draft) }),
    }),
    [evaluate],
  );
  const { state, run } = useNewestAnswer(call);
  /** The debounced run waiting to start; a click on Preview runs now instead. */
  const pending = useRef<number | undefined>(undefined);
  // The scopes follow the claim's conditions until the user types others.
  const subject: SubjectDraft = { ...chosen, scopes: chosen.scopes ?? defaultScopes };

  const { userId, appId, scopes } = subject;
  useEffect(() => {
    if (appId === '' || expression.trim() === '') return;
    const timer = window.setTimeout(
      () => void run({ source: expression, draft: { userId, appId, scopes } }),
      PREVIEW_DEBOUNCE_MS,
    );
    pending.current = timer;
    return () => window.clearTimeout(timer);
  }, [run, expression, userId, appId, scopes]);

  return {
    subject,
    state,
    change: (field: SubjectField, value: string) => setChosen((current) => ({ ...current, [field]: value })),
    preview: () => {
      window.clearTimeout(pending.current);
      void run({ source: expression, draft: subject });
    },
  };
}

export type ExpressionPreviewModel = ReturnType<typeof useExpressionPreview>;
