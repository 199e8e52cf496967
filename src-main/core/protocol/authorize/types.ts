/** The shapes the authorize endpoint's steps pass along (see `authorize-request.ts` for the script). */
import type { AppRecord } from '../../ports/apps.js';
import type { AppAssignments } from '../../app-assignments.js';
import type { Apps } from '../../apps.js';
import type { AuthorizationServerRecord } from '../../ports/authorization-servers.js';
import type { Clock } from '../../ports/runtime.js';
import type { ScopeRecord } from '../../ports/scopes.js';
import type { Scopes } from '../../scopes.js';
import type { UserRecord } from '../../ports/users.js';
import type { Users } from '../../users.js';
import type { AuthorizationCodes } from '../authorization-codes.js';
import type { OAuthError } from '../oauth-errors.js';
import type { SessionRecord } from '../../ports/sessions.js';
import type { Sessions } from '../sessions.js';
import type { PolicyDeps } from '../policy/decide-for-app.js';
import type { TokenFamilies } from '../token-families.js';
import type { TokenMinter } from '../tokens.js';
import type { DecisionTrace } from '../trace.js';

export const RESPONSE_MODES = ['query', 'fragment', 'form_post', 'okta_post_message'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

export interface AuthorizeDeps extends PolicyDeps {
  apps: Pick<Apps, 'byClientId'>;
  users: PolicyDeps['users'] & Pick<Users, 'find'>;
  appAssignments: Pick<AppAssignments, 'isUserAssigned' | 'appUserName'>;
  scopes: PolicyDeps['scopes'] & Pick<Scopes, 'byNames'>;
  sessions: Sessions;
  codes: AuthorizationCodes;
  tokens: TokenMinter;
  /** Access tokens minted here join a family (the code's, for hybrids) so introspection, revocation and userinfo see them. */
  tokenFamilies: Pick<TokenFamilies, 'openFamily' | 'registerAccessToken'>;
  clock: Clock;
}

/** An authorize request after the HTTP layer found its ACTIVE server and read its parameters. */
export interface AuthorizeRequest {
  server: AuthorizationServerRecord;
  issuer: string;
  params: Record<string, string>;
  /** The server's live session from the browser's cookie. */
  session: SessionRecord | undefined;
  /** What the user did on this request's sign-in and consent pages. */
  interaction?: { signedIn?: boolean; consent?: 'allow' | 'deny' };
}

/** Where a response (success or error) goes, and how. */
export interface RedirectTarget {
  redirectUri: string;
  mode: ResponseMode;
  state: string | undefined;
}

/** What the request established so far; the event log reads it whatever the outcome. */
export interface AuthorizeProgress {
  client?: AppRecord;
  user?: UserRecord;
  responseType?: string;
  trace?: DecisionTrace;
  target?: RedirectTarget;
  /** The token family the issued code or access token opened (the code's id for a code). */
  familyId?: string;
}

export type AuthorizeResult =
  /** The client or redirect URI is wrong: a 400 page, never a redirect (RFC 6749 §4.1.2.1). */
  | { kind: 'error-page'; error: OAuthError }
  /** Success or error parameters for the redirect URI in the response mode. */
  | { kind: 'respond'; target: RedirectTarget; params: Record<string, string>; error?: OAuthError }
  | { kind: 'sign-in'; client: AppRecord; loginHint: string | undefined }
  | { kind: 'consent'; client: AppRecord; user: UserRecord; scopes: ScopeRecord[] };

export type ResponseTypeName = 'code' | 'id_token' | 'token';

/** The request's checked parameters, as the later steps need them. */
export interface CheckedRequest {
  client: AppRecord;
  target: RedirectTarget;
  responseTypes: ResponseTypeName[];
  nonce: string | undefined;
  pkce: { challenge: string; method: 'S256' | 'plain' } | undefined;
  prompt: Set<string>;
  maxAge: number | undefined;
}
