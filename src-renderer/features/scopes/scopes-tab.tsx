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
        {scopes.length === 0 ? (
          <p className="empty">No scopes yet — Add Scope.</p>
        ) : (
          <ScopeTable
            scopes={scopes}
            onEdit={(scope) => setDialog({ kind: 'edit', scope })}
            onDelete={(scope) => setDialog({ kind: 'delete', scope })}
          />
        )}
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
    <div className="table-scroll">
      <table className="table table--compact scope-table" aria-label="Scopes">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Display phrase</th>
            <th scope="col">Description</th>
            <th scope="col">User consent</th>
            <th scope="col">Default scope</th>
            <th scope="col">Metadata</th>
            <th scope="col" className="shrink">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {scopes.map((scope) => (
            <tr key={scope.id}>
              <th scope="row">
                <span className="mono">{scope.name}</span> {scope.system && <span className="badge">System</span>}
              </th>
              <td>{scope.displayName}</td>
              <td>{scope.description}</td>
              <td>
                {scope.consent === 'REQUIRED' ? 'Required' : scope.consent === 'FLEXIBLE' ? 'Flexible' : 'Implicit'}
              </td>
              <td>{yes(scope.default)}</td>
              <td>{scope.metadataPublish === 'ALL_CLIENTS' ? 'Published' : 'Not published'}</td>
              <td className="shrink nowrap">
                {!scope.system && (
                  <div className="row-actions">
                    <Button variant="secondary" aria-label={`Edit scope ${scope.name}`} onClick={() => onEdit(scope)}>
                      Edit
                    </Button>
                    <Button variant="danger" aria-label={`Delete scope ${scope.name}`} onClick={() => onDelete(scope)}>
                      Delete
                    </Button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
