/** One rule in the rules table: its conditions and lifetimes in Okta's words, and what can be done with it. */
import type { RuleDto } from '../../../src-main/contracts/rule.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useAction } from '../../ui/use-action.js';
import type { useReorder } from '../../ui/use-reorder.js';
import { MoveButtons } from './move-buttons.js';
import { accessWords, grantWords, peopleWords, refreshWords, scopeWords } from './rule-words.js';
import { usePickerPeople } from './use-policies.js';

export interface RuleRowProps {
  serverId: string;
  policyId: string;
  rule: RuleDto;
  first: boolean;
  last: boolean;
  moving: boolean;
  reorder: ReturnType<typeof useReorder>;
  onEdit: (rule: RuleDto) => void;
  onDelete: (rule: RuleDto) => void;
}

export function RuleRow({ serverId, policyId, rule, first, last, moving, reorder, onEdit, onDelete }: RuleRowProps) {
  const nameOf = useNameOf();
  const setRuleStatus = useAppStore((s) => s.setRuleStatus);
  const status = useAction(() =>
    setRuleStatus(serverId, policyId, rule.id, rule.status === 'ACTIVE' ? 'INACTIVE' : 'ACTIVE'),
  );
  return (
    <tr className={rule.status === 'INACTIVE' ? 'is-omitted' : undefined} {...reorder.itemProps(rule)}>
      <td className="nowrap">
        <button
          type="button"
          className="drag-handle"
          aria-label={`Rule ${rule.name}, priority ${rule.priority}: drag, or press Alt+↑ or Alt+↓, to move it`}
          aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          {...reorder.handleProps(rule)}
        >
          <span aria-hidden="true">⠿</span> {rule.priority}
        </button>
        <MoveButtons
          name={rule.name}
          first={first}
          last={last}
          busy={moving}
          onUp={() => reorder.moveUp(rule.id)}
          onDown={() => reorder.moveDown(rule.id)}
        />
      </td>
      <th scope="row">{rule.name}</th>
      <td>{grantWords(rule)}</td>
      <td>{peopleWords(rule, nameOf)}</td>
      <td className="mono">{scopeWords(rule)}</td>
      <td>
        <div>Access: {accessWords(rule)}</div>
        <div className="table__secondary">Refresh: {refreshWords(rule)}</div>
      </td>
      <td>
        <StatusBadge status={rule.status} />
      </td>
      <td className="shrink">
        <div className="row-actions row-actions--stacked">
          <Button variant="secondary" aria-label={`Edit rule ${rule.name}`} onClick={() => onEdit(rule)}>
            Edit
          </Button>
          <Button
            variant="secondary"
            aria-label={`${rule.status === 'ACTIVE' ? 'Deactivate' : 'Activate'} rule ${rule.name}`}
            busy={status.pending}
            onClick={() => void status.run()}
          >
            {rule.status === 'ACTIVE' ? 'Deactivate' : 'Activate'}
          </Button>
          <Button variant="danger" aria-label={`Delete rule ${rule.name}`} onClick={() => onDelete(rule)}>
            Delete
          </Button>
        </div>
        {status.error && (
          <p className="inline-error" role="alert">
            {status.error.summary}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Group and person names by id, for the People column. */
function useNameOf() {
  const { groups, users } = usePickerPeople();
  const names = new Map<string, string>([
    ...groups.map((g): [string, string] => [g.id, g.profile.name]),
    ...users.map((u): [string, string] => [u.id, u.profile.login]),
  ]);
  return (id: string) => names.get(id) ?? id;
}
