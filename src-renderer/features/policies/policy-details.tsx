/**
 * The selected policy: its name, status, description and clients, Edit Policy, Activate /
 * Deactivate and Delete Policy, then its rules.
 */
import { useState } from 'react';
import type { LifecycleStatus } from '../../../src-main/contracts/authorization-server.js';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ConfirmDeleteDialog } from '../../ui/confirm-delete-dialog.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useAction } from '../../ui/use-action.js';
import { PolicyDialog } from './policy-dialog.js';
import { RulesSection } from './rules-section.js';
import { useClientWords } from './use-client-words.js';

export interface PolicyDetailsProps {
  serverId: string;
  policy: PolicyDto;
  /** Confirms what was done, in the tab's status line. */
  onNotice: (message: string) => void;
}

export function PolicyDetails({ serverId, policy, onNotice }: PolicyDetailsProps) {
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const deletePolicy = useAppStore((s) => s.deletePolicy);
  const loadPolicies = useAppStore((s) => s.loadPolicies);
  const clientWords = useClientWords();
  const close = () => setDialog(null);
  return (
    <section className="policy-details" aria-labelledby="policy-details-title">
      <header className="policy-details__header">
        <div>
          <h3 id="policy-details-title" className="policy-details__title">
            {policy.name} <StatusBadge status={policy.status} />
          </h3>
          <p className="card__lede">{policy.description}</p>
          <dl className="facts">
            <dt>Assigned to</dt>
            <dd>{clientWords(policy)}</dd>
            <dt>Priority</dt>
            <dd>{policy.priority}</dd>
          </dl>
        </div>
        <div className="row-actions">
          <Button variant="secondary" onClick={() => setDialog('edit')}>
            Edit Policy
          </Button>
          <PolicyStatusButton serverId={serverId} policy={policy} />
          <Button variant="danger" onClick={() => setDialog('delete')}>
            Delete Policy
          </Button>
        </div>
      </header>
      <RulesSection serverId={serverId} policy={policy} onNotice={onNotice} />
      {dialog === 'edit' && <PolicyDialog serverId={serverId} policy={policy} onClose={close} onSaved={onNotice} />}
      {dialog === 'delete' && (
        <ConfirmDeleteDialog
          title="Delete Policy"
          failure="Could not delete the policy."
          onConfirm={async () => {
            const outcome = await deletePolicy(serverId, policy.id);
            if (outcome.ok) onNotice(`Deleted policy ${policy.name}.`);
            return outcome;
          }}
          onClose={() => {
            close();
            // After a refusal too: the server may have answered so because the policy changed elsewhere.
            void loadPolicies(serverId);
          }}
        >
          Delete the access policy <strong>{policy.name}</strong> and its rules? Clients it covers then fall to the next
          policy, or get no tokens.
        </ConfirmDeleteDialog>
      )}
    </section>
  );
}

function PolicyStatusButton({ serverId, policy }: { serverId: string; policy: PolicyDto }) {
  const setPolicyStatus = useAppStore((s) => s.setPolicyStatus);
  const action = useAction((status: LifecycleStatus) => setPolicyStatus(serverId, policy.id, status));
  const active = policy.status === 'ACTIVE';
  return (
    <span className="lifecycle">
      <Button variant="secondary" busy={action.pending} onClick={() => void action.run(active ? 'INACTIVE' : 'ACTIVE')}>
        {active ? 'Deactivate' : 'Activate'}
      </Button>
      {action.error && (
        <span className="inline-error" role="alert">
          {action.error.summary}
        </span>
      )}
    </span>
  );
}
