/** "Open in Token Inspector" for a token shown elsewhere; a payload that was never signed opens as an unsecured JWT. */
import { useStoreApi } from '../../state/store-context.js';
import type { InspectorOpening } from '../../state/inspector-slice.js';
import { Button } from '../../ui/button.js';
import { unsignedJwt } from './unsigned-jwt.js';

export type OpenInInspectorProps =
  (InspectorOpening & { payload?: undefined }) | { payload: Record<string, unknown>; label: string; token?: undefined };

export function OpenInInspectorButton(props: OpenInInspectorProps) {
  const store = useStoreApi();
  const open = () => {
    const opening = props.payload ? { token: unsignedJwt(props.payload), label: props.label } : props;
    void store.getState().openInInspector(opening);
  };
  return (
    <Button
      variant="ghost"
      className="open-in-inspector"
      onClick={open}
      aria-label={`Open ${props.label ?? 'the token'} in Token Inspector`}
    >
      Open in Token Inspector
    </Button>
  );
}
