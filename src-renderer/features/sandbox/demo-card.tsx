/** Load the demo: the seed's scenario in one click, with the sign-in details to try it with. */
import { useState } from 'react';
import type { ImportOutcome } from '../../state/sandbox-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';

/** Who the demo signs in as (examples/demo.json). */
export const DEMO_LOGIN = 'john.smith@example.com';
export const DEMO_PASSWORD = 'Commodore-1';
export const DEMO_SERVER_ID = 'ausDemoPets0000000001';

export function DemoSignIn() {
  return (
    <p className="card__lede">
      Sign in as <code>{DEMO_LOGIN}</code> with the password <code>{DEMO_PASSWORD}</code>. The web app{' '}
      <strong>Pets web app</strong> (client secret <code>demo-web-secret-change-me-0001</code>) and the service{' '}
      <strong>Pets service</strong> use the authorization server <strong>Pets API</strong>.
    </p>
  );
}

export function DemoCard() {
  const loadDemo = useAppStore((s) => s.loadDemo);
  const loaded = useAppStore((s) => s.serverIds.includes(DEMO_SERVER_ID));
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const load = async () => {
    setPending(true);
    setOutcome(await loadDemo());
    setPending(false);
  };
  return (
    <section className="card" aria-labelledby="demo-title">
      <header className="card__header">
        <h2 id="demo-title">Demo</h2>
      </header>
      <p className="card__lede">
        An authorization server for a pets API with an access policy and rules, the scopes <code>pets:read</code> and{' '}
        <code>pets:write</code>, the ID token claim <code>preferred_honorific</code>, a web app, a service app and the
        user John Smith.
      </p>
      {loaded ? (
        <>
          <p role="status">The demo is loaded.</p>
          <DemoSignIn />
        </>
      ) : (
        <Button variant="primary" busy={pending} onClick={() => void load()}>
          Load the demo
        </Button>
      )}
      {outcome && !outcome.ok && (
        <ErrorBanner title="The demo could not be loaded.">
          {'faults' in outcome
            ? outcome.faults.map((fault) => `${fault.field}: ${fault.message}`).join('; ')
            : outcome.error.summary}
        </ErrorBanner>
      )}
    </section>
  );
}
