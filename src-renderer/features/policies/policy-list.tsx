/**
 * The policies in priority order, each a link that selects it, with its status and clients.
 * Reorder by dragging an item, by Alt+↑ / Alt+↓ on its link, or with Move up / Move down; the
 * list shows the move at once and the server's order once it answers (or the old one, and why).
 */
import { useState } from 'react';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { hrefOf } from '../../app/routes.js';
import type { ApiError } from '../../api/api-error.js';
import { useAppStore } from '../../state/store-context.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useReorder } from '../../ui/use-reorder.js';
import { MoveButtons } from './move-buttons.js';
import { useClientWords } from './use-client-words.js';

export interface PolicyListProps {
  serverId: string;
  policies: PolicyDto[];
  selectedId: string | undefined;
}

export function PolicyList({ serverId, policies, selectedId }: PolicyListProps) {
  const movePolicy = useAppStore((s) => s.movePolicy);
  const clientWords = useClientWords();
  const [moveError, setMoveError] = useState<ApiError | null>(null);
  const [moving, setMoving] = useState(false);
  const move = async (policyId: string, priority: number) => {
    setMoving(true);
    setMoveError(null);
    const outcome = await movePolicy(serverId, policyId, priority);
    setMoving(false);
    if (!outcome.ok) setMoveError(outcome.error);
  };
  const reorder = useReorder(policies, (id, priority) => void move(id, priority));
  return (
    <div className="policy-list">
      {moveError && (
        <ErrorBanner title="Could not move the policy; the order is as it was.">{moveError.summary}</ErrorBanner>
      )}
      <ol className="policy-list__items" aria-label="Access policies in priority order" aria-busy={moving || undefined}>
        {policies.map((policy, index) => (
          <li key={policy.id} className="policy-item" {...reorder.itemProps(policy)}>
            <a
              className="policy-item__link"
              href={hrefOf({ page: 'server', id: serverId, tab: 'access-policies', policyId: policy.id })}
              aria-current={policy.id === selectedId ? 'true' : undefined}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              {...reorder.handleProps(policy)}
            >
              <span className="policy-item__priority" aria-label={`Priority ${policy.priority}`}>
                {policy.priority}
              </span>
              <span className="policy-item__name">{policy.name}</span>
              <StatusBadge status={policy.status} />
              <span className="policy-item__clients">{clientWords(policy)}</span>
            </a>
            <MoveButtons
              name={policy.name}
              first={index === 0}
              last={index === policies.length - 1}
              busy={moving}
              onUp={() => reorder.moveUp(policy.id)}
              onDown={() => reorder.moveDown(policy.id)}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
