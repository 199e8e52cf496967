/**
 * A run: its status and what comes next, each step's exchange and the server's decision for it
 * (read from the event log), the tokens, the client checks with their reasons, and the follow-ups.
 */
import type { ClientCheck, FlowRunDto, RunStep, StepEvent } from '../../../src-main/contracts/flow-run.js';
import { FLOW_LABELS, FOLLOW_UPS } from '../../../src-main/contracts/flow-run.js';
import { hrefOf } from '../../app/routes.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { DecisionTrace } from '../events/decision-trace.js';
import { ExchangeView } from './exchange-view.js';
import { openSignInWindow } from './sign-in-window.js';

const FOLLOW_UP_LABELS = { userinfo: 'UserInfo', introspect: 'Introspect', revoke: 'Revoke', refresh: 'Refresh' };
const STATUS_LABELS: Record<FlowRunDto['status'], string> = {
  ready: 'Ready for the next step',
  'waiting-callback': 'Waiting for the sign-in window',
  polling: 'Polling the token endpoint',
  finished: 'Finished',
  failed: 'Failed',
};

export interface RunViewProps {
  run: FlowRunDto;
  /** Opens a token in the Token Inspector; the button shows only when the inspector is wired. */
  onOpenToken?: ((token: string) => void) | undefined;
}

