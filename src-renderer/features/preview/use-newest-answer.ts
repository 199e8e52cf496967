/**
 * The claim dialog's live answers (the check and the preview) as typing goes on: each call is
 * numbered, and an answer arriving after a later call started is dropped, so a slow reply about
 * old text never replaces a newer one. The newest answer stays on screen while the next is on its way.
 */
import { useCallback, useRef, useState } from 'react';

/** How long typing must pause before a live answer is asked for again. */
export const PREVIEW_DEBOUNCE_MS = 300;

export interface NewestAnswer<T> {
  running: boolean;
  answer: T | null;
}

/** `call` must be stable (useCallback): `run` changes with it. */
export function useNewestAnswer<Arg, T>(call: (arg: Arg) => Promise<T>) {
  const latest = useRef(0);
  const [state, setState] = useState<NewestAnswer<T>>({ running: false, answer: null });
  const run = useCallback(
    async (arg: Arg) => {
      const id = ++latest.current;
      setState((current) => ({ ...current, running: true }));
      const answer = await call(arg);
      if (id === latest.current) setState({ running: false, answer });
    },
    [call],
  );
  return { state, run };
}
