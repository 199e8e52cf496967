import { describe, expect, it } from 'vitest';
import { Refused } from '../../../src-main/core/errors.js';
import { compare, compileQuery, pageAfter, sortRecords } from '../../../src-main/core/record-query.js';
import type { QuerySchema } from '../../../src-main/core/record-query.js';

interface Row {
  id: string;
  name?: string;
  tags?: string[];
  size?: number;
  flag?: boolean;
  when?: string;
}

const rows: Row[] = [
  { id: 'r1', name: 'Alice', tags: ['admin', 'dev'], size: 10, flag: true, when: '2024-01-01T00:00:00.000Z' },
  { id: 'r2', name: 'bob', tags: ['dev'], size: 2, flag: false, when: '2024-06-01T00:00:00.000Z' },
  { id: 'r3', size: 7 },
];

const schema: QuerySchema<Row> = {
  hint: 'try name',
  attribute: (path) => {
    if (path === 'when') return { kind: 'date', operators: ['eq', 'gt', 'ge', 'lt', 'le'] };
    if (path === 'name') return { kind: 'text', operators: ['eq', 'sw', 'co', 'gt', 'lt', 'pr'] };
    return ['id', 'tags', 'size', 'flag'].includes(path)
      ? { kind: 'text', operators: ['eq', 'gt', 'lt', 'pr'] }
      : undefined;
  },
  value: (row, path) => row[path as keyof Row],
};

const ids = (source: string, caseSensitive = false) =>
  rows.filter(compileQuery('search', source, schema, { caseSensitive })).map((r) => r.id);

function refusal(action: () => unknown): { code: string; summary: string; causes: string[] } {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(Refused);
    const refused = error as Refused;
    return {
      code: refused.oktaCode,
      summary: refused.message,
      causes: refused.issues.map((i) => `${i.field}: ${i.message}`),
    };
  }
  throw new Error('expected a refusal');
}

describe('compileQuery', () => {
  it('matches strings case-insensitively for search and case-sensitively for filter', () => {
    expect(ids('name eq "ALICE"')).toEqual(['r1']);
    expect(ids('name eq "ALICE"', true)).toEqual([]);
    expect(ids('name eq "Alice"', true)).toEqual(['r1']);
  });

  it('supports sw, co and string ordering', () => {
    expect(ids('name sw "al"')).toEqual(['r1']);
    expect(ids('name co "O"')).toEqual(['r2']);
    expect(ids('name gt "alz"')).toEqual(['r2']);
  });

  it('matches an array when any element matches', () => {
    expect(ids('tags eq "admin"')).toEqual(['r1']);
    expect(ids('tags eq "dev"')).toEqual(['r1', 'r2']);
  });

  it('compares numbers numerically and booleans by equality', () => {
    expect(ids('size gt 5')).toEqual(['r1', 'r3']);
    expect(ids('size lt 10')).toEqual(['r2', 'r3']);
    expect(ids('flag eq false')).toEqual(['r2']);
  });

  it('compares dates as instants, whatever their spelling', () => {
    expect(ids('when gt "2024-03-01"')).toEqual(['r2']);
    expect(ids('when eq "2024-01-01T01:00:00+01:00"')).toEqual(['r1']);
    expect(ids('when le "2024-06-01T00:00:00.000Z"')).toEqual(['r1', 'r2']);
  });

  it('treats a never-set attribute as null: only eq null and not pr match it', () => {
    expect(ids('name eq null')).toEqual(['r3']);
    expect(ids('name pr')).toEqual(['r1', 'r2']);
    expect(ids('name sw ""')).toEqual(['r1', 'r2']);
  });

  it('combines with and, or and parentheses', () => {
    expect(ids('(name eq "bob" or size eq 7) and size lt 5')).toEqual(['r2']);
    expect(ids('name eq "bob" or size eq 7 and size lt 5')).toEqual(['r2']);
  });

  it('refuses bad syntax with E0000031 naming the parameter and column', () => {
    expect(refusal(() => compileQuery('filter', 'name "x"', schema, { caseSensitive: true }))).toEqual({
      code: 'E0000031',
      summary: 'Invalid search criteria.',
      causes: ["filter: expected an operator after 'name' at column 6"],
    });
  });

  it('refuses an unknown attribute, with the schema hint', () => {
    expect(
      refusal(() => compileQuery('search', 'size eq 1 and login eq "x"', schema, { caseSensitive: false })).causes,
    ).toEqual(["search: unknown attribute 'login' at column 15 (try name)"]);
  });

  it('refuses an operator the attribute does not support', () => {
    expect(refusal(() => compileQuery('search', 'size sw "1"', schema, { caseSensitive: false })).causes).toEqual([
      "search: 'size' does not support the operator 'sw' in search (use eq, gt, lt, pr) at column 1",
    ]);
  });

  it('refuses a date attribute compared with something that is not a date', () => {
    for (const value of ['"yesterday"', '20240101', '"2024-13-45"']) {
      expect(
        refusal(() => compileQuery('search', `when gt ${value}`, schema, { caseSensitive: false })).causes,
      ).toEqual([`search: 'when' needs a quoted ISO 8601 date such as "2024-01-31T00:00:00.000Z" at column 9`]);
    }
  });
});

describe('compare', () => {
  it('never matches a missing value except with eq null', () => {
    for (const op of ['eq', 'sw', 'gt', 'lt'] as const) expect(compare(undefined, op, 'x', 'text', false)).toBe(false);
    expect(compare(undefined, 'eq', null, 'text', false)).toBe(true);
    expect(compare('x', 'eq', null, 'text', false)).toBe(false);
  });
});

describe('sortRecords', () => {
  it('sorts ascending and descending, missing values last, ties by id', () => {
    const tied = [...rows, { id: 'r0', name: 'bob' }];
    expect(sortRecords(tied, schema, 'name').map((r) => r.id)).toEqual(['r1', 'r0', 'r2', 'r3']);
    expect(sortRecords(tied, schema, 'name', 'DESC').map((r) => r.id)).toEqual(['r0', 'r2', 'r1', 'r3']);
    expect(sortRecords(rows, schema, 'size').map((r) => r.id)).toEqual(['r2', 'r3', 'r1']);
    expect(sortRecords(rows, schema, 'when', 'desc').map((r) => r.id)).toEqual(['r2', 'r1', 'r3']);
  });

  it('refuses an unknown sortBy or sortOrder with E0000031', () => {
    expect(refusal(() => sortRecords(rows, schema, 'nope')).causes).toEqual([
      "sortBy: unknown attribute 'nope' (try name)",
    ]);
    expect(refusal(() => sortRecords(rows, schema, 'name', 'up')).causes).toEqual([
      "sortOrder: must be 'asc' or 'desc'",
    ]);
  });
});

describe('pageAfter', () => {
  it('returns the records after the cursor, at most limit of them', () => {
    expect(pageAfter(rows, 2).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(pageAfter(rows, 2, 'r1').map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(pageAfter(rows, 2, 'r3')).toEqual([]);
  });

  it('returns nothing when the cursor record is gone', () => {
    expect(pageAfter(rows, 5, 'deleted')).toEqual([]);
  });
});
