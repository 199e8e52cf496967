/**
 * The Okta API Scopes tab (Okta's Admin Console: Applications → the app → Okta API Scopes): every
 * Okta API scope of the org authorization server, Granted or Not granted, with Grant / Revoke.
 * The app may then ask the org server for a granted scope (`client_credentials` at `/oauth2/v1/token`).
 */
import { useEffect } from 'react';
import type { AppDto } from '../../../src-main/contracts/app.js';
import { IDLE } from '../../state/load-state.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { DataTable } from '../../ui/data-table.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { LoadGate } from '../../ui/load-gate.js';
import { useAction } from '../../ui/use-action.js';

function useOktaApiScopes(appId: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.appGrants[appId]);
  const org = useAppStore((s) => s.orgServer);
  const orgLoad = useAppStore((s) => s.orgServerLoad);
  const token = useAppStore((s) => s.token);
  const load = () => {
    void store.getState().loadOrgServer();
    void store.getState().loadAppGrants(appId);
  };
  useEffect(load, [store, appId, token]);
  const grantLoad = entry?.load ?? IDLE;
  return {
    load: orgLoad.status === 'error' ? orgLoad : grantLoad,
    scopes: org?.scopes.oktaApi ?? [],
    grants: entry?.grants ?? [],
    retry: load,
  };
}

export function AppOktaScopesTab({ app }: { app: AppDto }) {
  const store = useStoreApi();
  const { load, scopes, grants, retry } = useOktaApiScopes(app.id);
  const grant = useAction((scopeId: string) => store.getState().grantOktaScope(app.id, scopeId));
  const revoke = useAction((grantId: string) => store.getState().revokeOktaScope(app.id, grantId));
  const error = grant.error ?? revoke.error;
  const grantOf = (scopeId: string) => grants.find((g) => g.scopeId === scopeId);
  return (
    <div className="settings">
      <p className="page__lede">
        Okta API scopes this app may ask the org authorization server for; its tokens then call Authbox&apos;s /api/v1
        with exactly these permissions.
      </p>
      {error && <ErrorBanner title="Could not change the grant.">{error.summary}</ErrorBanner>}
      <LoadGate load={load} empty={scopes.length === 0} what="Okta API scopes" onRetry={retry}>
        <DataTable
          label="Okta API Scopes"
          rows={scopes}
          rowKey={(scopeId) => scopeId}
          columns={[
            { header: 'Scope', cell: (scopeId) => scopeId, className: 'mono' },
            { header: 'Status', cell: (scopeId) => (grantOf(scopeId) ? 'Granted' : 'Not granted') },
          ]}
          actions={(scopeId) => {
            const granted = grantOf(scopeId);
            return granted
              ? {
                  label: 'Revoke',
                  name: `Revoke ${scopeId}`,
                  disabled: revoke.pending,
                  onClick: () => void revoke.run(granted.id),
                }
              : {
                  label: 'Grant',
                  name: `Grant ${scopeId}`,
                  variant: 'secondary',
                  disabled: grant.pending,
                  onClick: () => void grant.run(scopeId),
                };
          }}
        />
      </LoadGate>
    </div>
  );
}
