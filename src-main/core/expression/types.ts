/**
 * The contract of the Okta Expression Language engine (Okta "Expression Language overview"): what an evaluation can see,
 * and the results of parsing and evaluating, errors as values. The grammar is in `grammar.ts`.
 */
import type {
  ExpressionErrorCode,
  ExpressionErrorDto,
  ExpressionValue,
  SourceSpan,
} from '../../contracts/expression.js';

export type { ExpressionErrorCode, ExpressionValue, SourceSpan };

/** An expression error: a stable code, a message with the column, the span to underline. */
export type ExpressionError = ExpressionErrorDto;

/** A group the user belongs to, as `isMemberOf…`, `Groups.*` and `user.getGroups` see it. */
export interface ExpressionGroup {
  id: string;
  name: string;
  /** Okta's group types: OKTA_GROUP, APP_GROUP, BUILT_IN (Everyone). */
  type: string;
  /** `group.source.id` (the org id for Okta groups). */
  sourceId?: string;
}

/** Everything an expression can read. Attribute maps hold JSON values; a missing key is a never-set attribute (null). */
export interface ExpressionContext {
  /** The signed-in user; null without one (client credentials). */
  user: {
    id: string;
    status: string;
    profile: Readonly<Record<string, unknown>>;
    /** The user's groups in creation order (Everyone first). */
    groups: readonly ExpressionGroup[];
  } | null;
  /** The app-user profile of the calling app, `userName` included; null without a user. */
  appuser: Readonly<Record<string, unknown>> | null;
  app: { id: string; clientId: string; profile: Readonly<Record<string, unknown>> };
  org: { name: string; subDomain: string };
  /** `access.scope`: the granted scopes. */
  scopes: readonly string[];
  /** What `Time.now()` returns. */
  now: Date;
}

export interface ExpressionLimits {
  /** Characters of source. */
  maxLength: number;
  /** Nesting of the syntax tree (parentheses, calls, operators). */
  maxDepth: number;
  /** Evaluation steps (each node visited, each element a function walks). */
  maxSteps: number;
}

/** A parsed, name-checked expression, ready to evaluate any number of times. */
export interface CompiledExpression {
  readonly source: string;
}

export type ParseResult = { ok: true; expression: CompiledExpression } | { ok: false; error: ExpressionError };
export type EvaluationResult = { ok: true; value: ExpressionValue } | { ok: false; error: ExpressionError };
