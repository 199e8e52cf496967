/**
 * The three limits (length, depth, steps) and the result caps: each refuses with its code and a
 * span inside the source, and no input — however deep or long — escapes as an exception
 * (a RangeError from the call stack would).
 */
import { describe, expect, it } from 'vitest';
import { RESULT_LIMITS } from '../../../../src-main/core/expression/budget.js';
import { EXPRESSION_LIMITS, evaluateSource, parseExpression } from '../../../../src-main/core/expression/index.js';
import type { EvaluationResult, ExpressionLimits } from '../../../../src-main/core/expression/index.js';
import { SAMPLE_CONTEXT } from './sample-context.js';

/** Generous length so depth and steps, not length, are what is tested. */
const LONG: ExpressionLimits = { ...EXPRESSION_LIMITS, maxLength: 2_000_000 };
const MANY = 100_000;

function errorOf(result: EvaluationResult) {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

function run(source: string, limits: ExpressionLimits = LONG, context = SAMPLE_CONTEXT) {
  return evaluateSource(source, context, limits);
}

describe('length', () => {
  it('refuses a source over maxLength, the span covering the excess', () => {
    const source = `"${'a'.repeat(EXPRESSION_LIMITS.maxLength)}"`;
    const error = errorOf(run(source, EXPRESSION_LIMITS));
    expect(error.code).toBe('EL_TOO_LONG');
    expect(error.span).toEqual({ start: EXPRESSION_LIMITS.maxLength, end: source.length });
    expect(error.message).toBe(
      `the expression is ${source.length} characters long, more than the 4096 allowed; the excess starts at column 4097`,
    );
  });

  it('accepts a source of exactly maxLength', () => {
    const source = `"${'a'.repeat(EXPRESSION_LIMITS.maxLength - 2)}"`;
    expect(run(source, EXPRESSION_LIMITS).ok).toBe(true);
  });

  it('applies a caller-chosen maxLength', () => {
    const error = errorOf(run('1 + 2 + 3 + 4', { ...EXPRESSION_LIMITS, maxLength: 10 }));
    expect(error).toMatchObject({ code: 'EL_TOO_LONG', span: { start: 10, end: 13 } });
  });
});

describe('depth', () => {
  it('allows 63 nested parentheses and refuses 64 (the expression itself is the first level)', () => {
    expect(run(`${'('.repeat(63)}1${')'.repeat(63)}`, EXPRESSION_LIMITS)).toEqual({ ok: true, value: 1 });
    const error = errorOf(run(`${'('.repeat(64)}1${')'.repeat(64)}`, EXPRESSION_LIMITS));
    expect(error).toMatchObject({ code: 'EL_TOO_DEEP', span: { start: 64, end: 65 } });
    expect(error.message).toBe('expression nests deeper than 64 levels at column 65');
  });

  it.each([
    ['parentheses', `${'('.repeat(MANY)}1${')'.repeat(MANY)}`],
    ['unclosed parentheses', '('.repeat(MANY)],
    ['a chain of !', `${'!'.repeat(MANY)}true`],
    ['a chain of NOT', `${'NOT '.repeat(MANY)}true`],
    ['a chain of unary -', `${'-'.repeat(MANY)}1`],
    ['nested calls', `${'String.len('.repeat(MANY / 10)}"x"${')'.repeat(MANY / 10)}`],
    ['nested lists', `${'{'.repeat(MANY)}${'}'.repeat(MANY)}`],
    ['member steps', `user${'.a'.repeat(MANY)}`],
    ['index steps', `user.roles${'[0]'.repeat(MANY)}`],
    ['projections', `user.roles${'.![#this]'.repeat(MANY / 10)}`],
    ['ternaries', `${'true ? 1 : '.repeat(MANY)}2`],
    ['Elvis operators', `${'null ?: '.repeat(MANY)}1`],
  ])('refuses %s nested past maxDepth without a stack overflow', (_what, source) => {
    expect(errorOf(run(source)).code).toBe('EL_TOO_DEEP');
  });

  it('is not depth to chain one operator: a + a + … parses, and evaluates within the step limit', () => {
    expect(run(`1${' + 1'.repeat(1000)}`)).toEqual({ ok: true, value: 1001 });
    expect(run(`true${' AND true'.repeat(1000)}`)).toEqual({ ok: true, value: true });
    expect(errorOf(run(`1${' + 1'.repeat(MANY)}`)).code).toBe('EL_TOO_MANY_STEPS');
  });

  it('turns a call-stack overflow into EL_TOO_DEEP even when the caller allows absurd depth', () => {
    const limits = { ...LONG, maxDepth: 10_000_000 };
    expect(parseExpression(`${'('.repeat(MANY * 5)}1${')'.repeat(MANY * 5)}`, limits)).toMatchObject({
      ok: false,
      error: { code: 'EL_TOO_DEEP' },
    });
  });

  it('refuses a context attribute nested deeper than 32 levels', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const context = { ...SAMPLE_CONTEXT, user: { ...SAMPLE_CONTEXT.user!, profile: { deep } } };
    expect(errorOf(run('user.deep', LONG, context))).toMatchObject({ code: 'EL_TYPE', span: { start: 5, end: 9 } });
  });
});

