/**
 * Expression errors are data (STYLE.md): a stable code, a message with the 1-based column, and the
 * span the editor underlines. Inside the engine an error travels as a thrown `ExpressionFailure`;
 * `capture` turns it back into a value at the public boundary, so nothing escapes as an exception.
 */
import type { ExpressionErrorCode, SourceSpan } from '../../contracts/expression.js';
import type { ExpressionError } from './types.js';

/** An expression error in flight; only `capture` catches it. */
export class ExpressionFailure extends Error {
  constructor(readonly error: ExpressionError) {
    super(error.message);
    this.name = 'ExpressionFailure';
  }
}

/** `reason at column N (note)`: the column is where `span` starts. */
export function expressionError(
  code: ExpressionErrorCode,
  reason: string,
  span: SourceSpan,
  note?: string,
): ExpressionError {
  const message = `${reason} at column ${span.start + 1}${note ? ` (${note})` : ''}`;
  return { code, message, span: { start: span.start, end: span.end } };
}

/** Stops parsing or evaluation with an error. */
export function fail(code: ExpressionErrorCode, reason: string, span: SourceSpan, note?: string): never {
  throw new ExpressionFailure(expressionError(code, reason, span, note));
}

/** Marks a message the property test looks for: it would mean a bug in the engine. */
export const INTERNAL_ERROR = 'internal error in the expression engine';

/**
 * Runs `body`; an `ExpressionFailure` becomes its error. Anything else is a bug, still returned
 * as a value (a call-stack overflow as EL_TOO_DEEP) so the caller never sees an exception.
 */
export function capture<T>(
  body: () => T,
  whole: SourceSpan,
): { ok: true; value: T } | { ok: false; error: ExpressionError } {
  try {
    return { ok: true, value: body() };
  } catch (caught) {
    if (caught instanceof ExpressionFailure) return { ok: false, error: caught.error };
    const text = caught instanceof Error ? caught.message : String(caught);
    if (caught instanceof RangeError && /call stack/i.test(text)) {
      return {
        ok: false,
        error: expressionError('EL_TOO_DEEP', 'expression nests too deeply for the call stack', whole),
      };
    }
    return { ok: false, error: expressionError('EL_TYPE', `${INTERNAL_ERROR}: ${text}`, whole) };
  }
}
