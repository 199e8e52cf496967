/**
 * The Token Inspector (top navigation): paste or open a JWT and see it decoded, its claims explained
 * and highlighted, and its signature verdict; or Compare two tokens. Tokens stay on this machine:
 * they go only to this Authbox's sandbox API, never into the address or storage.
 */
import { useId } from 'react';
import { hrefOf } from '../../app/routes.js';
import type { InspectorView } from '../../app/routes.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { Loading } from '../../ui/loading.js';
import { CompareView } from './compare-view.js';
import { InspectForm } from './inspect-form.js';
import { InspectionResult } from './inspection-result.js';

const VIEWS: { view: InspectorView; label: string }[] = [
  { view: 'inspect', label: 'Inspect' },
  { view: 'compare', label: 'Compare' },
];

export function TokenInspectorPage({ view }: { view: InspectorView }) {
  const tabId = useId();
  return (
    <section className="page token-inspector" aria-labelledby="token-inspector-title">
      <header className="page__header">
        <div>
          <h1 id="token-inspector-title">Token Inspector</h1>
          <p className="page__lede">
            Decode a JWT, see what each claim means and where it came from, check its signature.
          </p>
        </div>
      </header>
      <nav className="tabs" role="tablist" aria-label="Token Inspector sections">
        {VIEWS.map((v) => (
          <a
            key={v.view}
            id={`${tabId}-${v.view}`}
            role="tab"
            aria-selected={v.view === view}
            className="tabs__tab"
            href={hrefOf({ page: 'token-inspector', view: v.view })}
          >
            {v.label}
          </a>
        ))}
      </nav>
      <div role="tabpanel" aria-labelledby={`${tabId}-${view}`} className="tabs__panel settings">
        {view === 'inspect' ? <InspectView /> : <CompareView />}
      </div>
    </section>
  );
}

function InspectView() {
  const store = useStoreApi();
  const inspection = useAppStore((s) => s.inspection);
  return (
    <>
      <section className="card">
        <InspectForm />
      </section>
      {inspection.load.status === 'error' && (
        <ErrorBanner title="Could not inspect the token." onRetry={() => void store.getState().inspectToken()}>
          {inspection.load.error.summary}
        </ErrorBanner>
      )}
      {inspection.load.status === 'loading' && !inspection.result && <Loading label="Inspecting…" />}
      {inspection.result && <InspectionResult result={inspection.result} />}
    </>
  );
}
