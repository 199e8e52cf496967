/**
 * The access policies in the order they were considered, each with its outcome and reason, and its
 * rules the same way; the matched rule stands out (Okta: first applicable policy, first matching rule).
 */
import type { PolicyTraceDto, RuleTraceDto, TraceOutcome } from '../../api/event-dto.js';

const WORDS: Record<TraceOutcome, string> = {
  matched: 'Matched',
  skipped: 'Skipped',
  'not-evaluated': 'Not evaluated',
};

function TraceOutcomeBadge({ outcome }: { outcome: TraceOutcome }) {
  return <span className={`badge badge--trace-${outcome}`}>{WORDS[outcome]}</span>;
}

export function PolicyTrace({ policies }: { policies: PolicyTraceDto[] }) {
  if (policies.length === 0) return <p className="empty">No access policies were considered.</p>;
  return (
    <ol className="trace-list" aria-label="Access policies">
      {policies.map((policy) => (
        <PolicyItem key={policy.id} policy={policy} />
      ))}
    </ol>
  );
}

function PolicyItem({ policy }: { policy: PolicyTraceDto }) {
  return (
    <li className={`trace-item trace-item--${policy.outcome}`}>
      <div className="trace-item__head">
        <span className="trace-item__name">
          Policy {policy.name} <span className="trace-item__priority">(priority {policy.priority})</span>
        </span>
        <TraceOutcomeBadge outcome={policy.outcome} />
      </div>
      {policy.reason && <p className="trace-item__reason">{policy.reason}</p>}
      {policy.rules.length > 0 && (
        <ol className="trace-list trace-list--rules" aria-label={`Rules of ${policy.name}`}>
          {policy.rules.map((rule) => (
            <RuleItem key={rule.id} rule={rule} />
          ))}
        </ol>
      )}
    </li>
  );
}

function RuleItem({ rule }: { rule: RuleTraceDto }) {
  const matched = rule.outcome === 'matched';
  return (
    <li className={`trace-item trace-item--${rule.outcome}`} aria-current={matched || undefined}>
      <div className="trace-item__head">
        <span className="trace-item__name">
          Rule {rule.name} <span className="trace-item__priority">(priority {rule.priority})</span>
          {matched && <span className="visually-hidden"> — the rule that decided</span>}
        </span>
        <TraceOutcomeBadge outcome={rule.outcome} />
      </div>
      {rule.reason && <p className="trace-item__reason">{rule.reason}</p>}
    </li>
  );
}
