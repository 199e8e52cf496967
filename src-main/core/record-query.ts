/**
 * Runs Okta `filter` / `search` expressions, `sortBy` and `after` paging over records in memory.
 * In memory on purpose: a sandbox holds at most thousands of users and groups, and one evaluator
 * for every attribute (custom profile attributes, arrays, dates) is clearer than SQL per operator.
 * Each resource describes its attributes with a `QuerySchema`; an unknown attribute, an operator
 * the attribute does not support or a malformed value is Okta's 400 E0000031 naming the column.
 */
import { Refused } from './errors.js';
import { SearchSyntaxError, parseSearchExpression } from './search-expression.js';
import type { Literal, Operator, SearchExpression } from './search-expression.js';

/** `date` attributes compare as instants; `text` ones as strings, numbers or booleans as given. */
export type AttributeKind = 'text' | 'date';

export interface AttributeRule {
  kind: AttributeKind;
  operators: readonly Operator[];
}

export interface QuerySchema<T> {
  /** The rule for `path`, or undefined when the resource has no such attribute. */
  attribute(path: string): AttributeRule | undefined;
  /** What to suggest when an attribute is unknown (e.g. "profile attributes are written profile.<name>"). */
  hint?: string;
  /** The record's value at `path` (arrays match when any element does). */
  value(record: T, path: string): unknown;
}

export type QueryParameter = 'filter' | 'search';

export interface QueryOptions {
  /** Okta compares `filter` values case-sensitively and `search` values case-insensitively. */
  caseSensitive: boolean;
}

/** 400 E0000031 "Invalid search criteria." with a cause naming the parameter and the fault. */
export function invalidSearch(parameter: string, message: string): Refused {
  return new Refused('E0000031', 'Invalid search criteria.', [{ field: parameter, message }]);
}

/** Parses and checks `source` against `schema`; returns a predicate. @throws Refused (E0000031) */
export function compileQuery<T>(
  parameter: QueryParameter,
  source: string,
  schema: QuerySchema<T>,
  options: QueryOptions,
): (record: T) => boolean {
  let expression: SearchExpression;
  try {
    expression = parseSearchExpression(source);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw invalidSearch(parameter, error.message);
    throw error;
  }
  check(parameter, expression, schema);
  return (record) => evaluate(expression, record, schema, options);
}

function check<T>(parameter: QueryParameter, expression: SearchExpression, schema: QuerySchema<T>): void {
  if (expression.kind === 'and' || expression.kind === 'or') {
    check(parameter, expression.left, schema);
    check(parameter, expression.right, schema);
    return;
  }
  const { attribute, at } = expression;
  const rule = schema.attribute(attribute);
  if (!rule) {
    throw invalidSearch(
      parameter,
      `unknown attribute '${attribute}' at column ${at}${schema.hint ? ` (${schema.hint})` : ''}`,
    );
  }
  const operator = expression.kind === 'present' ? 'pr' : expression.operator;
  if (!rule.operators.includes(operator)) {
    throw invalidSearch(
      parameter,
      `'${attribute}' does not support the operator '${operator}' in ${parameter} (use ${rule.operators.join(', ')}) at column ${at}`,
    );
  }
  if (
    expression.kind === 'compare' &&
    rule.kind === 'date' &&
    !(typeof expression.value === 'string' && isDate(expression.value))
  ) {
    throw invalidSearch(
      parameter,
      `'${attribute}' needs a quoted ISO 8601 date such as "2024-01-31T00:00:00.000Z" at column ${expression.valueAt}`,
    );
  }
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value));

function evaluate<T>(expression: SearchExpression, record: T, schema: QuerySchema<T>, options: QueryOptions): boolean {
  switch (expression.kind) {
    case 'and':
      return evaluate(expression.left, record, schema, options) && evaluate(expression.right, record, schema, options);
    case 'or':
      return evaluate(expression.left, record, schema, options) || evaluate(expression.right, record, schema, options);
    case 'present':
      return present(schema.value(record, expression.attribute));
    case 'compare': {
      const kind = schema.attribute(expression.attribute)!.kind;
      const actual = schema.value(record, expression.attribute);
      const values = Array.isArray(actual) ? actual : [actual];
      return values.some((value) => compare(value, expression.operator, expression.value, kind, options.caseSensitive));
    }
  }
}

function present(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null && value !== '';
}

/** One comparison; a never-set attribute matches only `eq null`. */
export function compare(
  actual: unknown,
  operator: Operator,
  expected: Literal,
  kind: AttributeKind,
  caseSensitive: boolean,
): boolean {
  if (operator === 'pr') return present(actual);
  if (expected === null) return operator === 'eq' && (actual === undefined || actual === null);
  if (actual === undefined || actual === null) return false;
  if (typeof actual === 'boolean' || typeof expected === 'boolean') return operator === 'eq' && actual === expected;
  if (kind === 'date') return order(operator, Date.parse(String(actual)) - Date.parse(String(expected)));
  if (typeof actual === 'number' && typeof expected === 'number') return order(operator, actual - expected);
  const fold = (s: string) => (caseSensitive ? s : s.toLowerCase());
  const a = fold(typeof actual === 'string' ? actual : JSON.stringify(actual));
  const e = fold(String(expected));
  if (operator === 'sw') return a.startsWith(e);
  if (operator === 'co') return a.includes(e);
  return order(operator, a < e ? -1 : a > e ? 1 : 0);
}

function order(operator: Operator, difference: number): boolean {
  if (Number.isNaN(difference)) return false;
  switch (operator) {
    case 'eq':
      return difference === 0;
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    case 'le':
      return difference <= 0;
    default:
      return false;
  }
}

/**
 * Sorts by `sortBy` (`asc` unless `sortOrder` is `desc`); records without the attribute come last,
 * ties go by id (as Okta documents). @throws Refused (E0000031) for an unknown attribute or order
 */
export function sortRecords<T extends { id: string }>(
  records: T[],
  schema: QuerySchema<T>,
  sortBy: string,
  sortOrder = 'asc',
): T[] {
  const rule = schema.attribute(sortBy);
  if (!rule) throw invalidSearch('sortBy', `unknown attribute '${sortBy}'${schema.hint ? ` (${schema.hint})` : ''}`);
  const direction = sortOrder.toLowerCase();
  if (direction !== 'asc' && direction !== 'desc') throw invalidSearch('sortOrder', "must be 'asc' or 'desc'");
  const sign = direction === 'desc' ? -1 : 1;
  const key = (record: T) => {
    const value = schema.value(record, sortBy);
    if (value === undefined || value === null) return undefined;
    if (rule.kind === 'date') return Date.parse(String(value));
    return typeof value === 'number'
      ? value
      : (typeof value === 'string' ? value : JSON.stringify(value)).toLowerCase();
  };
  const byId = (a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return records
    .map((record) => ({ record, key: key(record) }))
    .sort((a, b) => {
      if (a.key === undefined || b.key === undefined)
        return a.key === b.key ? byId(a.record, b.record) : a.key === undefined ? 1 : -1;
      if (a.key === b.key) return byId(a.record, b.record);
      const cmp =
        typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : String(a.key) < String(b.key) ? -1 : 1;
      return sign * cmp;
    })
    .map((entry) => entry.record);
}

/** The records after the one with id `after` (none when it is gone), at most `limit` of them. */
export function pageAfter<T extends { id: string }>(records: T[], limit: number, after?: string): T[] {
  if (after === undefined) return records.slice(0, limit);
  const at = records.findIndex((r) => r.id === after);
  return at < 0 ? [] : records.slice(at + 1, at + 1 + limit);
}
