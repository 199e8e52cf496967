/**
 * The authorize endpoint as a script (RFC 6749 §4.1.1, §4.2.1; OIDC Core §3; Okta "OpenID Connect & OAuth 2.0 API"):
 * client → redirect URI (both before anything may be redirected) → parameter lengths → response type and mode →
 * nonce → PKCE → prompt and max_age → who is signed in → assigned to the app → policy evaluation
 * (once, here) → consent → code and tokens. Each step throws the OAuth error that ends the request;
 * errors after the redirect URI go back to it with `state`. The steps up to the decision are
 * synchronous and write nothing (`decideAuthorizeRequest`); issuing the response comes after
 * (`issueDecided`).
 */
import { AccessDenied, OAuthError, OKTA_TEXT } from '../oauth-errors.js';
import { decideForApp } from '../policy/decide-for-app.js';
import type { Granted } from '../policy/decide-for-app.js';
import { authenticate } from './authenticate.js';
import { checkClient, checkRedirectUri } from './check-client.js';
import { checkConsent } from './check-consent.js';
import { checkNonce, checkPkce, checkPrompt } from './check-request.js';
import { checkStoredParameters, MAX_PARAMETER_LENGTH } from './check-stored-parameters.js';
import { codeAlone, issueCodeResponse, issueResponse } from './issue-response.js';
import type { SessionRecord } from '../../ports/sessions.js';
import type { UserRecord } from '../../ports/users.js';
import { checkResponseMode, checkResponseType, grantTypeOf, lenientMode } from './response-type.js';
import { AUTHORIZE_TEXT } from './texts.js';
import type {
  AuthorizeDeps,
  AuthorizeProgress,
  AuthorizeRequest,
  AuthorizeResult,
  CheckedRequest,
  RedirectTarget,
} from './types.js';

/** Every step and the response; `decided`: the steps' decision when they already ran (a sign-in's, before its commit). */
export async function handleAuthorizeRequest(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  progress: AuthorizeProgress,
  decided: AuthorizeResult | DecidedToIssue = decideAuthorizeRequest(deps, request, progress),
): Promise<AuthorizeResult> {
  return decided.kind === 'issue' ? issueDecided(deps, request, decided, request.session!, progress) : decided;
}

/** A request whose every check passed: what issuing its response needs. */
export interface DecidedToIssue {
  kind: 'issue';
  checked: CheckedRequest;
  user: UserRecord;
  granted: Granted;
}

/**
 * Every step up to the response: the result, or the decision to issue. Synchronous, and it writes
 * nothing but the consent given on the consent page, so that a sign-in can decide once the password
 * proved good and answer in the commit that opens its session (`authorize-interaction.ts`).
 */
export function decideAuthorizeRequest(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  progress: AuthorizeProgress,
): AuthorizeResult | DecidedToIssue {
  const { params } = request;
  let target: RedirectTarget;
  try {
    const client = checkClient(deps, params);
    progress.client = client;
    // A `state` over the limit is not echoed back: the error names it instead.
    const state =
      params['state'] !== undefined && params['state'].length <= MAX_PARAMETER_LENGTH ? params['state'] : undefined;
    target = { redirectUri: checkRedirectUri(client, params), mode: lenientMode(params), state };
  } catch (error) {
    if (error instanceof OAuthError) return { kind: 'error-page', error };
    throw error;
  }
  progress.target = target;
  try {
    return decide(deps, request, target, progress);
  } catch (error) {
    return errorResponse(error, target);
  }
}

/** Issues the decided response (the code, and tokens for implicit and hybrid types) under `session`. */
async function issueDecided(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  decided: DecidedToIssue,
  session: SessionRecord,
  progress: AuthorizeProgress,
): Promise<AuthorizeResult> {
  const { checked, user, granted } = decided;
  try {
    const response = await issueResponse(deps, request, checked, { user, session }, granted, progress);
    return { kind: 'respond', target: checked.target, params: response };
  } catch (error) {
    return errorResponse(error, checked.target);
  }
}

