/**
 * Run-time values (JSON, `ExpressionValue`) and what the operators and functions share about them:
 * type names for messages, equality, Java's string form, Elvis emptiness, and bringing context
 * data (profiles hold `unknown`) into the language. Every walk over a value is charged to the budget.
 */
import type { ExpressionValue, SourceSpan } from '../../contracts/expression.js';
import type { Budget } from './budget.js';
import { fail } from './errors.js';

export type Value = ExpressionValue;
export type ValueObject = { [key: string]: Value };

/** Context attributes nested deeper than this are refused (profiles are flat in practice). */
const MAX_IMPORT_DEPTH = 32;

/** An object value (a map), not null or an array. */
export function isObject(value: Value | undefined): value is ValueObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** For messages: `null`, `a string`, `a number`, `a boolean`, `an array`, `an object`. */
export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Elvis `a ?: b` takes `b` when `a` is null, `""` or an empty array (Okta "Expression Language overview" "null or empty"). */
export function isAbsent(value: Value): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** `==`: by value; arrays element by element, objects key by key; different types are unequal. */
export function valuesEqual(a: Value, b: Value, budget: Budget, span: SourceSpan): boolean {
  budget.tick(1, span);
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => valuesEqual(item, b[i]!, budget, span));
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && valuesEqual(a[key]!, b[key]!, budget, span));
}

/** Java's `String.valueOf`: strings as they are, `null`, `true`, numbers as JavaScript prints them, `[a, b]`, `{k=v}`. */
export function javaString(value: Value, budget: Budget, span: SourceSpan): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return String(value);
  const parts: string[] = [];
  let length = 0;
  const push = (text: string) => {
    length += text.length;
    budget.checkLength(length, span);
    parts.push(text);
  };
  const walk = (item: Value) => {
    budget.tick(1, span);
    if (Array.isArray(item) || isObject(item)) {
      const array = Array.isArray(item);
      push(array ? '[' : '{');
      Object.entries(item).forEach(([key, inner], i) => {
        push(`${i ? ', ' : ''}${array ? '' : `${key}=`}`);
        walk(inner);
      });
      push(array ? ']' : '}');
    } else {
      push(String(item));
    }
  };
  walk(value);
  return budget.join(parts, '', span);
}

/**
 * A context attribute as a value: JSON stays, `undefined` is null (never set), a Date its ISO
 * text; anything else that JSON cannot hold is null. Copied, so an evaluation cannot change the context.
 */
export function importValue(raw: unknown, budget: Budget, span: SourceSpan, depth = 0): Value {
  budget.tick(1, span);
  if (typeof raw === 'string' || typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'object' || raw === null) return null;
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString();
  if (depth >= MAX_IMPORT_DEPTH)
    fail('EL_TYPE', `an attribute value nests deeper than ${MAX_IMPORT_DEPTH} levels`, span);
  if (Array.isArray(raw)) return raw.map((item: unknown) => importValue(item, budget, span, depth + 1));
  return Object.fromEntries(
    Object.entries(raw).map(([key, item]) => [key, importValue(item, budget, span, depth + 1)]),
  );
}

/** Reads `key` of an object value (a missing key is null). */
export function propertyOf(object: ValueObject, key: string): Value {
  return Object.hasOwn(object, key) ? object[key]! : null;
}
