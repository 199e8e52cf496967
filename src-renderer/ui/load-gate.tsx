/**
 * The states a loaded list goes through before it can be shown: failed (an ErrorBanner with Retry)
 * or, with nothing to show yet, loading. Otherwise the children (which handle "empty" themselves).
 */
import type { ReactNode } from 'react';
import type { LoadState } from '../state/load-state.js';
import { ErrorBanner } from './error-banner.js';
import { Loading } from './loading.js';

export interface LoadGateProps {
  load: LoadState;
  /** True while nothing is on hand: a reload keeps showing what was loaded before. */
  empty: boolean;
  /** What is loading, as in "Could not load the claims." / "Loading claims…". */
  what: string;
  onRetry: () => void;
  children: ReactNode;
}

export function LoadGate({ load, empty, what, onRetry, children }: LoadGateProps) {
  if (load.status === 'error') {
    return (
      <ErrorBanner title={`Could not load the ${what}.`} onRetry={onRetry}>
        {load.error.summary}
      </ErrorBanner>
    );
  }
  if (load.status !== 'ready' && empty) return <Loading label={`Loading ${what}…`} />;
  return <>{children}</>;
}
