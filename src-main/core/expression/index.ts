/**
 * The Okta Expression Language engine (Okta "Expression Language overview"; grammar and decisions in `grammar.ts`):
 * parse and name-check once, evaluate against any context. Pure, and total: every outcome,
 * including a bad expression, a failure at run time or a spent limit, is a value — never an exception.
 */
import type { SourceSpan } from '../../contracts/expression.js';
import type { Node } from './ast.js';
import { capture, expressionError } from './errors.js';
import { evaluateTree } from './evaluate.js';
import { tokenize } from './lexer.js';
import { checkNames } from './names.js';
import { parseTokens } from './parser.js';
import type {
  CompiledExpression,
  EvaluationResult,
  ExpressionContext,
  ExpressionLimits,
  ParseResult,
} from './types.js';

export type * from './types.js';

/**
 * The default limits.
 * - `maxLength` 4096: hand-written claim expressions run to a few hundred characters; this leaves
 *   room and bounds the text any regular expression or string function starts from.
 * - `maxDepth` 64: real expressions nest under ten levels; 64 keeps the parser (about a dozen
 *   frames a level) and the evaluator far inside any caller's stack. A run of one operator
 *   (`a + b + … + z`) is one level, so long concatenations are not refused.
 * - `maxSteps` 100,000: a step is a node visited or an element or character walked; a claim over a
 *   few thousand groups fits, and the worst case stays at a few milliseconds per evaluation.
 */
export const EXPRESSION_LIMITS: ExpressionLimits = Object.freeze({ maxLength: 4096, maxDepth: 64, maxSteps: 100_000 });

/** What `parseExpression` returns: the source and its tree. */
class Compiled implements CompiledExpression {
  constructor(
    readonly source: string,
    readonly root: Node,
  ) {}
}

function wholeOf(source: string): SourceSpan {
  return { start: 0, end: source.length };
}

function compile(source: string, limits: ExpressionLimits): Compiled {
  const root = parseTokens(tokenize(source), limits.maxDepth);
  checkNames(root);
  return new Compiled(source, root);
}

/**
 * Parses and name-checks `source`. Errors: EL_TOO_LONG (the span is the text past the limit),
 * EL_SYNTAX, EL_TOO_DEEP, EL_UNKNOWN_NAME, EL_UNKNOWN_FUNCTION, EL_ARITY. Never throws.
 */
export function parseExpression(source: string, limits: ExpressionLimits = EXPRESSION_LIMITS): ParseResult {
  if (typeof source !== 'string') {
    return { ok: false, error: expressionError('EL_SYNTAX', 'the expression is not text', { start: 0, end: 0 }) };
  }
  if (source.length > limits.maxLength) {
    const past = { start: limits.maxLength, end: source.length };
    return {
      ok: false,
      error: expressionError(
        'EL_TOO_LONG',
        `the expression is ${source.length} characters long, more than the ${limits.maxLength} allowed; the excess starts`,
        past,
      ),
    };
  }
  const result = capture(() => compile(source, limits), wholeOf(source));
  return result.ok ? { ok: true, expression: result.value } : result;
}

/**
 * Evaluates a parsed expression in `context`. Run-time errors: EL_TYPE, EL_ARGUMENT, EL_INDEX,
 * EL_TOO_MANY_STEPS; the span is the node that failed. Never throws. An expression that did not
 * come from `parseExpression` is parsed from its `source` first.
 */
export function evaluateExpression(
  expression: CompiledExpression,
  context: ExpressionContext,
  limits: ExpressionLimits = EXPRESSION_LIMITS,
): EvaluationResult {
  if (!(expression instanceof Compiled)) return evaluateSource(expression?.source, context, limits);
  return capture(() => evaluateTree(expression.root, context, limits.maxSteps), wholeOf(expression.source));
}

/** `parseExpression` then `evaluateExpression`: the first error of either. Never throws. */
export function evaluateSource(
  source: string,
  context: ExpressionContext,
  limits: ExpressionLimits = EXPRESSION_LIMITS,
): EvaluationResult {
  const parsed = parseExpression(source, limits);
  return parsed.ok ? evaluateExpression(parsed.expression, context, limits) : parsed;
}
