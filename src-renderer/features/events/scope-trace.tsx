/** The scopes the client asked for, and which of them the matched rule granted or denied. */
import type { ScopeTraceDto } from '../../api/event-dto.js';

export function ScopeTrace({ scopes }: { scopes: ScopeTraceDto }) {
  return (
    <dl className="trace-facts">
      <ScopeRow label="Requested" names={scopes.requested} />
      <ScopeRow label="Granted" names={scopes.granted} />
      <ScopeRow label="Denied" names={scopes.denied} />
    </dl>
  );
}

function ScopeRow({ label, names }: { label: string; names: string[] }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className="mono">{names.length > 0 ? names.join(' ') : '—'}</dd>
    </>
  );
}
