/**
 * Okta Expression Language results and errors as the sandbox API and the renderer see them
 * (Okta "Expression Language overview"). An error carries a stable `code` and the source span the editor underlines.
 */

/** What an expression can produce: JSON values (claims are JSON). */
export type ExpressionValue = string | number | boolean | null | ExpressionValue[] | { [key: string]: ExpressionValue };

export const EXPRESSION_ERROR_CODES = [
  /** The text does not follow the grammar (a missing operand, an unclosed string …). */
  'EL_SYNTAX',
  /** A call to a function the language does not have (`String.reverse`, `foo()`). */
  'EL_UNKNOWN_FUNCTION',
  /** A name that is neither a context root (`user`, `appuser`, `app`, `org`, `access`) nor a namespace. */
  'EL_UNKNOWN_NAME',
  /** A function called with the wrong number of arguments. */
  'EL_ARITY',
  /** Over the input-length limit. */
  'EL_TOO_LONG',
  /** Nested deeper than the depth limit. */
  'EL_TOO_DEEP',
  /** Evaluation took more steps than the step limit. */
  'EL_TOO_MANY_STEPS',
  /** A value of the wrong type at run time (`"a" < 1`, indexing a number, reading a property of null …). */
  'EL_TYPE',
  /** A function refused its arguments at run time (`String.substring("abc", 5, 1)`, a bad date pattern …). */
  'EL_ARGUMENT',
  /** An index outside an array. */
  'EL_INDEX',
] as const;
export type ExpressionErrorCode = (typeof EXPRESSION_ERROR_CODES)[number];

/** Offsets into the expression text, 0-based, `end` exclusive. */
export interface SourceSpan {
  start: number;
  end: number;
}

export interface ExpressionErrorDto {
  code: ExpressionErrorCode;
  /** For a person, with the 1-based column: "expected an expression after '+' at column 16". */
  message: string;
  span: SourceSpan;
}