describe('steps', () => {
  const hundred = `{${Array.from({ length: 100 }, (_, i) => i).join(',')}}`;

  it('stops nested projections that would visit a million elements', () => {
    const error = errorOf(run(`${hundred}.![${hundred}.![${hundred}.![#this]]]`, EXPRESSION_LIMITS));
    expect(error.code).toBe('EL_TOO_MANY_STEPS');
    expect(error.message).toMatch(/^evaluation took more than 100000 steps at column \d+$/);
  });

  it('stops flattening and joining what nested projections build', () => {
    const source = `String.join(",", Arrays.flatten(${hundred}.![${hundred}.![${hundred}]]))`;
    expect(errorOf(run(source, EXPRESSION_LIMITS)).code).toBe('EL_TOO_MANY_STEPS');
  });

  it('applies a caller-chosen maxSteps', () => {
    expect(run('1 + 1', { ...EXPRESSION_LIMITS, maxSteps: 3 }).ok).toBe(true);
    const error = errorOf(run('1 + 1 + 1 + 1 + 1', { ...EXPRESSION_LIMITS, maxSteps: 3 }));
    expect(error.code).toBe('EL_TOO_MANY_STEPS');
    expect(error.span.end).toBeLessThanOrEqual(17);
  });

  it('charges a function for the characters it walks', () => {
    const text = `"${'a'.repeat(4000)}"`;
    expect(run(`String.len(${text})`, { ...EXPRESSION_LIMITS, maxSteps: 5000 }).ok).toBe(true);
    expect(errorOf(run(`String.toUpperCase(${text})`, { ...EXPRESSION_LIMITS, maxSteps: 5000 })).code).toBe(
      'EL_TOO_MANY_STEPS',
    );
  });
});

describe('result size', () => {
  const hundredAs = `"${'a'.repeat(100)}"`;

  it('refuses a string past the cap before building it (String.replace)', () => {
    const source = `String.replace(String.replace(${hundredAs}, "a", ${hundredAs}), "a", ${hundredAs})`;
    const error = errorOf(run(source, { ...EXPRESSION_LIMITS, maxSteps: 10_000_000 }));
    expect(error.code).toBe('EL_ARGUMENT');
    expect(error.message).toContain(
      `the result would be 1000000 characters long, more than the ${RESULT_LIMITS.maxStringLength} allowed`,
    );
  });

  it('refuses a join whose separator multiplies past the cap', () => {
    const items = `{${Array.from({ length: 1000 }, () => '1').join(',')}}`;
    const separator = `String.replace(${hundredAs}, "a", ${hundredAs})`;
    const error = errorOf(run(`String.join(${separator}, ${items})`, { ...EXPRESSION_LIMITS, maxSteps: 10_000_000 }));
    expect(error.code).toBe('EL_ARGUMENT');
  });

  it('refuses an array past the cap', () => {
    const hundred = `{${Array.from({ length: 100 }, (_, i) => i).join(',')}}`;
    const source = `Arrays.flatten(${hundred}.![${hundred}.![${hundred}]])`;
    const error = errorOf(run(source, { ...EXPRESSION_LIMITS, maxSteps: 100_000_000 }));
    expect(error.code).toBe('EL_ARGUMENT');
    expect(error.message).toContain(`more than the ${RESULT_LIMITS.maxArrayLength} allowed`);
  });

  it('refuses a concatenation past the cap', () => {
    const big = `String.replace(${hundredAs}, "a", ${hundredAs})`;
    const source = Array.from({ length: 7 }, () => big).join(' + ');
    const error = errorOf(run(source, { ...EXPRESSION_LIMITS, maxSteps: 10_000_000 }));
    expect(error.code).toBe('EL_ARGUMENT');
  });
});

describe('regular expressions cannot hang the server', () => {
  // A backtracking engine takes ~2^40 steps for this; RE2 matches in time linear in the input.
  it('answers a catastrophic pattern at once', () => {
    const subject = `${'a'.repeat(40)}!`;
    expect(run(`"${subject}" matches "(a+)+b"`)).toEqual({ ok: true, value: false });
    expect(run(`"${subject}" matches "(a|aa)*b"`)).toEqual({ ok: true, value: false });
    expect(run(`"${subject}" matches "(a+)+!"`)).toEqual({ ok: true, value: true });
  });

  it('refuses what needs backtracking (lookaround, backreferences) with a reason', () => {
    for (const pattern of ['(?<=a)b', 'a(?!b)', '(a)\\\\1']) {
      const error = errorOf(run(`"ab" matches "${pattern}"`));
      expect(error.code).toBe('EL_ARGUMENT');
      expect(error.message).toMatch(/lookaround and backreferences are not supported/);
    }
  });
});
