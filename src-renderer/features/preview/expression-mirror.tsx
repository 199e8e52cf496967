/**
 * The expression as it was evaluated, with the span of its error marked (SourceSpan: 0-based,
 * end exclusive). An empty span (the text ended too soon) marks one blank cell at that place.
 * Screen readers hear the column before the text.
 */
import type { SourceSpan } from '../../../src-main/contracts/index.js';

export function ExpressionMirror({ expression, span }: { expression: string; span: SourceSpan }) {
  const start = Math.min(Math.max(span.start, 0), expression.length);
  const end = Math.min(Math.max(span.end, start), expression.length);
  return (
    <pre className="expression-mirror">
      <span className="visually-hidden">Error at column {start + 1}: </span>
      {expression.slice(0, start)}
      <mark className="expression-error">{end > start ? expression.slice(start, end) : ' '}</mark>
      {expression.slice(end)}
    </pre>
  );
}
