/**
 * How an authorize request is answered once its parameters are known, whether it just came in or
 * resumes from the sign-in or consent page: the core steps (`handleAuthorizeRequest`) → the error
 * page, a response in the response mode, or the sign-in or consent page for a request kept
 * server-side (`Sessions.begin`) under an opaque id its form carries, with the browser's CSRF token.
 */
import {
  decideAuthorizeRequest,
  handleAuthorizeRequest,
  issueDecidedNow,
} from '../../core/protocol/authorize/authorize-request.js';
import { codeAlone } from '../../core/protocol/authorize/issue-response.js';
import type { DecidedToIssue } from '../../core/protocol/authorize/authorize-request.js';
import type { AuthorizeProgress, AuthorizeRequest, AuthorizeResult } from '../../core/protocol/authorize/types.js';
import type { PendingAuthorization } from '../../core/ports/sessions.js';
import { CSRF_COOKIE, readCookie, setCookie } from './authorize-cookies.js';
import { describeAuthorize } from './authorize-event.js';
import { sendConsentPage } from './consent-page.js';
import { pageSent } from './protocol-endpoint.js';
import type { PageSent, ProtocolCall } from './protocol-endpoint.js';
import { authorizeResponse, sendAuthorizeResponse } from './response-modes.js';
import type { AuthorizeResponse } from './response-modes.js';
import { sendSignInPage } from './sign-in-page.js';
import { FORM_EXPIRED } from './form.js';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';

/** A decision made ahead for the request (a sign-in's, before its commit), with what its steps learnt. */
export interface DecidedAhead {
  decided: AuthorizeResult | DecidedToIssue;
  progress: AuthorizeProgress;
}

/**
 * Runs the core steps and answers; `pending` is the kept request a sign-in or consent form resumes.
 * With `ahead`, the steps already ran for the request's user: only the response is issued, under
 * the request's session.
 */
export async function continueAuthorize(
  call: ProtocolCall,
  authorizeRequest: AuthorizeRequest,
  pending: PendingAuthorization | undefined,
  ahead?: DecidedAhead,
): Promise<PageSent> {
  const progress: AuthorizeProgress = ahead?.progress ?? {};
  try {
    const deps = call.ctx.services.authorize;
    const result = await handleAuthorizeRequest(deps, authorizeRequest, progress, ahead?.decided);
    switch (result.kind) {
      case 'error-page':
        throw result.error;
      case 'respond':
        if (pending) finishOnce(call, pending);
        call.event.error = result.error;
        call.event.issued = result.params;
        return pageSent(sendAuthorizeResponse(call.reply, result.target, result.params));
      default:
        call.event.note = `showed the ${result.kind} page`;
        return showInteraction(call, authorizeRequest, result, pending, progress);
    }
  } finally {
    describeAuthorize(call.event, progress, authorizeRequest.params);
  }
}

/**
 * An authorize request that came in: its steps, then, when they decide on a code alone for the
 * request's session, the code and the request's event written in one commit before the answer is
 * sent (a code is never stored without its event, nor an event without its code; a failed write
 * leaves neither and answers with the error page). Anything else as `continueAuthorize`.
 */
export function answerAuthorize(call: ProtocolCall, authorizeRequest: AuthorizeRequest): Promise<PageSent> {
  const { authorize, tx } = call.ctx.services;
  const progress: AuthorizeProgress = {};
  const { session } = authorizeRequest;
  try {
    const decided = decideAuthorizeRequest(authorize, authorizeRequest, progress);
    if (decided.kind !== 'issue' || !codeAlone(decided.checked) || !session) {
      return continueAuthorize(call, authorizeRequest, undefined, { decided, progress });
    }
    const response = tx.run(() => {
      const result = issueDecidedNow(authorize, authorizeRequest, decided, session, progress)!;
      return recordResponse(call, result, progress, authorizeRequest.params);
    });
    return Promise.resolve(pageSent(response.send(call.reply)));
  } finally {
    describeAuthorize(call.event, progress, authorizeRequest.params);
  }
}

/**
 * Records the request's event as answered with `result` (an answer to the redirect URI), in the
 * caller's transaction; returns the response, to be sent once that transaction committed.
 */
export function recordResponse(
  call: ProtocolCall,
  result: AuthorizeResult,
  progress: AuthorizeProgress,
  params: Record<string, string>,
): AuthorizeResponse {
  if (result.kind !== 'respond') throw new Error(`an authorize answer of kind ${result.kind} is not a response`);
  call.event.error = result.error;
  call.event.issued = result.params;
  describeAuthorize(call.event, progress, params);
  const response = authorizeResponse(result.target, result.params);
  call.recordAnswer(null, response);
  return response;
}

/** Ends the kept request as it is answered; one already ended (its form sent twice) is refused. */
export function finishOnce(call: ProtocolCall, pending: PendingAuthorization): true {
  if (!call.ctx.services.authorize.sessions.finish(pending)) {
    throw new InvalidRequest(FORM_EXPIRED, 'the kept request was answered already: its form was sent twice');
  }
  return true;
}

/**
 * Keeps the request (unless it already waits) and shows its sign-in or consent page; the kept
 * request and the event that showed it are written in one commit, before the page is sent.
 */
function showInteraction(
  call: ProtocolCall,
  authorizeRequest: AuthorizeRequest,
  result: Extract<AuthorizeResult, { kind: 'sign-in' | 'consent' }>,
  waiting: PendingAuthorization | undefined,
  progress: AuthorizeProgress,
): PageSent {
  const { ctx, request, reply } = call;
  const { sessions } = ctx.services.authorize;
  const serverId = authorizeRequest.server.id;
  let csrf = readCookie(request, CSRF_COOKIE);
  if (!csrf) {
    csrf = sessions.newCsrfToken();
    setCookie(reply, serverId, CSRF_COOKIE, csrf);
  }
  const pending = ctx.services.tx.run(() => {
    if (waiting?.signedInUserId) sessions.saveSignedIn(waiting);
    const kept = waiting ?? sessions.begin(serverId, authorizeRequest.params, csrf);
    describeAuthorize(call.event, progress, authorizeRequest.params);
    // Both pages are sent with 200 (`sendSignInPage` without a failure, `sendConsentPage`).
    call.recordAnswer(null, { status: 200 });
    return kept;
  });
  const common = {
    serverId,
    appLabel: result.client.label,
    pendingId: pending.id,
    csrf: pending.csrf,
    redirectUri: authorizeRequest.params['redirect_uri'] ?? '',
  };
  if (result.kind === 'consent')
    return pageSent(sendConsentPage(reply, { ...common, userLogin: result.user.profile.login, scopes: result.scopes }));
  ctx.services.users.expectSignIn();
  return pageSent(sendSignInPage(reply, { ...common, username: result.loginHint }));
}
