/**
 * Import: a document from a file or pasted, checked first — what it will create, or every fault with
 * its JSON path — and applied only when confirmed (replacing everything asks once more).
 */
import { useState } from 'react';
import type { ImportSummaryDto } from '../../../src-main/contracts/sandbox-document.js';
import { counted } from '../../state/counted.js';
import type { ImportMode, ImportOutcome } from '../../state/sandbox-slice.js';
import { useAppStore } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextAreaField } from '../../ui/field.js';

const KINDS = ['servers', 'scopes', 'claims', 'policies', 'rules', 'apps', 'users', 'groups'] as const;

const ONE: Record<(typeof KINDS)[number], string> = {
  servers: 'server',
  scopes: 'scope',
  claims: 'claim',
  policies: 'policy',
  rules: 'rule',
  apps: 'app',
  users: 'user',
  groups: 'group',
};

/** What an import creates, in the document's order: "1 server, 2 scopes", or "nothing". */
export function createdWords(create: ImportSummaryDto['create']): string {
  const made = KINDS.filter((kind) => create[kind] > 0).map((kind) => counted(create[kind], ONE[kind], kind));
  return made.length ? made.join(', ') : 'nothing';
}

function Outcome({ outcome, applied }: { outcome: ImportOutcome; applied: boolean }) {
  if (outcome.ok) {
    return (
      <p role="status">
        {applied ? 'Imported: ' : 'The document is valid. Importing it creates '}
        {createdWords(outcome.summary.create)}
        {!applied && outcome.summary.mode === 'replace' && ', after deleting everything this sandbox holds'}.
      </p>
    );
  }
  if ('faults' in outcome) {
    return (
      <div className="error-banner" role="alert">
        <div className="error-banner__text">
          <strong>The document is refused ({outcome.faults.length}):</strong>
          <ul className="fault-list">
            {outcome.faults.map((fault) => (
              <li key={`${fault.field}:${fault.message}`}>
                <code>{fault.field}</code> {fault.message}
              </li>
            ))}
          </ul>
        </div>
      </div>
    );
  }
  return <ErrorBanner title="The import failed.">{outcome.error.summary}</ErrorBanner>;
}

export function ImportCard() {
  const checkImport = useAppStore((s) => s.checkImport);
  const applyImport = useAppStore((s) => s.applyImport);
  const [text, setText] = useState('');
  const [mode, setMode] = useState<ImportMode>('merge');
  const [pending, setPending] = useState(false);
  const [checked, setChecked] = useState<ImportOutcome | null>(null);
  const [applied, setApplied] = useState(false);
  const change = (next: string) => {
    setText(next);
    setChecked(null);
    setApplied(false);
  };
  const run = async (work: () => Promise<ImportOutcome>, applying: boolean) => {
    setPending(true);
    const outcome = await work();
    setPending(false);
    setChecked(outcome);
    setApplied(applying && outcome.ok);
  };
  const confirmAndApply = () => {
    if (
      mode === 'replace' &&
      !window.confirm('Replace everything in this sandbox with the document? This cannot be undone.')
    )
      return;
    void run(() => applyImport(text, mode), true);
  };
  return (
    <section className="card" aria-labelledby="import-title">
      <header className="card__header">
        <h2 id="import-title">Import</h2>
      </header>
      <div className="field">
        <label className="field__label" htmlFor="import-file">
          Document file
        </label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void file.text().then(change);
          }}
        />
      </div>
      <TextAreaField
        label="Or paste the document"
        className="mono"
        rows={8}
        value={text}
        onChange={(event) => change(event.target.value)}
      />
      <fieldset className="field">
        <legend className="field__label">Mode</legend>
        <label className="check">
          <input
            type="radio"
            name="import-mode"
            checked={mode === 'merge'}
            onChange={() => {
              setMode('merge');
              setChecked(null);
            }}
          />
          <span>Merge into this sandbox (refused if an id or name is taken)</span>
        </label>
        <label className="check">
          <input
            type="radio"
            name="import-mode"
            checked={mode === 'replace'}
            onChange={() => {
              setMode('replace');
              setChecked(null);
            }}
          />
          <span>Replace everything (tokens, sessions and events too)</span>
        </label>
      </fieldset>
      <div className="form__actions form__actions--start">
        <Button
          busy={pending}
          disabled={text.trim() === ''}
          onClick={() => void run(() => checkImport(text, mode), false)}
        >
          Check
        </Button>
        <Button
          variant={mode === 'replace' ? 'danger' : 'primary'}
          busy={pending}
          disabled={!checked?.ok || applied}
          onClick={confirmAndApply}
        >
          Import
        </Button>
      </div>
      {checked && <Outcome outcome={checked} applied={applied} />}
    </section>
  );
}