export function RunView({ run, onOpenToken }: RunViewProps) {
  const revealed = useAppStore((s) => s.runRevealed);
  const busy = useAppStore((s) => s.runBusy);
  const setRevealed = useAppStore((s) => s.setRunRevealed);
  const advanceRun = useAppStore((s) => s.advanceRun);
  const followUpRun = useAppStore((s) => s.followUpRun);
  const canAdvance = run.status === 'ready' || run.status === 'polling';
  return (
    <section className="card run" aria-label="Run">
      <header className="card__header">
        <h2>
          {FLOW_LABELS[run.flow]} · {run.appLabel}
        </h2>
        <p className="run__status" role="status">
          {STATUS_LABELS[run.status]}
          {run.error ? `: ${run.error}` : ''}
        </p>
      </header>
      {run.next.length > 0 && <p className="muted">Next: {run.next.join(' → ')}</p>}
      <div className="run__actions">
        {canAdvance && (
          <>
            <Button variant="primary" busy={busy} onClick={() => void advanceRun('end')}>
              Continue
            </Button>
            <Button disabled={busy} onClick={() => void advanceRun('step')}>
              Next step
            </Button>
          </>
        )}
        {run.status === 'waiting-callback' && run.authorizeUrl && (
          <Button variant="primary" onClick={() => openSignInWindow(run.authorizeUrl!)}>
            Open sign-in window
          </Button>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={revealed} onChange={(e) => void setRevealed(e.target.checked)} /> Reveal
          secrets and tokens
        </label>
      </div>
      {run.device && <DeviceCode run={run} />}
      <h3>Steps</h3>
      <ol className="run__steps">
        {run.steps.map((step, index) => (
          <StepView key={`${step.name}-${index}`} step={step} index={index} />
        ))}
      </ol>
      <RunDecision run={run} />
      <Tokens run={run} onOpenToken={onOpenToken} />
      {run.checks.length > 0 && <Checks checks={run.checks} />}
      {run.status === 'finished' && (
        <div className="run__followups" role="group" aria-label="Follow-ups">
          <h3>Follow-ups</h3>
          {FOLLOW_UPS.map((kind) => (
            <Button key={kind} disabled={busy} onClick={() => void followUpRun(kind)}>
              {FOLLOW_UP_LABELS[kind]}
            </Button>
          ))}
        </div>
      )}
    </section>
  );
}

function DeviceCode({ run }: { run: FlowRunDto }) {
  const device = run.device!;
  const link = device.verification_uri_complete ?? device.verification_uri;
  return (
    <div className="run__device" aria-label="Device code">
      <p>
        User code: <strong className="mono run__user-code">{device.user_code}</strong>
      </p>
      <p>
        Verification link:{' '}
        <a
          href={link}
          onClick={(event) => {
            event.preventDefault();
            openSignInWindow(link);
          }}
        >
          {link}
        </a>{' '}
        (opens in the sign-in window) · polling every {device.interval} s
      </p>
    </div>
  );
}

function StepView({ step, index }: { step: RunStep; index: number }) {
  return (
    <li className={`run__step ${step.ok ? '' : 'run__step--failed'}`}>
      <details open={!step.ok}>
        <summary aria-label={`Step ${index + 1}: ${step.title}`}>
          <span className="run__step-title">
            {index + 1}. {step.title}
          </span>{' '}
          <span className={step.ok ? 'badge badge--success' : 'badge badge--failure'}>{step.ok ? 'OK' : 'Failed'}</span>{' '}
          <span className="muted">{step.note}</span>
        </summary>
        <ExchangeView exchange={step.exchange} />
        {step.events.map((event) => (
          <EventLink key={event.id} event={event} />
        ))}
      </details>
    </li>
  );
}

function EventLink({ event }: { event: StepEvent }) {
  if (!event.kept) return <p className="muted">Event {event.id} is no longer kept in the event log.</p>;
  return (
    <p>
      Logged as <a href={hrefOf({ page: 'events', id: event.id })}>event {event.id}</a> ({event.endpoint},{' '}
      {event.outcome}
      {event.error ? `, ${event.error}` : ''})
    </p>
  );
}

/** The decisions of the run's requests, newest last: the policies and rules, scopes, lifetimes, claims. */
function RunDecision({ run }: { run: FlowRunDto }) {
  const decided = run.steps.flatMap((step) =>
    step.events.filter((e) => e.trace !== null).map((event) => ({ step, event })),
  );
  if (decided.length === 0) return null;
  return (
    <section className="run__decision" aria-label="Decision">
      <h3>Decision</h3>
      {decided.map(({ step, event }) => {
        const policy = event.trace!.policies.find((p) => p.outcome === 'matched');
        const rule = policy?.rules.find((r) => r.outcome === 'matched');
        return (
          <div key={event.id} className="run__decision-item">
            <h4>
              {step.title}: {policy ? `policy ${policy.name}, rule ${rule?.name ?? '(none)'}` : 'no policy matched'}
            </h4>
            <DecisionTrace trace={event.trace!} />
          </div>
        );
      })}
    </section>
  );
}

function Tokens({ run, onOpenToken }: RunViewProps) {
  const fullToken = useAppStore((s) => s.fullToken);
  const tokens = (['id_token', 'access_token', 'refresh_token'] as const).filter((k) => run.tokens[k]);
  if (tokens.length === 0) return null;
  return (
    <section aria-label="Tokens">
      <h3>Tokens</h3>
      {tokens.map((name) => (
        <div key={name} className="run__token">
          <h4>{name}</h4>
          <pre className="exchange__body" aria-label={name}>
            {run.tokens[name]}
          </pre>
          {onOpenToken && name !== 'refresh_token' && (
            <Button
              onClick={() =>
                void fullToken(name).then((token) => {
                  if (token) onOpenToken(token);
                })
              }
            >
              Open in Token Inspector
            </Button>
          )}
        </div>
      ))}
      {run.tokens.scope && <p>Granted scope: {run.tokens.scope}</p>}
    </section>
  );
}

function Checks({ checks }: { checks: ClientCheck[] }) {
  return (
    <section aria-label="Client checks">
      <h3>Client checks</h3>
      <table className="run__checks">
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Token</th>
            <th scope="col">Result</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check, i) => (
            <tr key={`${check.id}-${check.token ?? ''}-${i}`}>
              <th scope="row">{check.id}</th>
              <td>{check.token ?? ''}</td>
              <td>
                <span className={check.passed ? 'badge badge--success' : 'badge badge--failure'}>
                  {check.passed ? '✓ Passed' : '✗ Failed'}
                </span>
              </td>
              <td>{check.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
