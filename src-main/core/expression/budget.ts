/**
 * What one evaluation may spend: steps (each node visited, each element or character a function
 * or operator walks) and the size of any one result, so neither `String.join`, `+` nor
 * `Arrays.flatten` can take unbounded time or memory.
 */
import type { SourceSpan } from '../../contracts/expression.js';
import { fail } from './errors.js';

/**
 * Caps on one value. A claim lands in a token that has to fit in an HTTP header; 64 Ki characters
 * and 10,000 elements are far above any real claim and far below what would strain memory.
 */
export const RESULT_LIMITS = { maxStringLength: 65_536, maxArrayLength: 10_000 } as const;

/** The steps spent so far in one evaluation, and the checks on result sizes. */
export class Budget {
  private used = 0;

  constructor(readonly maxSteps: number) {}

  /** Spends `steps`; past the limit the evaluation stops with EL_TOO_MANY_STEPS at `span`. */
  tick(steps: number, span: SourceSpan): void {
    this.used += steps;
    if (this.used > this.maxSteps) fail('EL_TOO_MANY_STEPS', `evaluation took more than ${this.maxSteps} steps`, span);
  }

  /** Refuses a string of `length` characters (before it is built) when over the cap. */
  checkLength(length: number, span: SourceSpan): void {
    if (length > RESULT_LIMITS.maxStringLength) {
      fail(
        'EL_ARGUMENT',
        `the result would be ${length} characters long, more than the ${RESULT_LIMITS.maxStringLength} allowed`,
        span,
      );
    }
  }

  /** Refuses an array of `size` elements when over the cap. */
  checkSize(size: number, span: SourceSpan): void {
    if (size > RESULT_LIMITS.maxArrayLength) {
      fail(
        'EL_ARGUMENT',
        `the result would have ${size} elements, more than the ${RESULT_LIMITS.maxArrayLength} allowed`,
        span,
      );
    }
  }

  /** Joins `parts` with `separator`, charging a step per character, refusing an oversized result. */
  join(parts: readonly string[], separator: string, span: SourceSpan): string {
    let length = Math.max(0, parts.length - 1) * separator.length;
    for (const part of parts) length += part.length;
    this.checkLength(length, span);
    this.tick(length + parts.length, span);
    return parts.join(separator);
  }
}
