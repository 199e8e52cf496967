/**
 * Properties of the engine on generated input: whatever the text — random strings, soups of the
 * grammar's tokens, golden expressions with characters inserted, deleted or replaced — parsing and
 * evaluating never throw and answer `{ok: true}` with a JSON value or `{ok: false}` with a known
 * code, a span inside the source and a message naming its column; and every well-formed expression
 * printed from a random tree parses.
 */
import fc from 'fast-check';
import { assertProperty } from '../../../support/property.js';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_ERROR_CODES } from '../../../../src-main/contracts/expression.js';
import { INTERNAL_ERROR } from '../../../../src-main/core/expression/errors.js';
import { NAMESPACES } from '../../../../src-main/core/expression/functions/registry.js';
import {
  BINARY_LEVELS,
  PUNCTUATION,
  WORD_LITERALS,
  WORD_OPERATORS,
} from '../../../../src-main/core/expression/grammar.js';
import { evaluateExpression, parseExpression } from '../../../../src-main/core/expression/index.js';
import type { EvaluationResult, ParseResult } from '../../../../src-main/core/expression/index.js';
import { GOLDEN_CASES } from './golden-cases.js';
import { CONTEXTS } from './sample-context.js';

const RUNS = { numRuns: 600 };
const GOLDEN = Object.values(GOLDEN_CASES)
  .flat()
  .map((c) => c.expression);

/** An outcome is either a JSON value or a well-formed error about this source. */
function expectWellFormed(result: ParseResult | EvaluationResult, source: string): void {
  if (result.ok) {
    if ('value' in result) expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    return;
  }
  const { code, message, span } = result.error;
  expect(EXPRESSION_ERROR_CODES).toContain(code);
  expect(span.start).toBeGreaterThanOrEqual(0);
  expect(span.start).toBeLessThanOrEqual(span.end);
  expect(span.end).toBeLessThanOrEqual(source.length);
  expect(message).toContain(`at column ${span.start + 1}`);
  expect(message).not.toContain(INTERNAL_ERROR);
}

/** Parses and, when that works, evaluates with and without a user; nothing may throw. */
function expectTotal(source: string): void {
  const parsed = parseExpression(source);
  expectWellFormed(parsed, source);
  if (!parsed.ok) return;
  for (const context of [CONTEXTS.alice, CONTEXTS.clientCredentials])
    expectWellFormed(evaluateExpression(parsed.expression, context), source);
}

const FUNCTION_NAMES = [...NAMESPACES].flatMap(([namespace, functions]) =>
  [...functions.keys()].map((name) => `${namespace}.${name}`),
);
const TOKENS = [
  ...PUNCTUATION,
  ...WORD_OPERATORS.keys(),
  ...[...WORD_LITERALS.keys()].map((word) => word.toUpperCase()),
  ...FUNCTION_NAMES,
  'user',
  'appuser',
  'app',
  'org',
  'access',
  'firstName',
  'roles',
  'scope',
  'profile',
  'tier',
  'name',
  'id',
  'usr',
  'Foo',
  'getGroups',
  'getInternalProperty',
  'isMemberOfGroupName',
  'getFilteredGroups',
  '#this',
  '#',
  "'Eng'",
  '"a,b"',
  "'it''s'",
  '"\\"',
  "'",
  '"',
  "'(a+)'",
  '"group.profile.name"',
  '"OKTA"',
  '"UTC"',
  '"yyyy-MM-dd"',
  '0',
  '1',
  '42',
  '3.5',
  '1e3',
  '-1',
  ' ',
  '  ',
  '=',
  '&',
  '|',
  '\\',
];

const token = fc.constantFrom(...TOKENS);
const soup = fc.array(token, { maxLength: 25 }).chain((tokens) => fc.constantFrom(tokens.join(''), tokens.join(' ')));

/** Insert, delete or replace one character. */
const mutation = fc.tuple(
  fc.constantFrom('insert', 'delete', 'replace'),
  fc.nat(),
  fc.constantFrom(...'()[]{}.,:?!\'"+-*/%<>=&|#\\ 0a9'.split('')),
);
const mutated = fc
  .tuple(fc.constantFrom(...GOLDEN), fc.array(mutation, { minLength: 1, maxLength: 3 }))
  .map(([source, steps]) =>
    steps.reduce((text, [kind, at, ch]) => {
      const i = text.length ? at % (text.length + 1) : 0;
      if (kind === 'insert') return text.slice(0, i) + ch + text.slice(i);
      if (kind === 'delete') return text.slice(0, i) + text.slice(i + 1);
      return text.slice(0, i) + ch + text.slice(i + 1);
    }, source),
  );

/** Well-formed expressions: a small tree printed with spaces, calls of real functions at their arity. */
const { expression } = fc.letrec<{ expression: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(
    fc.integer({ min: 0, max: 1000 }).map(String),
    fc.double({ min: 0, max: 1e6, noNaN: true }).map((n) => String(n).replace('+', '')),
    fc.string({ maxLength: 8 }).map((s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`),
    fc.constantFrom(
      'true',
      'false',
      'null',
      'user.firstName',
      'user.roles',
      'user.title',
      'appuser.userName',
      'app.clientId',
      'app.profile.tier',
    ),
    fc.constantFrom(
      'org.subDomain',
      'access.scope',
      "user.getGroups({'group.profile.name': 'Eng'}).![name]",
      'user.roles.![#this]',
    ),
  ),
  expression: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    tie('leaf'),
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom(...BINARY_LEVELS.flat(), 'AND', 'or', 'matches', 'EQ'),
        tie('expression'),
      )
      .map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(fc.constantFrom('!', '-', 'NOT '), tie('expression')).map(([op, e]) => `${op}${e}`),
    fc.tuple(tie('expression'), tie('expression'), tie('expression')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(tie('expression'), tie('expression')).map(([a, b]) => `${a} ?: ${b}`),
    tie('expression').map((e) => `(${e})`),
    fc.tuple(tie('expression'), tie('expression')).map(([a, i]) => `(${a})[${i}]`),
    fc.array(tie('expression'), { maxLength: 3 }).map((items) => `{${items.join(', ')}}`),
    fc.constantFrom(...FUNCTION_NAMES).chain((name) => {
      const [namespace, fn] = name.split('.') as [string, string];
      const arity = NAMESPACES.get(namespace)!.get(fn)!.min;
      return fc
        .array(tie('expression'), { minLength: arity, maxLength: arity })
        .map((args) => `${name}(${args.join(', ')})`);
    }),
  ),
}));

describe('never throws, and every error is well formed', () => {
  it('on random strings', () => {
    assertProperty(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary-ascii', maxLength: 60 })),
        expectTotal,
      ),
      RUNS,
    );
  });

  it('on soups of the grammar’s tokens', () => {
    assertProperty(fc.property(soup, expectTotal), RUNS);
  });

  it('on golden expressions with characters inserted, deleted or replaced', () => {
    assertProperty(fc.property(mutated, expectTotal), RUNS);
  });

  it('on well-formed expressions, whatever they evaluate to', () => {
    assertProperty(fc.property(expression, expectTotal), RUNS);
  });
});

describe('well-formed expressions', () => {
  it('always parse', () => {
    assertProperty(
      fc.property(
        expression.filter((source) => source.length <= 4096),
        (source) => {
          const parsed = parseExpression(source);
          expect(parsed.ok ? 'ok' : parsed.error.message).toBe('ok');
        },
      ),
      RUNS,
    );
  });
});
