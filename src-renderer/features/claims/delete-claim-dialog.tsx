/** Asks before deleting a claim (DELETE → 204); a refusal shows in the dialog. */
import type { ClaimDto } from '../../../src-main/contracts/claim.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Modal } from '../../ui/modal.js';
import { useAction } from '../../ui/use-action.js';
import { TOKEN_TYPE_WORDS } from './claim-words.js';

export function DeleteClaimDialog({
  serverId,
  claim,
  onClose,
}: {
  serverId: string;
  claim: ClaimDto;
  onClose: () => void;
}) {
  const deleteClaim = useAppStore((s) => s.deleteClaim);
  const action = useAction(deleteClaim);
  const confirm = async () => {
    if (await action.run(serverId, claim.id)) onClose();
  };
  return (
    <Modal title="Delete Claim" onClose={onClose}>
      <div className="form">
        <p>
          Delete the {TOKEN_TYPE_WORDS[claim.claimType]} token claim <strong className="mono">{claim.name}</strong>?
          Tokens minted from now on leave it out.
        </p>
        {action.error && <ErrorBanner title="Could not delete the claim.">{action.error.summary}</ErrorBanner>}
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose} disabled={action.pending} autoFocus>
            Cancel
          </Button>
          <Button variant="danger" busy={action.pending} onClick={() => void confirm()}>
            Delete
          </Button>
        </div>
      </div>
    </Modal>
  );
}
