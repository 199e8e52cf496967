/**
 * The binary and unary operators on evaluated operands (`grammar.ts` "Semantics"): SpEL's rules
 * with JSON values. `AND`/`OR` are not here: they short-circuit, so the evaluator runs them.
 */
import type { SourceSpan } from '../../contracts/expression.js';
import type { ChainStep } from './ast.js';
import type { Budget } from './budget.js';
import { fail } from './errors.js';
import { compileJavaRegex } from './functions/regex.js';
import { javaString, typeName, valuesEqual } from './values.js';
import type { Value } from './values.js';

type Operator = Pick<ChainStep, 'op' | 'text' | 'at'>;

/** `left op right` for every binary operator but `&&`/`||`. */
export function applyOperator(operator: Operator, left: Value, right: Value, budget: Budget): Value {
  const { op, at } = operator;
  switch (op) {
    case '==':
      return valuesEqual(left, right, budget, at);
    case '!=':
      return !valuesEqual(left, right, budget, at);
    case '+':
      if (typeof left === 'number' && typeof right === 'number') return finite(operator, left + right);
      if (typeof left !== 'string' && typeof right !== 'string')
        mismatch(operator, left, right, 'adds two numbers or joins to a string');
      return budget.join([javaString(left, budget, at), javaString(right, budget, at)], '', at);
    case 'matches':
      return matches(operator, left, right, budget);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(operator, left, right);
    default:
      return arithmetic(operator, left, right);
  }
}

/** Unary `!`/`NOT` (a boolean) and `-` (a number). */
export function applyUnary(op: '!' | '-', text: string, operand: Value, at: SourceSpan): Value {
  if (op === '!') return !asBoolean(operand, `'${text}'`, at);
  if (typeof operand !== 'number') return fail('EL_TYPE', `'-' needs a number, got ${typeName(operand)}`, at);
  return operand === 0 ? 0 : -operand;
}

/** A condition: true or false, nothing else (SpEL EL1001E for null). */
export function asBoolean(value: Value, what: string, at: SourceSpan): boolean {
  if (typeof value === 'boolean') return value;
  return fail('EL_TYPE', `${what} needs true or false, got ${typeName(value)}`, at);
}

function mismatch(operator: Operator, left: Value, right: Value, needs: string): never {
  return fail('EL_TYPE', `'${operator.text}' ${needs}, got ${typeName(left)} and ${typeName(right)}`, operator.at);
}

function compare(operator: Operator, left: Value, right: Value): boolean {
  const comparable =
    (typeof left === 'number' && typeof right === 'number') || (typeof left === 'string' && typeof right === 'string');
  if (!comparable) mismatch(operator, left, right, 'compares two numbers or two strings');
  const [l, r] = [left as number | string, right as number | string];
  switch (operator.op) {
    case '<':
      return l < r;
    case '>':
      return l > r;
    case '<=':
      return l <= r;
    default:
      return l >= r;
  }
}

/** `- * / %`; `/` and `%` of two integers truncate as Java ints do. */
function arithmetic(operator: Operator, left: Value, right: Value): number {
  if (typeof left !== 'number' || typeof right !== 'number')
    return mismatch(operator, left, right, 'needs two numbers');
  switch (operator.op) {
    case '-':
      return finite(operator, left - right);
    case '*':
      return finite(operator, left * right);
    default: {
      if (right === 0) fail('EL_ARGUMENT', 'division by zero', operator.at);
      if (operator.op === '%') return finite(operator, left % right);
      const quotient = left / right;
      return finite(operator, Number.isInteger(left) && Number.isInteger(right) ? Math.trunc(quotient) : quotient);
    }
  }
}

function finite(operator: Operator, result: number): number {
  if (!Number.isFinite(result))
    fail('EL_ARGUMENT', `the result of '${operator.text}' is too large to be a number`, operator.at);
  return result === 0 ? 0 : result;
}

function matches(operator: Operator, subject: Value, pattern: Value, budget: Budget): boolean {
  if (typeof subject !== 'string' || typeof pattern !== 'string')
    return mismatch(operator, subject, pattern, 'needs a string on both sides');
  budget.tick(subject.length + pattern.length, operator.at);
  const regex = compileJavaRegex(pattern);
  if (typeof regex === 'string') fail('EL_ARGUMENT', regex, operator.at);
  return regex.test(subject);
}
