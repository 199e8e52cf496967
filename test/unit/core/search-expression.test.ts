import { describe, expect, it } from 'vitest';
import { SearchSyntaxError, parseSearchExpression, tokenize } from '../../../src-main/core/search-expression.js';

/** Parses, or returns the error as `message` so failures read as data. */
function errorOf(source: string): string {
  try {
    parseSearchExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(SearchSyntaxError);
    return (error as Error).message;
  }
  throw new Error(`expected '${source}' to be refused`);
}

describe('tokenize', () => {
  it('splits words, strings, numbers and parentheses with their 1-based columns', () => {
    expect(tokenize('(status eq "A b") and n ge -1.5').map((t) => [t.type, t.text, t.at])).toEqual([
      ['(', '(', 1],
      ['word', 'status', 2],
      ['word', 'eq', 9],
      ['string', '"A b"', 12],
      [')', ')', 17],
      ['word', 'and', 19],
      ['word', 'n', 23],
      ['word', 'ge', 25],
      ['number', '-1.5', 28],
    ]);
  });

  it('decodes JSON escapes in strings', () => {
    const [token] = tokenize('"say \\"hi\\" \\\\ \\u00e9"');
    expect(token).toMatchObject({ type: 'string', value: 'say "hi" \\ é' });
  });
});

describe('parseSearchExpression', () => {
  it('parses a comparison', () => {
    expect(parseSearchExpression('profile.login eq "alice@example.com"')).toEqual({
      kind: 'compare',
      attribute: 'profile.login',
      at: 1,
      operator: 'eq',
      value: 'alice@example.com',
      valueAt: 18,
    });
  });

  it('reads operators and keywords in any case, attribute names as written', () => {
    const expression = parseSearchExpression('profile.firstName SW "Al" AND status Eq "ACTIVE"');
    expect(expression).toMatchObject({
      kind: 'and',
      left: { attribute: 'profile.firstName', operator: 'sw' },
      right: { attribute: 'status', operator: 'eq' },
    });
  });

  it('binds and tighter than or', () => {
    expect(parseSearchExpression('a eq 1 or b eq 2 and c eq 3')).toMatchObject({
      kind: 'or',
      left: { attribute: 'a' },
      right: { kind: 'and', left: { attribute: 'b' }, right: { attribute: 'c' } },
    });
  });

  it('lets parentheses override precedence', () => {
    expect(parseSearchExpression('(a eq 1 or b eq 2) and c eq 3')).toMatchObject({
      kind: 'and',
      left: { kind: 'or' },
      right: { attribute: 'c' },
    });
  });

  it('reads numbers, true, false and null literals', () => {
    const values = ['n eq 42', 'n eq -0.5', 'b eq true', 'b eq FALSE', 'x eq null'].map((s) =>
      parseSearchExpression(s),
    );
    expect(values.map((v) => (v.kind === 'compare' ? v.value : undefined))).toEqual([42, -0.5, true, false, null]);
  });

  it('parses pr as a unary presence test', () => {
    expect(parseSearchExpression('profile.title pr')).toEqual({ kind: 'present', attribute: 'profile.title', at: 1 });
  });

  it.each([
    ['', 'expected an expression such as profile.login eq "alice@example.com" at column 1'],
    ['   ', 'expected an expression such as profile.login eq "alice@example.com" at column 1'],
    ['profile.login "alice@example.com"', "expected an operator after 'profile.login' at column 15"],
    ['profile.login', "expected an operator after 'profile.login' at column 14"],
    ['profile.login is "x"', "unknown operator 'is' (use eq, sw, co, gt, ge, lt, le or pr) at column 15"],
    ['profile.login eq', "expected a value after 'eq' at column 17"],
    ['profile.login eq alice', "expected a value after 'eq' (strings need double quotes) at column 18"],
    ['profile.login eq "alice', "unterminated string (a '\"' is missing) at column 18"],
    ['status eq "A" status eq "B"', "expected 'and' or 'or' before 'status' at column 15"],
    ['status eq "A" and', 'expected an attribute name at column 18'],
    ['and status eq "A"', "expected an attribute name, found 'and' at column 1"],
    ['(status eq "A"', "missing ')' to close the '(' at column 1"],
    ['a eq 1 and (b eq 2 or (c eq 3)', "missing ')' to close the '(' at column 12"],
    ['status eq "A")', "unexpected ')' without a matching '(' at column 14"],
    ['(status eq "A" "B")', "expected 'and', 'or' or ')' before '\"B\"' at column 16"],
    ['status eq "A" & id eq "x"', "unexpected character '&' at column 15"],
    ['"status" eq "A"', 'expected an attribute name, found \'"status"\' at column 1'],
    ['x eq "\\q"', 'invalid escape in string at column 6'],
  ])('refuses %j: %s', (source, message) => {
    expect(errorOf(source)).toBe(message);
  });

  it('refuses parentheses nested deeper than 32 levels', () => {
    const deep = `${'('.repeat(33)}a eq 1${')'.repeat(33)}`;
    expect(errorOf(deep)).toBe('parentheses nest deeper than 32 levels at column 33');
    expect(() => parseSearchExpression(`${'('.repeat(32)}a eq 1${')'.repeat(32)}`)).not.toThrow();
  });
});
