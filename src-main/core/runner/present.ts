/** A run as the sandbox API answers it: secrets masked unless revealed, each step's events read back from the event log. */
import type { FlowRunDto, FlowRunSummaryDto, StepEvent } from '../../contracts/flow-run.js';
import type { FlowRunRecord } from '../ports/flow-runs.js';
import type { ProtocolEvent } from '../ports/events.js';
import { maskExchange, maskTokens } from './masking.js';

function stepEvent(id: string, event: ProtocolEvent | undefined): StepEvent {
  if (!event) return { id, endpoint: '', outcome: 'failure', error: null, trace: null, kept: false };
  return { id, endpoint: event.endpoint, outcome: event.outcome, error: event.error, trace: event.trace, kept: true };
}

export function presentRun(
  run: FlowRunRecord,
  reveal: boolean,
  eventOf: (id: string) => ProtocolEvent | undefined,
): FlowRunDto {
  return {
    id: run.id,
    flow: run.flow,
    serverId: run.serverId,
    appId: run.appId,
    clientId: run.clientId,
    appLabel: run.appLabel,
    params: run.params,
    status: run.status,
    error: run.error,
    created: run.created.toISOString(),
    lastUpdated: run.lastUpdated.toISOString(),
    next: run.next,
    authorizeUrl: run.authorizeUrl,
    device: run.device,
    nextPollAt: run.nextPollAt?.toISOString() ?? null,
    steps: run.steps.map(({ eventIds, ...step }) => ({
      ...step,
      exchange: reveal ? step.exchange : maskExchange(step.exchange),
      events: eventIds.map((id) => stepEvent(id, eventOf(id))),
    })),
    tokens: reveal ? run.tokens : maskTokens(run.tokens),
    checks: run.checks,
    revealed: reveal,
  };
}

export function summaryOf(run: FlowRunRecord): FlowRunSummaryDto {
  return {
    id: run.id,
    flow: run.flow,
    serverId: run.serverId,
    appId: run.appId,
    appLabel: run.appLabel,
    status: run.status,
    created: run.created.toISOString(),
  };
}
