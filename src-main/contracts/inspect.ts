/**
 * The Token Inspector (`POST /api/sandbox/v1/tokens/inspect`): a JWT decoded, its claims classified
 * and described, `at_hash` / `c_hash` and the nonce checked, and a signature verdict against the
 * issuing local server's keys or a pasted JWK, JWKS or PEM. The token is neither logged nor stored.
 *
 * A malformed body is 400 E0000001 naming the field; a malformed token is not a bad request: it is
 * the inspection's answer (`ok: false` with the fault).
 */
import { z } from 'zod';
import type { KeyStatus } from './authorization-server.js';
import { fieldIssues } from './authorization-server.js';
import type { ValidationResult } from './authorization-server.js';
import type { ClaimType, ClaimValueType } from './claim.js';

/** Longer than any token Authbox or Okta issues; a longer paste is refused by name, not decoded. */
export const MAX_TOKEN_LENGTH = 65_536;
/** A JWKS of a few dozen keys fits; a PEM certificate chain too. */
export const MAX_KEY_LENGTH = 65_536;

/**
 * `65536` as `65,536` (what `toLocaleString('en-US')` gives, without loading ICU's number formats
 * while this module loads: that first call costs some 20 ms of every start).
 */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const text = (field: string, max: number) =>
  z
    .string({
      error: (iss) =>
        iss.input === undefined || iss.input === null ? 'The field cannot be left blank' : `must be ${field}`,
    })
    .max(max, `must be at most ${thousands(max)} characters`);

const inspectTokenSchema = z
  .object({
    token: text('a string (the JWT)', MAX_TOKEN_LENGTH * 4),
    /** A public JWK, a JWKS or a PEM public key or certificate to verify with instead of the server's keys. */
    key: text('a string (a JWK, a JWKS or a PEM public key)', MAX_KEY_LENGTH).optional(),
    /** The access token that came with an ID token, for `at_hash`. */
    accessToken: text('a string (the access token)', MAX_TOKEN_LENGTH).optional(),
    /** The authorization code that came with an ID token, for `c_hash`. */
    code: text('a string (the authorization code)', 4096).optional(),
    /** The nonce the flow sent, to compare with the token's `nonce`. */
    nonce: text('a string (the nonce that was sent)', 4096).optional(),
  })
  .strict();

export type InspectTokenRequest = z.input<typeof inspectTokenSchema>;
export type ValidInspectTokenRequest = z.output<typeof inspectTokenSchema>;

export function validateInspectToken(body: unknown): ValidationResult<ValidInspectTokenRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  const parsed = inspectTokenSchema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: fieldIssues(parsed.error) };
}

export { inspectTokenSchema as inspectTokenInput };

/** Why a token could not be decoded. */
export type DecodeFaultCode =
  'empty' | 'too_large' | 'jwe' | 'not_three_parts' | 'bad_base64url' | 'not_utf8' | 'not_json' | 'not_object';

export interface DecodeFault {
  code: DecodeFaultCode;
  message: string;
}

/** Where a claim name comes from: RFC 7519 / 9068 / 7800, OpenID Connect Core, Okta, a scope's standard claims, or none. */
export type ClaimCategory = 'jwt' | 'oidc' | 'okta' | 'scope' | 'custom';

/** What the inspector marks a claim with; each has its own label, not only a colour. */
export type ClaimHighlight = 'nonce' | 'custom' | 'scope-derived' | 'security';

/** The claim definition on the issuing server that produced a custom claim. */
export interface ClaimDefinitionDto {
  id: string;
  serverId: string;
  name: string;
  claimType: ClaimType;
  valueType: ClaimValueType;
  /** The expression, or the group filter for GROUPS claims. */
  value: string;
  groupFilterType: string | null;
  alwaysIncludeInToken: boolean;
  /** The scopes it is included for; empty = any scope. */
  conditionScopes: string[];
  status: 'ACTIVE' | 'INACTIVE';
}

export interface InspectedClaim {
  name: string;
  value: unknown;
  category: ClaimCategory;
  /** A short description of a registered claim; null for a custom claim. */
  description: string | null;
  /** The scope whose standard claims include it (OIDC Core §5.4), for scope-derived claims. */
  scope: string | null;
  highlights: ClaimHighlight[];
  /** A NumericDate claim (`exp`, `iat`, `nbf`, `auth_time`, `updated_at`) as ISO 8601. */
  time: string | null;
  /** For a custom claim: the definition on the issuing server with that name, when there is one. */
  definition: ClaimDefinitionDto | null;
}

export type VerdictCode =
  | 'valid'
  | 'bad_signature'
  | 'unknown_kid'
  | 'alg_none'
  | 'alg_mismatch'
  | 'expired'
  | 'not_yet_valid'
  | 'unknown_issuer'
  | 'bad_key';

/** The key a verdict was reached with: one of the server's (with its state) or the pasted one. */
export interface VerdictKey {
  kid: string | null;
  source: 'server' | 'pasted';
  /** The server key's state; null for a pasted key. */
  status: KeyStatus | null;
}

export interface SignatureVerdict {
  code: VerdictCode;
  /** True only for `valid`. */
  ok: boolean;
  /** Whether the signature itself verified (true for `expired` and `not_yet_valid` too). */
  signatureValid: boolean;
  /** One line: "Signature valid", "Bad signature", "Expired 3 minutes ago", … */
  title: string;
  /** Why, in a sentence naming the key, the alg or the time. */
  reason: string;
  key: VerdictKey | null;
}

export interface HashCheck {
  claim: 'at_hash' | 'c_hash';
  /** What the token carries; null when it carries none. */
  actual: string | null;
  /** Computed from the given access token or code; null when it cannot be (see `reason`). */
  expected: string | null;
  matches: boolean;
  reason: string;
}

export interface NonceCheck {
  sent: string;
  actual: string | null;
  matches: boolean;
}

export interface InspectedServer {
  id: string;
  name: string;
  issuer: string;
}

/** `access_token` / `id_token` by Okta's `jti` prefix (`AT.` / `ID.`), else by the claims an ID token must carry. */
export type TokenKind = 'access_token' | 'id_token' | 'unknown';

export type TokenInspectionDto =
  | { ok: false; fault: DecodeFault }
  | {
      ok: true;
      header: Record<string, unknown>;
      payload: Record<string, unknown>;
      /** The signature part as it came (base64url). */
      signature: string;
      kind: TokenKind;
      claims: InspectedClaim[];
      /** The local server whose issuer is `iss`; null when none is. */
      server: InspectedServer | null;
      verdict: SignatureVerdict;
      hashes: HashCheck[];
      nonce: NonceCheck | null;
      /** The server's clock at inspection time (ISO 8601), for relative times. */
      inspectedAt: string;
    };
