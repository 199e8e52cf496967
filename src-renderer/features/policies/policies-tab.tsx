/**
 * The Access Policies tab, laid out as Okta's: the server's policies in priority order on the
 * left (select, drag to reorder, or Alt+↑/↓), the selected policy's details and rules beside it.
 * The selected policy lives in the address (`…/access-policies/<policyId>`).
 */
import { useState } from 'react';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { Button } from '../../ui/button.js';
import { LoadGate } from '../../ui/load-gate.js';
import { Notice } from '../../ui/notice.js';
import { PolicyDetails } from './policy-details.js';
import { PolicyDialog } from './policy-dialog.js';
import { PolicyList } from './policy-list.js';
import { usePolicies } from './use-policies.js';

export function AccessPoliciesTab({ server, policyId }: { server: AuthorizationServerDto; policyId?: string }) {
  const { policies, load, retry } = usePolicies(server.id);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const selected: PolicyDto | undefined = policies.find((p) => p.id === policyId) ?? policies[0];
  return (
    <section className="card" aria-labelledby="policies-title">
      <div className="card__header">
        <div>
          <h2 id="policies-title">Access Policies</h2>
          <p className="card__lede">
            Which clients may get tokens from this server, and on what terms. The first active policy that covers a
            client decides; drag a policy, or press Alt+↑ / Alt+↓ on it, to change the order.
          </p>
        </div>
        <Button variant="primary" onClick={() => setAdding(true)}>
          Add New Access Policy
        </Button>
      </div>
      <Notice text={notice} />
      <LoadGate load={load} empty={policies.length === 0} what="access policies" onRetry={retry}>
        {policies.length === 0 ? (
          <p className="empty">No access policies yet — Add New Access Policy to let clients get tokens here.</p>
        ) : (
          <div className="policies">
            <PolicyList serverId={server.id} policies={policies} selectedId={selected?.id} />
            {selected && (
              <PolicyDetails key={selected.id} serverId={server.id} policy={selected} onNotice={setNotice} />
            )}
          </div>
        )}
      </LoadGate>
      {adding && <PolicyDialog serverId={server.id} onClose={() => setAdding(false)} onSaved={setNotice} />}
    </section>
  );
}
