import { describe, expect, it } from 'vitest';
import type { ExpressionErrorDto } from '../../../src-main/contracts/index.js';
import { checkFaultOf, runtimeFaultOf } from '../../../src-renderer/features/preview/expression-faults.js';
import type { CheckAnswer } from '../../../src-renderer/features/preview/use-expression-check.js';
import type { ExpressionAnswer } from '../../../src-renderer/features/preview/use-expression-preview.js';
import { invalidToken } from './fake-api.js';

const SYNTAX: ExpressionErrorDto = {
  code: 'EL_SYNTAX',
  message: "expected an expression after '+' at column 16",
  span: { start: 15, end: 16 },
};
const RUNTIME: ExpressionErrorDto = {
  code: 'EL_ARGUMENT',
  message: 'String.substring: the end 1 is before the start 4 at column 1',
  span: { start: 0, end: 38 },
};

const checked = (expression: string, error?: ExpressionErrorDto): CheckAnswer => ({
  expression,
  outcome: { ok: true, check: error ? { ok: false, error } : { ok: true } },
});
const evaluated = (expression: string, error?: ExpressionErrorDto): ExpressionAnswer => ({
  expression,
  outcome: { ok: true, preview: error ? { ok: false, error } : { ok: true, value: 'Alice' } },
});

describe('expression faults', () => {
  it('takes the check’s fault with the text it points into', () => {
    expect(checkFaultOf(checked('user.firstName +', SYNTAX))).toEqual({
      expression: 'user.firstName +',
      error: SYNTAX,
    });
    expect(checkFaultOf(checked('user.firstName'))).toBeNull();
    expect(checkFaultOf(null)).toBeNull();
    expect(checkFaultOf({ expression: 'x', outcome: { ok: false, error: invalidToken() } })).toBeNull();
  });

  it('shows an evaluation error once the check of the same text found nothing wrong (a run-time error)', () => {
    const source = 'String.substring(user.firstName, 4, 1)';
    expect(runtimeFaultOf(evaluated(source, RUNTIME), checked(source))).toEqual({ expression: source, error: RUNTIME });
    // The check call failed: nothing else tells of the error, so the evaluation does.
    expect(
      runtimeFaultOf(evaluated(source, RUNTIME), { expression: source, outcome: { ok: false, error: invalidToken() } }),
    ).toEqual({ expression: source, error: RUNTIME });
  });

  it('leaves a parse fault to the check, so it is not shown twice', () => {
    expect(runtimeFaultOf(evaluated('user.firstName +', SYNTAX), checked('user.firstName +', SYNTAX))).toBeNull();
  });

  it('waits for the check of the same text before showing an evaluation error', () => {
    expect(runtimeFaultOf(evaluated('user.firstName +', SYNTAX), null)).toBeNull();
    expect(runtimeFaultOf(evaluated('user.firstName +', SYNTAX), checked('user.firstName'))).toBeNull();
  });

  it('has nothing to show for a value or a failed preview call', () => {
    expect(runtimeFaultOf(evaluated('user.firstName'), checked('user.firstName'))).toBeNull();
    expect(runtimeFaultOf({ expression: 'x', outcome: { ok: false, error: invalidToken() } }, checked('x'))).toBeNull();
    expect(runtimeFaultOf(null, checked('x'))).toBeNull();
  });
});
