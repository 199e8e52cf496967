/**
 * The sandbox API's previews (DESIGN.md "expression evaluation"): what an expression gives, and what
 * a server's tokens would carry, for a chosen user, app and scope set — computed by the same code
 * as real issuance, without signing or storing anything.
 *
 * - `POST /api/sandbox/v1/expressions/check` — body `{expression}` → 200 `ExpressionCheckDto` (parses and
 *   name-checks, as saving a claim does; no user or app needed)
 * - `POST /api/sandbox/v1/expressions/evaluate` — body `ExpressionPreviewRequest` → 200 `ExpressionPreviewDto`
 * - `POST /api/sandbox/v1/authorizationServers/{serverId}/claims/preview` — body `ClaimsPreviewRequest`
 *   → 200 `ClaimsPreviewDto`
 *
 * An unknown user, app or server is 404 E0000007; a malformed body is 400 E0000001 naming the field.
 * A broken expression or a claim failing at run time is not a bad request: it is the preview's answer.
 */
import { z } from 'zod';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';
import type { ExpressionErrorDto, ExpressionValue } from './expression.js';
import { GRANT_TYPES } from './app.js';
import type { GrantType } from './app.js';
import type { ClaimTrace, DecisionTrace } from './trace.js';

export interface PreviewSubject {
  /** The user the tokens are for; null or absent = no user (as under client credentials). */
  userId?: string | null;
  /** The calling app (its `id`). */
  appId: string;
  /** The granted scopes (`access.scope`). */
  scopes: string[];
}

export interface ExpressionPreviewRequest extends PreviewSubject {
  expression: string;
}

export type ExpressionCheckDto = { ok: true } | { ok: false; error: ExpressionErrorDto };

export type ExpressionPreviewDto = { ok: true; value: ExpressionValue } | { ok: false; error: ExpressionErrorDto };

export interface ClaimsPreviewRequest extends PreviewSubject {
  /**
   * When given, the server's access policies decide as for a token request of this grant type: the
   * app must be registered for it and the user assigned to the app, `scopes` are the requested ones
   * (empty = the server's defaults), and the matched rule's scopes and access-token lifetime apply.
   * Without it, `scopes` are taken as granted and the lifetime is 60 minutes.
   */
  grantType?: PreviewGrantType;
}

/**
 * The grants a preview can stand for: the ones that start a grant. A refresh keeps the decision of
 * the grant it came from (Okta "Authorization Server Rules" API), so previewing "refresh_token" would decide nothing new.
 */
export const PREVIEW_GRANT_TYPES = GRANT_TYPES.filter(
  (g): g is Exclude<GrantType, 'refresh_token'> => g !== 'refresh_token',
);
export type PreviewGrantType = (typeof PREVIEW_GRANT_TYPES)[number];

/** A JWT payload as it would be signed. */
export type TokenPayload = Record<string, unknown>;

export type ClaimsPreviewDto =
  | {
      ok: true;
      accessToken: TokenPayload;
      /** The ID token minted with an access token (code flow): thin. Null without a user or without `openid`. */
      idToken: TokenPayload | null;
      /** The ID token of `response_type=id_token` alone: every claim of the scopes. Null as above. */
      idTokenFull: TokenPayload | null;
      /** What `/userinfo` would answer. Null as above. */
      userinfo: TokenPayload | null;
      /** Where each claim came from, or why it was left out. */
      trace: ClaimTrace[];
      /** The policy decision (with `grantType`): which policy and rule matched, the scopes, the lifetimes. */
      decision?: DecisionTrace;
    }
  | {
      ok: false;
      /** The OAuth error a token request would get, and the private detail the event log keeps. */
      error: { error: string; error_description: string; detail: string };
      trace: ClaimTrace[];
      decision?: DecisionTrace;
    };

const text = (what: string) =>
  z.string({
    error: (iss) =>
      iss.input === undefined || iss.input === null ? 'The field cannot be left blank' : `must be ${what}`,
  });

const previewSubject = z.object({
  userId: text('a user id')
    .min(1, 'must be a user id, or null for no user')
    .nullish()
    .transform((v) => v ?? null),
  appId: text('an app id').min(1, 'The field cannot be left blank'),
  scopes: z
    .array(z.string({ error: 'must be an array of scope names' }), { error: 'must be an array of scope names' })
    .transform((s) => [...new Set(s)]),
});

const expressionPreview = previewSubject.extend({ expression: text('a string') });

const USER_GRANTS: readonly string[] = PREVIEW_GRANT_TYPES.filter((g) => g !== 'client_credentials');

const claimsPreview = previewSubject
  .extend({
    grantType: z.enum(PREVIEW_GRANT_TYPES, { error: `must be one of ${PREVIEW_GRANT_TYPES.join(', ')}` }).optional(),
  })
  .superRefine((request, ctx) => {
    if (request.grantType === 'client_credentials' && request.userId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: 'must be left out for client_credentials (its tokens have no user)',
      });
    } else if (request.grantType && USER_GRANTS.includes(request.grantType) && request.userId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['userId'],
        message: `is required for ${request.grantType} (its tokens are for a user)`,
      });
    }
  });

export interface ValidPreviewSubject {
  userId: string | null;
  appId: string;
  scopes: string[];
}

export interface ValidClaimsPreview extends ValidPreviewSubject {
  grantType?: PreviewGrantType | undefined;
}

function validate<T>(schema: z.ZodType<T>, body: unknown): ValidationResult<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}

const expressionCheck = z.object({ expression: text('a string') });

export const validateClaimsPreview = (body: unknown): ValidationResult<ValidClaimsPreview> =>
  validate(claimsPreview, body);
export const validateExpressionCheck = (body: unknown): ValidationResult<{ expression: string }> =>
  validate(expressionCheck, body);
export const validateExpressionPreview = (
  body: unknown,
): ValidationResult<ValidPreviewSubject & { expression: string }> => validate(expressionPreview, body);

/** The body schemas of the three previews, for the route map. */
export {
  claimsPreview as claimsPreviewInput,
  expressionCheck as expressionCheckInput,
  expressionPreview as expressionPreviewInput,
};
