/** Runs a user action (save, activate, rotate) and keeps its pending flag and last error for the button. */
import { useState } from 'react';
import type { ApiError } from '../api/api-error.js';
import type { ActionOutcome } from '../state/load-state.js';

export function useAction<Args extends unknown[]>(action: (...args: Args) => Promise<ActionOutcome>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async (...args: Args): Promise<boolean> => {
    setPending(true);
    setError(null);
    try {
      const outcome = await action(...args);
      if (!outcome.ok) setError(outcome.error);
      return outcome.ok;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, clearError: () => setError(null) };
}
