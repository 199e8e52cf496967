/**
 * Splits an expression into tokens (grammar in `grammar.ts`): numbers, strings, words (names and
 * case-insensitive keywords), `#this` and punctuation. Iterative, so no input can exhaust the stack.
 */
import type { SourceSpan } from '../../contracts/expression.js';
import { fail } from './errors.js';
import { PUNCTUATION, WORD_LITERALS, WORD_OPERATORS } from './grammar.js';

export interface Token extends SourceSpan {
  kind: 'literal' | 'name' | 'this' | 'operator' | 'end';
  /** The source text. */
  text: string;
  /** For operators, the symbolic form (`&&` for `and`); otherwise `''`. */
  op: string;
  /** For literals, the value. */
  value?: string | number | boolean | null;
  /** Shaped like a name (names and keywords): usable as a member name after `.`. */
  word: boolean;
}

const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SPACE = /\s/;
const HINTS: Readonly<Record<string, string>> = { '=': 'use == to compare', '&': 'use && or AND', '|': 'use || or OR' };

/** The tokens of `source`, ending with an `end` token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    const token = readToken(source, i);
    tokens.push(token);
    i = token.end;
  }
  tokens.push({ kind: 'end', text: '', op: '', word: false, start: source.length, end: source.length });
  return tokens;
}

function readToken(source: string, start: number): Token {
  const ch = source[start]!;
  if (ch === "'" || ch === '"') return readString(source, start);
  const number = matchAt(NUMBER, source, start);
  if (number) {
    const value = Number(number);
    const span = { start, end: start + number.length };
    if (!Number.isFinite(value)) fail('EL_SYNTAX', `number ${number} is too large`, span);
    return { kind: 'literal', text: number, op: '', value, word: false, ...span };
  }
  const word = matchAt(WORD, source, start);
  if (word) return wordToken(word, start);
  if (source.startsWith('#this', start) && !matchAt(/[A-Za-z0-9_$]/y, source, start + 5)) {
    return { kind: 'this', text: '#this', op: '', word: false, start, end: start + 5 };
  }
  const punctuation = PUNCTUATION.find((p) => source.startsWith(p, start));
  if (punctuation)
    return {
      kind: 'operator',
      text: punctuation,
      op: punctuation,
      word: false,
      start,
      end: start + punctuation.length,
    };
  return fail('EL_SYNTAX', `unexpected character '${ch}'`, { start, end: start + 1 }, HINTS[ch]);
}

function wordToken(text: string, start: number): Token {
  const span = { start, end: start + text.length };
  const lower = text.toLowerCase();
  const op = WORD_OPERATORS.get(lower);
  if (op) return { kind: 'operator', text, op, word: true, ...span };
  const literal = WORD_LITERALS.get(lower);
  if (literal !== undefined) return { kind: 'literal', text, op: '', value: literal, word: true, ...span };
  return { kind: 'name', text, op: '', word: true, ...span };
}

/** A quoted string: `\'`, `\"`, `\\` escape; a doubled quote is one quote; other backslashes stay. */
function readString(source: string, start: number): Token {
  const quote = source[start]!;
  const parts: string[] = [];
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === quote && next !== quote) {
      const end = i + 1;
      return {
        kind: 'literal',
        text: source.slice(start, end),
        op: '',
        value: parts.join(''),
        word: false,
        start,
        end,
      };
    }
    if (ch === quote || (ch === '\\' && (next === "'" || next === '"' || next === '\\'))) {
      parts.push(next!);
      i += 2;
    } else {
      parts.push(ch);
      i++;
    }
  }
  return fail(
    'EL_SYNTAX',
    'unterminated string starting',
    { start, end: source.length },
    `a closing ${quote} is missing`,
  );
}

function matchAt(pattern: RegExp, source: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(source)?.[0];
}
