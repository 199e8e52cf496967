/** Compare: two tokens side by side, each claim marked added, removed, changed or the same. */
import type { FormEvent } from 'react';
import type { TokenInspectionDto } from '../../../src-main/contracts/inspect.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { Button } from '../../ui/button.js';
import { ErrorBanner } from '../../ui/error-banner.js';
import { TextAreaField } from '../../ui/field.js';
import { diffClaims, diffSummary } from './claim-diff.js';
import type { ClaimChange, ClaimDiffRow } from './claim-diff.js';

const CHANGE_WORDS: Record<ClaimChange, { symbol: string; label: string }> = {
  added: { symbol: '+', label: 'added' },
  removed: { symbol: '−', label: 'removed' },
  changed: { symbol: '~', label: 'changed' },
  same: { symbol: '=', label: 'same' },
};

export function CompareView() {
  const store = useStoreApi();
  const input = useAppStore((s) => s.compareInput);
  const comparison = useAppStore((s) => s.comparison);
  const compare = () => void store.getState().compareTokens();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    compare();
  };
  return (
    <>
      <section className="card">
        <form className="form" noValidate onSubmit={submit} aria-label="Tokens to compare">
          <div className="compare__inputs">
            <TextAreaField
              label="First token"
              className="mono"
              rows={5}
              spellCheck={false}
              value={input.left}
              onChange={(e) => store.getState().setCompareInput('left', e.target.value)}
            />
            <TextAreaField
              label="Second token"
              className="mono"
              rows={5}
              spellCheck={false}
              value={input.right}
              onChange={(e) => store.getState().setCompareInput('right', e.target.value)}
            />
          </div>
          <div className="form__actions form__actions--start">
            <Button variant="primary" type="submit" busy={comparison.load.status === 'loading'}>
              Compare
            </Button>
          </div>
        </form>
      </section>
      {comparison.load.status === 'error' && (
        <ErrorBanner title="Could not compare the tokens." onRetry={compare}>
          {comparison.load.error.summary}
        </ErrorBanner>
      )}
      {comparison.left && comparison.right && <Comparison left={comparison.left} right={comparison.right} />}
    </>
  );
}

function Comparison({ left, right }: { left: TokenInspectionDto; right: TokenInspectionDto }) {
  if (!left.ok || !right.ok)
    return (
      <div className="inline-error" role="alert">
        {!left.ok && <p>First token: {left.fault.message}</p>}
        {!right.ok && <p>Second token: {right.fault.message}</p>}
      </div>
    );
  const rows = diffClaims(left.payload, right.payload);
  return (
    <section className="card" aria-label="Comparison">
      <p className="compare__summary" role="status">
        {diffSummary(rows)}
      </p>
      <p className="card__lede">
        Signatures: first — {left.verdict.title}; second — {right.verdict.title}
      </p>
      <div className="table-scroll">
        <table className="table compare-table" aria-label="Claim differences">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">First token</th>
              <th scope="col">Second token</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <DiffRow key={row.name} row={row} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DiffRow({ row }: { row: ClaimDiffRow }) {
  const words = CHANGE_WORDS[row.change];
  const shown = (value: unknown, present: boolean) =>
    present ? <code className="mono">{JSON.stringify(value)}</code> : <span className="empty">absent</span>;
  return (
    <tr className={`compare-table__row--${row.change}`} data-claim={row.name} data-change={row.change}>
      <th scope="row" className="mono">
        {row.name}
      </th>
      <td>{shown(row.left, row.change !== 'added')}</td>
      <td>{shown(row.right, row.change !== 'removed')}</td>
      <td>
        <span className={`change change--${row.change}`}>
          <span aria-hidden="true">{words.symbol}</span> {words.label}
        </span>
      </td>
    </tr>
  );
}
