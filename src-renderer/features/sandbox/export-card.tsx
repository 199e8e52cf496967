/** Export: the whole sandbox or one server as a sandbox document, downloaded as a file. */
import { useState } from 'react';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { CheckboxField, SelectField } from '../../ui/field.js';
import type { ApiError } from '../../api/api-error.js';

const WHOLE = '';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

export function ExportCard() {
  const exportSandbox = useAppStore((s) => s.exportSandbox);
  const serverIds = useAppStore((s) => s.serverIds);
  const serversById = useAppStore((s) => s.serversById);
  const servers = serverIds.map((id) => serversById[id]).filter((server) => server !== undefined);
  const [serverId, setServerId] = useState(WHOLE);
  const [withKeys, setWithKeys] = useState(false);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = async () => {
    setPending(true);
    setDone(null);
    setError(null);
    const outcome = await exportSandbox({ ...(serverId ? { serverId } : {}), withKeys });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    const name = `authbox-${serverId || 'sandbox'}.json`;
    download(name, outcome.text);
    setDone(`Exported ${name} (${outcome.text.length.toLocaleString()} characters).`);
  };
  return (
    <section className="card" aria-labelledby="export-title">
      <header className="card__header">
        <h2 id="export-title">Export</h2>
      </header>
      <p className="card__lede">
        One JSON document with the servers, policies, rules, scopes, claims, apps (client secrets included), people
        (password hashes, never passwords), groups and assignments. Two exports of the same sandbox are identical, so it
        diffs well in git.
      </p>
      <SelectField
        label="What to export"
        value={serverId}
        onChange={(event) => setServerId(event.target.value)}
        options={[
          { value: WHOLE, label: 'The whole sandbox' },
          ...servers.map((server) => ({ value: server.id, label: `${server.name} and what it references` })),
        ]}
      />
      <CheckboxField
        label="Include the private signing keys"
        checked={withKeys}
        onChange={(event) => setWithKeys(event.target.checked)}
        hint="Tokens of a sandbox imported with its keys verify against this sandbox's JWKS. Anyone with the file can sign tokens."
      />
      <Button variant="primary" busy={pending} onClick={() => void run()}>
        Export
      </Button>
      {done && <p role="status">{done}</p>}
      {error && <ErrorBanner title="The export failed.">{error.summary}</ErrorBanner>}
    </section>
  );
}
