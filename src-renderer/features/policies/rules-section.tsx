/**
 * The rules of the selected policy: a table in priority order (priority, name, grant types,
 * people, scopes, lifetimes, status), Add Rule, and per rule Edit, Activate / Deactivate, Delete
 * and reordering (drag a row, Alt+↑ / Alt+↓ on its handle, or Move up / Move down). Okta's note
 * that service apps need a No user rule shows when the policy covers one and no active rule has it.
 */
import { useState } from 'react';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { ALL_CLIENTS } from '../../../src-main/contracts/policy.js';
import type { RuleDto } from '../../../src-main/contracts/rule.js';
import type { ApiError } from '../../api/api-error.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ConfirmDeleteDialog } from '../../ui/confirm-delete-dialog.js';
import { TableHead } from '../../ui/data-table.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadGate } from '../../ui/load-gate.js';
import { useReorder } from '../../ui/use-reorder.js';
import { RuleDialog } from './rule-dialog.js';
import { RuleRow } from './rule-row.js';
import { usePickerApps, useRules } from './use-policies.js';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; rule: RuleDto } | { kind: 'delete'; rule: RuleDto } | null;

export interface RulesSectionProps {
  serverId: string;
  policy: PolicyDto;
  /** Confirms what was done, in the tab's status line. */
  onNotice: (message: string) => void;
}

export function RulesSection({ serverId, policy, onNotice }: RulesSectionProps) {
  const { rules, load, retry } = useRules(serverId, policy.id);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const deleteRule = useAppStore((s) => s.deleteRule);
  const loadRules = useAppStore((s) => s.loadRules);
  const close = () => setDialog(null);
  return (
    <section className="rules" aria-labelledby="rules-title">
      <div className="card__header">
        <h3 id="rules-title">Rules</h3>
        <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
          Add Rule
        </Button>
      </div>
      <ServiceAppNote policy={policy} rules={rules} />
      <LoadGate load={load} empty={rules.length === 0} what="rules" onRetry={retry}>
        {rules.length === 0 ? (
          <p className="empty">No rules yet — Add Rule to say which grants, people and scopes get tokens.</p>
        ) : (
          <RulesTable
            serverId={serverId}
            policyId={policy.id}
            rules={rules}
            onEdit={(rule) => setDialog({ kind: 'edit', rule })}
            onDelete={(rule) => setDialog({ kind: 'delete', rule })}
          />
        )}
      </LoadGate>
      {dialog?.kind === 'add' && (
        <RuleDialog serverId={serverId} policyId={policy.id} onClose={close} onSaved={onNotice} />
      )}
      {dialog?.kind === 'edit' && (
        <RuleDialog
          key={dialog.rule.id}
          serverId={serverId}
          policyId={policy.id}
          rule={dialog.rule}
          onClose={close}
          onSaved={onNotice}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteDialog
          title="Delete Rule"
          failure="Could not delete the rule."
          onConfirm={async () => {
            const outcome = await deleteRule(serverId, policy.id, dialog.rule.id);
            if (outcome.ok) onNotice(`Deleted rule ${dialog.rule.name}.`);
            return outcome;
          }}
          onClose={() => {
            close();
            void loadRules(serverId, policy.id);
          }}
        >
          Delete the rule <strong>{dialog.rule.name}</strong> of {policy.name}? Requests it matched then go to the next
          rule.
        </ConfirmDeleteDialog>
      )}
    </section>
  );
}

interface RulesTableProps {
  serverId: string;
  policyId: string;
  rules: RuleDto[];
  onEdit: (rule: RuleDto) => void;
  onDelete: (rule: RuleDto) => void;
}

const RULE_HEADERS = ['Priority', 'Rule Name', 'Grant types', 'People', 'Scopes', 'Token lifetimes', 'Status'].map(
  (header) => ({ header }),
);

function RulesTable({ serverId, policyId, rules, onEdit, onDelete }: RulesTableProps) {
  const moveRule = useAppStore((s) => s.moveRule);
  const [moveError, setMoveError] = useState<ApiError | null>(null);
  const [moving, setMoving] = useState(false);
  const move = async (ruleId: string, priority: number) => {
    setMoving(true);
    setMoveError(null);
    const outcome = await moveRule(serverId, policyId, ruleId, priority);
    setMoving(false);
    if (!outcome.ok) setMoveError(outcome.error);
  };
  const reorder = useReorder(rules, (id, priority) => void move(id, priority));
  return (
    <>
      {moveError && (
        <ErrorBanner title="Could not move the rule; the order is as it was.">{moveError.summary}</ErrorBanner>
      )}
      <div className="table-scroll">
        <table className="table table--compact rule-table" aria-label="Rules" aria-busy={moving || undefined}>
          <TableHead columns={RULE_HEADERS} actions />
          <tbody>
            {rules.map((rule, index) => (
              <RuleRow
                key={rule.id}
                serverId={serverId}
                policyId={policyId}
                rule={rule}
                first={index === 0}
                last={index === rules.length - 1}
                moving={moving}
                reorder={reorder}
                onEdit={onEdit}
                onDelete={onDelete}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Okta: a service app gets tokens only through a rule with Client Credentials (No user). */
function ServiceAppNote({ policy, rules }: { policy: PolicyDto; rules: RuleDto[] }) {
  const apps = usePickerApps();
  const include = policy.conditions.clients.include;
  const coversService = apps.some(
    (app) =>
      app.settings.oauthClient.application_type === 'service' &&
      (include.includes(ALL_CLIENTS) || include.includes(app.credentials.oauthClient.client_id)),
  );
  const hasNoUserRule = rules.some(
    (r) => r.status === 'ACTIVE' && r.conditions.grantTypes.include.includes('client_credentials'),
  );
  if (!coversService || hasNoUserRule) return null;
  return (
    <p className="note" role="note">
      This policy covers a service application (API Services). Service apps act on their own behalf, so they need an
      active rule with <strong>No user</strong> and the Client Credentials grant type — add one, or they get no tokens.
    </p>
  );
}
