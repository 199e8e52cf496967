/**
 * The SCIM-like expression language of Okta's `filter` and `search` list parameters
 * (RFC 7644 §3.4.2.2, as Okta restricts it): `profile.login eq "alice@example.com"`,
 * `status eq "ACTIVE" and (lastUpdated gt "2024-01-01T00:00:00.000Z" or profile.title pr)`.
 * A tokenizer and a recursive-descent parser; `and` binds tighter than `or`; operators and
 * keywords are case-insensitive, attribute names are not. Errors name the 1-based column.
 */

export const COMPARISON_OPERATORS = ['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le'] as const;
export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type Operator = ComparisonOperator | 'pr';

export type Literal = string | number | boolean | null;

export type SearchExpression =
  | { kind: 'and'; left: SearchExpression; right: SearchExpression }
  | { kind: 'or'; left: SearchExpression; right: SearchExpression }
  | { kind: 'compare'; attribute: string; at: number; operator: ComparisonOperator; value: Literal; valueAt: number }
  | { kind: 'present'; attribute: string; at: number };

/** A malformed expression; `column` is 1-based (the length + 1 when the text ended too early). */
export class SearchSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly column: number,
  ) {
    super(`${reason} at column ${column}`);
    this.name = 'SearchSyntaxError';
  }
}

type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'string'; value: string; text: string; at: number }
  | { type: 'number'; value: number; text: string; at: number }
  | { type: '(' | ')'; text: string; at: number };

const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
const MAX_DEPTH = 32;

/** Splits `source` into words, double-quoted strings (JSON escapes), numbers and parentheses. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    const at = i + 1;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, text: ch, at });
      i++;
    } else if (ch === '"') {
      const end = closingQuote(source, i);
      if (end < 0) throw new SearchSyntaxError("unterminated string (a '\"' is missing)", at);
      const text = source.slice(i, end + 1);
      let value: string;
      try {
        value = JSON.parse(text) as string;
      } catch {
        throw new SearchSyntaxError('invalid escape in string', at);
      }
      tokens.push({ type: 'string', value, text, at });
      i = end + 1;
    } else if (matchAt(NUMBER, source, i)) {
      const text = matchAt(NUMBER, source, i)!;
      tokens.push({ type: 'number', value: Number(text), text, at });
      i += text.length;
    } else if (matchAt(WORD, source, i)) {
      const text = matchAt(WORD, source, i)!;
      tokens.push({ type: 'word', text, at });
      i += text.length;
    } else {
      throw new SearchSyntaxError(`unexpected character '${ch}'`, at);
    }
  }
  return tokens;
}

function matchAt(pattern: RegExp, source: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(source)?.[0];
}

function closingQuote(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '"') return i;
  }
  return -1;
}

/** Parses a whole expression. @throws SearchSyntaxError */
export function parseSearchExpression(source: string): SearchExpression {
  const tokens = tokenize(source);
  if (!tokens.length)
    throw new SearchSyntaxError('expected an expression such as profile.login eq "alice@example.com"', 1);
  const parser = new Parser(tokens, source.length + 1);
  const expression = parser.or(0);
  parser.expectEnd();
  return expression;
}

const isKeyword = (token: Token | undefined, word: string) =>
  token?.type === 'word' && token.text.toLowerCase() === word;

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly endColumn: number,
  ) {}

  or(depth: number): SearchExpression {
    let left = this.and(depth);
    while (isKeyword(this.peek(), 'or')) {
      this.index++;
      left = { kind: 'or', left, right: this.and(depth) };
    }
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (!token) return;
    if (token.type === ')') throw new SearchSyntaxError("unexpected ')' without a matching '('", token.at);
    throw new SearchSyntaxError(`expected 'and' or 'or' before '${token.text}'`, token.at);
  }

  private and(depth: number): SearchExpression {
    let left = this.term(depth);
    while (isKeyword(this.peek(), 'and')) {
      this.index++;
      left = { kind: 'and', left, right: this.term(depth) };
    }
    return left;
  }

  private term(depth: number): SearchExpression {
    const token = this.peek();
    if (token?.type === '(') {
      if (depth >= MAX_DEPTH) throw new SearchSyntaxError(`parentheses nest deeper than ${MAX_DEPTH} levels`, token.at);
      this.index++;
      const inner = this.or(depth + 1);
      const close = this.peek();
      if (close?.type !== ')') {
        if (!close) throw new SearchSyntaxError("missing ')' to close the '('", token.at);
        throw new SearchSyntaxError(`expected 'and', 'or' or ')' before '${close.text}'`, close.at);
      }
      this.index++;
      return inner;
    }
    return this.comparison();
  }

  private comparison(): SearchExpression {
    const attribute = this.next();
    if (!attribute || attribute.type !== 'word' || isKeyword(attribute, 'and') || isKeyword(attribute, 'or')) {
      const found = attribute ? `, found '${attribute.text}'` : '';
      throw new SearchSyntaxError(`expected an attribute name${found}`, attribute?.at ?? this.endColumn);
    }
    const operatorToken = this.next();
    if (!operatorToken || operatorToken.type !== 'word') {
      throw new SearchSyntaxError(
        `expected an operator after '${attribute.text}'`,
        operatorToken?.at ?? this.endColumn,
      );
    }
    const operator = operatorToken.text.toLowerCase();
    if (operator === 'pr') return { kind: 'present', attribute: attribute.text, at: attribute.at };
    if (!(COMPARISON_OPERATORS as readonly string[]).includes(operator)) {
      throw new SearchSyntaxError(
        `unknown operator '${operatorToken.text}' (use eq, sw, co, gt, ge, lt, le or pr)`,
        operatorToken.at,
      );
    }
    const valueToken = this.next();
    const value = valueToken && literal(valueToken);
    if (!valueToken || value === undefined) {
      const hint = valueToken?.type === 'word' ? ' (strings need double quotes)' : '';
      throw new SearchSyntaxError(
        `expected a value after '${operatorToken.text}'${hint}`,
        valueToken?.at ?? this.endColumn,
      );
    }
    return {
      kind: 'compare',
      attribute: attribute.text,
      at: attribute.at,
      operator: operator as ComparisonOperator,
      value,
      valueAt: valueToken.at,
    };
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    return this.tokens[this.index++];
  }
}

/** A value token as a literal: strings, numbers, `true`, `false`, `null`; undefined otherwise. */
function literal(token: Token): Literal | undefined {
  if (token.type === 'string' || token.type === 'number') return token.value;
  if (token.type !== 'word') return undefined;
  const word = token.text.toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  return undefined;
}
