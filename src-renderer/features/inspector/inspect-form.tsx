/** The inspector's input: the token, an optional key to verify with, and the values it came with. */
import type { FormEvent } from 'react';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { TextAreaField, TextField } from '../../ui/field.js';

export function InspectForm() {
  const store = useStoreApi();
  const input = useAppStore((s) => s.inspectorInput);
  const busy = useAppStore((s) => s.inspection.load.status === 'loading');
  const set = store.getState().setInspectorInput;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void store.getState().inspectToken();
  };
  return (
    <form className="form inspect-form" noValidate onSubmit={submit} aria-label="Token to inspect">
      {input.label && (
        <p className="inspect-form__origin">
          Opened from <strong>{input.label}</strong>
        </p>
      )}
      <TextAreaField
        label="Token"
        className="mono"
        rows={5}
        spellCheck={false}
        value={input.token}
        hint="A JWT (header.payload.signature). It is sent only to this Authbox, never stored or logged."
        onChange={(e) => set({ token: e.target.value })}
      />
      <TextAreaField
        label="Verification key (JWK, JWKS or PEM)"
        className="mono"
        rows={3}
        spellCheck={false}
        value={input.key}
        hint="Leave empty to verify with the keys of the issuing server of this Authbox."
        onChange={(e) => set({ key: e.target.value })}
      />
      <div className="field-row">
        <TextField
          label="Nonce sent"
          className="mono"
          value={input.nonce}
          onChange={(e) => set({ nonce: e.target.value })}
        />
        <TextField
          label="Access token (for at_hash)"
          className="mono"
          value={input.accessToken}
          onChange={(e) => set({ accessToken: e.target.value })}
        />
        <TextField
          label="Authorization code (for c_hash)"
          className="mono"
          value={input.code}
          onChange={(e) => set({ code: e.target.value })}
        />
      </div>
      <div className="form__actions form__actions--start">
        <Button variant="primary" type="submit" busy={busy}>
          Inspect
        </Button>
      </div>
    </form>
  );
}
