/**
 * What a built-in function is (its arity and body) and what it gets when called: the evaluated
 * arguments and a `Call` to charge steps, fail with the right span and reach the context.
 * The argument readers here give every function the same messages and null rules (`grammar.ts`).
 */
import type { ExpressionErrorCode, SourceSpan } from '../../../contracts/expression.js';
import type { Budget } from '../budget.js';
import type { ExpressionContext } from '../types.js';
import { typeName } from '../values.js';
import type { Value } from '../values.js';

export interface Call {
  /** The qualified name, for messages: `String.substring`. */
  readonly name: string;
  readonly context: ExpressionContext;
  readonly budget: Budget;
  /** The span of the call's name. */
  readonly at: SourceSpan;
  /** Charges `steps` to the evaluation. */
  tick(steps: number): void;
  /** Fails the call; the span is argument `arg`'s (0-based) when given, else the function name's. */
  fail(code: ExpressionErrorCode, reason: string, arg?: number): never;
}

export interface FunctionSpec {
  readonly min: number;
  /** `Infinity` for varargs. */
  readonly max: number;
  /** After the first two arguments the rest come in pairs (`String.stringSwitch`). */
  readonly pairs?: boolean;
  /** Map literals `{'k': v}` may be arguments. */
  readonly maps?: boolean;
  readonly apply: (args: readonly Value[], call: Call) => Value;
}

/** A function of `min`…`max` arguments. */
export function fn(
  min: number,
  max: number,
  apply: FunctionSpec['apply'],
  options: Pick<FunctionSpec, 'pairs' | 'maps'> = {},
): FunctionSpec {
  return { min, max, apply, ...options };
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

function ordinal(i: number): string {
  return ORDINALS[i] ?? `argument ${i + 1}`;
}

/** EL_TYPE at argument `i`: "String.len expects a string as its first argument, got a number". */
export function wrongType(call: Call, args: readonly Value[], i: number, expected: string): never {
  return call.fail(
    'EL_TYPE',
    `${call.name} expects ${expected} as its ${ordinal(i)} argument, got ${typeName(args[i] ?? null)}`,
    i,
  );
}

/** A string or null. */
export function optionalText(call: Call, args: readonly Value[], i: number): string | null {
  const value = args[i] ?? null;
  if (value === null || typeof value === 'string') return value;
  return wrongType(call, args, i, 'a string');
}

/** A string; null reads as `""`. */
export function text(call: Call, args: readonly Value[], i: number): string {
  return optionalText(call, args, i) ?? '';
}

/** A string or a number as text (codes, timestamps); null stays null. */
export function textOrNumber(call: Call, args: readonly Value[], i: number): string | null {
  const value = args[i] ?? null;
  if (typeof value === 'number') return String(value);
  return optionalText(call, args, i);
}

/** An integer (a number with no fraction). */
export function integer(call: Call, args: readonly Value[], i: number): number {
  const value = args[i] ?? null;
  if (typeof value !== 'number') return wrongType(call, args, i, 'a number');
  if (!Number.isInteger(value))
    call.fail('EL_ARGUMENT', `${call.name} expects a whole number as its ${ordinal(i)} argument, got ${value}`, i);
  return value;
}

/** An array; a string is read as comma-separated values (`"a,b"`), null as null. */
export function optionalList(call: Call, args: readonly Value[], i: number): Value[] | null {
  const value = args[i] ?? null;
  if (value === null || Array.isArray(value)) return value;
  if (typeof value === 'string') {
    call.tick(value.length);
    return value === '' ? [] : value.split(',');
  }
  return wrongType(call, args, i, 'an array');
}

/** An array; null reads as empty. */
export function list(call: Call, args: readonly Value[], i: number): Value[] {
  return optionalList(call, args, i) ?? [];
}
