/** The Sandbox screen: export, import and the demo (docs/sandbox-document.md), and the Security settings. */
import { useEffect } from 'react';
import { useAppStore } from '../../state/store-context.js';
import { DemoCard } from './demo-card.js';
import { ExportCard } from './export-card.js';
import { ImportCard } from './import-card.js';
import { SecurityCard } from './security-card.js';

export function SandboxPage() {
  const loadServers = useAppStore((s) => s.loadServers);
  useEffect(() => {
    void loadServers();
  }, [loadServers]);
  return (
    <section className="page" aria-labelledby="sandbox-title">
      <header className="page__header">
        <div>
          <h1 id="sandbox-title">Sandbox</h1>
          <p className="page__lede">
            Move this sandbox as one file, start from one, load the demo, or set how sign-ins are limited.
          </p>
        </div>
      </header>
      <div className="stack">
        <DemoCard />
        <ExportCard />
        <ImportCard />
        <SecurityCard />
      </div>
    </section>
  );
}
