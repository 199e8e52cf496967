/**
 * The Flow Runner (`#/flow-runner`, `#/flow-runner/<runId>`): a new run's parameters, the run on
 * screen step by step, and the history. The engine runs on the server (sandbox API), so what the
 * screen shows is what a headless client of the API gets.
 */
import { useEffect, useState } from 'react';
import type { FlowRunInput } from '../../../src-main/contracts/flow-run.js';
import { hrefOf } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { RunForm } from './run-form.js';
import { RunHistory } from './run-history.js';
import { RunView } from './run-view.js';
import { useRunDriver } from './use-run-driver.js';

export interface FlowRunnerPageProps {
  runId: string | null;
  onOpenToken?: (token: string) => void;
}

export function FlowRunnerPage({ runId, onOpenToken }: FlowRunnerPageProps) {
  const load = useAppStore((s) => s.loadFlowRunner);
  const run = useAppStore((s) => s.currentRun);
  const error = useAppStore((s) => s.runError);
  const openRun = useAppStore((s) => s.openRun);
  const startRun = useAppStore((s) => s.startRun);
  const rerun = useAppStore((s) => s.rerun);
  const [mode, setMode] = useState<'step' | 'end'>('end');
  useRunDriver(run, mode);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (runId && run?.id !== runId) void openRun(runId);
    // Only the address decides which run to open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId]);

  const show = (id: string | undefined) => {
    if (id && id !== runId) window.location.hash = hrefOf({ page: 'flow-runner', runId: id });
  };
  const start = async (input: FlowRunInput, to: 'step' | 'end') => {
    setMode(to);
    show((await startRun(input, to))?.id);
  };
  const again = async (id: string) => {
    setMode('end');
    show((await rerun(id))?.id);
  };

  return (
    <div className="page flow-runner">
      <div className="page__header">
        <h1>Flow Runner</h1>
      </div>
      <p className="page__lede">
        Run a flow against this Authbox step by step: every request as it went over the wire, the tokens, the checks a
        careful client makes, and the decision the server logged.
      </p>
      <RunForm onStart={(input, to) => void start(input, to)} />
      {error && (
        <ErrorBanner title="The runner could not do that:">
          {error.issues.length > 0 ? error.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : error.summary}
        </ErrorBanner>
      )}
      {run && <RunView run={run} onOpenToken={onOpenToken} />}
      <RunHistory onRerun={(id) => void again(id)} />
    </div>
  );
}
