/**
 * The Scopes tab: the server's scopes in Okta's columns (system scopes marked and read-only), Add
 * Scope, and Edit / Delete of a custom scope. A scope a rule or claim names is refused with the
 * places the server lists.
 */
import { useState } from 'react';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import type { ScopeDto } from '../../../src-main/contracts/scope.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ConfirmDeleteDialog } from '../../ui/confirm-delete-dialog.js';
import { DataTable } from '../../ui/data-table.js';
import type { TableColumn } from '../../ui/data-table.js';
import { LoadGate } from '../../ui/load-gate.js';
import { useRefreshOnFocus } from '../../ui/use-refresh-on-focus.js';
import { Notice } from '../../ui/notice.js';
import { useServerScopes } from '../claims/use-claims.js';
import { ScopeDialog } from './scope-dialog.js';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; scope: ScopeDto } | { kind: 'delete'; scope: ScopeDto } | null;

export function ScopesTab({ server }: { server: AuthorizationServerDto }) {
  const { scopes, load, retry } = useServerScopes(server.id);
  const deleteScope = useAppStore((s) => s.deleteScope);
  const loadScopes = useAppStore((s) => s.loadScopes);
  useRefreshOnFocus(() => void loadScopes(server.id));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setDialog(null);
  return (
    <section className="card" aria-labelledby="scopes-title">
      <div className="card__header">
        <div>
          <h2 id="scopes-title">Scopes</h2>
          <p className="card__lede">What clients may ask this server for. Rules and claims name them.</p>
        </div>
        <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
          Add Scope
        </Button>
      </div>
      <Notice text={notice} />
      <LoadGate load={load} empty={scopes.length === 0} what="scopes" onRetry={retry}>
        <ScopeTable
          scopes={scopes}
          onEdit={(scope) => setDialog({ kind: 'edit', scope })}
          onDelete={(scope) => setDialog({ kind: 'delete', scope })}
        />
      </LoadGate>
      {dialog?.kind === 'add' && <ScopeDialog serverId={server.id} onClose={close} onSaved={setNotice} />}
      {dialog?.kind === 'edit' && (
        <ScopeDialog
          key={dialog.scope.id}
          serverId={server.id}
          scope={dialog.scope}
          onClose={close}
          onSaved={setNotice}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDeleteDialog
          title="Delete Scope"
          failure="Could not delete the scope."
          onConfirm={async () => {
            const outcome = await deleteScope(server.id, dialog.scope.id);
            if (outcome.ok) setNotice(`Deleted scope ${dialog.scope.name}.`);
            return outcome;
          }}
          onClose={() => {
            close();
            void loadScopes(server.id);
          }}
        >
          Delete the scope <strong className="mono">{dialog.scope.name}</strong>? Clients can no longer ask for it.
        </ConfirmDeleteDialog>
      )}
    </section>
  );
}

const yes = (value: boolean) => (value ? 'Yes' : 'No');

const CONSENT: Record<ScopeDto['consent'], string> = {
  REQUIRED: 'Required',
  FLEXIBLE: 'Flexible',
  IMPLICIT: 'Implicit',
};

const COLUMNS: TableColumn<ScopeDto>[] = [
  {
    header: 'Name',
    rowHeader: true,
    cell: (scope) => (
      <>
        <span className="mono">{scope.name}</span> {scope.system && <span className="badge">System</span>}
      </>
    ),
  },
  { header: 'Display phrase', cell: (scope) => scope.displayName },
  { header: 'Description', cell: (scope) => scope.description },
  { header: 'User consent', cell: (scope) => CONSENT[scope.consent] },
  { header: 'Default scope', cell: (scope) => yes(scope.default) },
  {
    header: 'Metadata',
    cell: (scope) => (scope.metadataPublish === 'ALL_CLIENTS' ? 'Published' : 'Not published'),
  },
];

function ScopeTable({
  scopes,
  onEdit,
  onDelete,
}: {
  scopes: ScopeDto[];
  onEdit: (scope: ScopeDto) => void;
  onDelete: (scope: ScopeDto) => void;
}) {
  return (
    <DataTable
      label="Scopes"
      className="table--compact scope-table"
      scroll
      rows={scopes}
      rowKey={(scope) => scope.id}
      columns={COLUMNS}
      empty={<p className="empty">No scopes yet — Add Scope.</p>}
      actions={(scope) =>
        scope.system
          ? []
          : [
              { label: 'Edit', name: `Edit scope ${scope.name}`, variant: 'secondary', onClick: () => onEdit(scope) },
              {
                label: 'Delete',
                name: `Delete scope ${scope.name}`,
                variant: 'danger',
                onClick: () => onDelete(scope),
              },
            ]
      }
    />
  );
}