/**
 * The decided response issued at once when it is a code alone (`codeAlone`), so that its code is
 * written in the caller's transaction; undefined when the response mints tokens (`issueDecided`).
 */
export function issueDecidedNow(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  decided: DecidedToIssue,
  session: SessionRecord,
  progress: AuthorizeProgress,
): AuthorizeResult | undefined {
  const { checked, user, granted } = decided;
  if (!codeAlone(checked)) return undefined;
  try {
    const response = issueCodeResponse(deps, request, checked, { user, session }, granted, progress);
    return { kind: 'respond', target: checked.target, params: response };
  } catch (error) {
    return errorResponse(error, checked.target);
  }
}

/** An OAuth error after the redirect URI is known goes back to it, with `state`. */
function errorResponse(error: unknown, target: RedirectTarget): AuthorizeResult {
  if (!(error instanceof OAuthError)) throw error;
  const body: Record<string, string> = { error: error.error, error_description: error.description };
  if (target.state !== undefined) body['state'] = target.state;
  return { kind: 'respond', target, params: body, error };
}

function decide(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  target: RedirectTarget,
  progress: AuthorizeProgress,
): AuthorizeResult | DecidedToIssue {
  const { params } = request;
  const client = progress.client!;
  checkStoredParameters(params);
  const responseTypes = checkResponseType(client, params);
  progress.responseType = responseTypes.join(' ');
  target.mode = checkResponseMode(params, responseTypes);
  const nonce = checkNonce(params, responseTypes);
  const pkce = checkPkce(client, params, responseTypes);
  const checked: CheckedRequest = { client, target, responseTypes, nonce, pkce, ...checkPrompt(params) };
  const login = authenticate(deps, request, checked);
  if ('signIn' in login) return { kind: 'sign-in', client, loginHint: params['login_hint'] };
  progress.user = login.user;
  checkAssignment(deps, checked, login.user.id);
  const granted = evaluate(deps, request, checked, login.user, progress);
  const consent = checkConsent(deps, request, checked, login.user, granted.scopes);
  if (consent.length) return { kind: 'consent', client, user: login.user, scopes: consent };
  return { kind: 'issue', checked, user: login.user, granted };
}

/** Okta "Application Users" and "Application Groups" APIs: a user assigned to the app neither directly nor through a group is refused. */
function checkAssignment(deps: AuthorizeDeps, checked: CheckedRequest, userId: string): void {
  if (!deps.appAssignments.isUserAssigned(checked.client.id, userId)) {
    throw new AccessDenied(
      OKTA_TEXT.notAssigned,
      `user ${userId} is assigned to the app ${checked.client.id} neither directly nor through a group`,
    );
  }
}

/**
 * Policy evaluation happens once, here (Okta "Authorization Server Rules" API), for the authorization_code grant when a
 * code is issued and implicit otherwise; an ID token needs `openid` among the granted scopes (Okta "OpenID Connect & OAuth 2.0 API").
 */
function evaluate(
  deps: AuthorizeDeps,
  request: AuthorizeRequest,
  checked: CheckedRequest,
  user: NonNullable<AuthorizeProgress['user']>,
  progress: AuthorizeProgress,
): Granted {
  const result = decideForApp(
    deps,
    request.server.id,
    checked.client,
    grantTypeOf(checked.responseTypes),
    user,
    request.params['scope'],
  );
  progress.trace = result.trace;
  if (!result.ok) throw result.error;
  if (checked.responseTypes.includes('id_token') && !result.scopes.includes('openid')) {
    throw new AccessDenied(
      AUTHORIZE_TEXT.openidRequired,
      `response_type '${checked.responseTypes.join(' ')}' returns an ID token, and openid was not granted`,
      403,
    );
  }
  return result;
}
