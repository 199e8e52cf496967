/** The Claims tab: the server's claims, Add Claim, and the Edit and Delete dialogs of a row. */
import { useState } from 'react';
import type { ClaimDto } from '../../../src-main/contracts/claim.js';
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { Button } from '../../ui/button.js';
import { ClaimDialog } from './claim-dialog.js';
import { ClaimList } from './claim-list.js';
import { DeleteClaimDialog } from './delete-claim-dialog.js';

type OpenDialog = { kind: 'add' } | { kind: 'edit'; claim: ClaimDto } | { kind: 'delete'; claim: ClaimDto } | null;

export function ClaimsTab({ server }: { server: AuthorizationServerDto }) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  return (
    <section className="card" aria-labelledby="claims-title">
      <div className="card__header">
        <div>
          <h2 id="claims-title">Claims</h2>
          <p className="card__lede">What this server adds to its tokens beyond the standard claims, and when.</p>
        </div>
        <Button variant="primary" onClick={() => setDialog({ kind: 'add' })}>
          Add Claim
        </Button>
      </div>
      <ClaimList
        serverId={server.id}
        onEdit={(claim) => setDialog({ kind: 'edit', claim })}
        onDelete={(claim) => setDialog({ kind: 'delete', claim })}
      />
      {dialog?.kind === 'add' && <ClaimDialog serverId={server.id} onClose={close} />}
      {dialog?.kind === 'edit' && (
        <ClaimDialog key={dialog.claim.id} serverId={server.id} claim={dialog.claim} onClose={close} />
      )}
      {dialog?.kind === 'delete' && <DeleteClaimDialog serverId={server.id} claim={dialog.claim} onClose={close} />}
    </section>
  );
}
