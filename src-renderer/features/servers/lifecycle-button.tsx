/** Activate or Deactivate, whichever the server's status allows (Okta's lifecycle operations). */
import type { AuthorizationServerDto } from '../../../src-main/contracts/index.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { useAction } from '../../ui/use-action.js';

export function LifecycleButton({ server }: { server: AuthorizationServerDto }) {
  const setServerStatus = useAppStore((s) => s.setServerStatus);
  const action = useAction(setServerStatus);
  const active = server.status === 'ACTIVE';
  return (
    <div className="lifecycle">
      <Button
        variant={active ? 'danger' : 'primary'}
        busy={action.pending}
        onClick={() => void action.run(server.id, active ? 'INACTIVE' : 'ACTIVE')}
      >
        {active ? 'Deactivate' : 'Activate'}
      </Button>
      {action.error && (
        <p className="inline-error" role="alert">
          {action.error.summary}
        </p>
      )}
    </div>
  );
}
