/**
 * What moves a run along between clicks: the sign-in window's callback goes to the run that waits
 * for it (then on to the end when the run was started with Run), and a device run in Run mode polls
 * again when the server's interval has passed.
 */
import { useEffect, useRef } from 'react';
import type { FlowRunDto } from '../../../src-main/contracts/flow-run.js';
import { useAppStore } from '../../state/store-context.js';
import { onSignInCallback, openSignInWindow } from './sign-in-window.js';

export function useRunDriver(run: FlowRunDto | null, mode: 'step' | 'end'): void {
  const deliver = useAppStore((s) => s.deliverRunCallback);
  const advance = useAppStore((s) => s.advanceRun);
  const waiting = run?.status === 'waiting-callback' ? run.id : null;

  useEffect(() => {
    if (!waiting) return undefined;
    return onSignInCallback((payload) => void deliver(waiting, payload, mode));
  }, [waiting, mode, deliver]);

  // The sign-in window opens once per run, when the run first waits for it.
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (run?.status === 'waiting-callback' && run.authorizeUrl && opened.current !== run.id) {
      opened.current = run.id;
      openSignInWindow(run.authorizeUrl);
    }
  }, [run]);

  const pollAt = run?.status === 'polling' && mode === 'end' ? run.nextPollAt : null;
  useEffect(() => {
    if (!pollAt) return undefined;
    const timer = window.setTimeout(() => void advance('end'), Math.max(0, Date.parse(pollAt) - Date.now()) + 50);
    return () => window.clearTimeout(timer);
  }, [pollAt, advance]);
}
