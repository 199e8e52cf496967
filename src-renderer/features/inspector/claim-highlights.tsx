/** A claim's highlight labels, each with its symbol and its own colour, and a legend for them. */
import type { ClaimHighlight } from '../../../src-main/contracts/inspect.js';
import { HIGHLIGHTS, HIGHLIGHT_ORDER } from './highlight-words.js';

export function HighlightLabel({ highlight }: { highlight: ClaimHighlight }) {
  const { label, symbol } = HIGHLIGHTS[highlight];
  return (
    <span className={`highlight highlight--${highlight}`}>
      <span aria-hidden="true">{symbol}</span> {label}
    </span>
  );
}

export function HighlightLegend() {
  return (
    <ul className="highlight-legend" aria-label="Highlights">
      {HIGHLIGHT_ORDER.map((highlight) => (
        <li key={highlight}>
          <HighlightLabel highlight={highlight} /> {HIGHLIGHTS[highlight].meaning}
        </li>
      ))}
    </ul>
  );
}
