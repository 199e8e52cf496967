/**
 * Asks for the admin token when there is none, or when the server refused the one we had
 * (401 E0000011 / 403 E0000005). The server prints it at start-up in the UI address.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextField } from '../../ui/field.js';

export function TokenPrompt() {
  const problem = useAppStore((s) => s.tokenProblem);
  const saveToken = useAppStore((s) => s.saveToken);
  const [value, setValue] = useState('');
  const [blank, setBlank] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim() === '') return setBlank(true);
    saveToken(value);
  };

  return (
    <section className="token-prompt card" aria-labelledby="token-title">
      <h1 id="token-title">Connect to this Authbox server</h1>
      <p>
        The management API needs this server’s admin token. It is in the address the server printed when it started:{' '}
        <code>Open the UI: http://127.0.0.1:…/#token=…</code>
      </p>
      {problem && <ErrorBanner title="The server refused the token:">{problem}</ErrorBanner>}
      <form className="form" noValidate onSubmit={submit}>
        <TextField
          label="Admin token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          error={blank ? 'Paste the admin token here' : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            setBlank(false);
          }}
        />
        <div className="form__actions form__actions--start">
          <Button variant="primary" type="submit">
            Save token
          </Button>
        </div>
      </form>
    </section>
  );
}
