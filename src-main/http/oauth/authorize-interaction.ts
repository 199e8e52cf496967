/**
 * The sign-in and consent forms of an authorize request post here. Each form names the request
 * kept server-side and carries the browser's CSRF token, which must equal both the CSRF cookie and
 * the one the pending request was made with. A good password
 * (`core/protocol/sign-in.ts`) opens the server's session and resumes the request; a bad one shows
 * one generic message, whatever the reason.
 */
import type { FastifyInstance } from 'fastify';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';
import type { PendingAuthorization, SessionRecord } from '../../core/ports/sessions.js';
import type { UserRecord } from '../../core/ports/users.js';
import type { HttpContext } from '../context.js';
import { decideAuthorizeRequest, issueDecidedNow } from '../../core/protocol/authorize/authorize-request.js';
import type { AuthorizeProgress, AuthorizeRequest, AuthorizeResult } from '../../core/protocol/authorize/types.js';
import { codeAlone } from '../../core/protocol/authorize/issue-response.js';
import { continueAuthorize, finishOnce, recordResponse } from './authorize-answer.js';
import type { DecidedAhead } from './authorize-answer.js';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE } from './authorize-cookies.js';
import { describeAuthorize } from './authorize-event.js';
import { FORM_EXPIRED } from './form.js';
import { passwordSignIn } from './password-sign-in.js';
import type { AuthorizeResponse } from './response-modes.js';
import { pageSent, registerProtocolEndpoint } from './protocol-endpoint.js';
import type { PageSent, ProtocolCall } from './protocol-endpoint.js';
import { sendSignInPage } from './sign-in-page.js';

export async function registerInteractionRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  const form = { kind: 'page', event: 'authorize', params: 'form' } as const;
  await registerProtocolEndpoint(app, ctx, {
    ...form,
    url: '/oauth2/:serverId/v1/authorize/sign-in',
    verbs: { POST: signIn },
  });
  await registerProtocolEndpoint(app, ctx, {
    ...form,
    url: '/oauth2/:serverId/v1/authorize/consent',
    verbs: { POST: consent },
  });
}

/** The pending request the form names, when the form's CSRF token matches the cookie and the request. */
function pendingOf({ ctx, request, server, params: form }: ProtocolCall): PendingAuthorization {
  const cookie = readCookie(request, CSRF_COOKIE);
  const pending = ctx.services.authorize.sessions.pending(server.id, form['pending']);
  if (!pending || !cookie || form['csrf_token'] !== cookie || pending.csrf !== cookie) {
    throw new InvalidRequest(
      FORM_EXPIRED,
      'the form names no live pending request, or its CSRF token does not match the cookie and the request',
    );
  }
  return pending;
}

/** The kept request resumed under `session` by a user who has just signed in on its page. */
function signedInRequest(call: ProtocolCall, pending: PendingAuthorization, session: SessionRecord): AuthorizeRequest {
  const { server, issuer } = call;
  return { server, issuer, params: pending.params, session, interaction: { signedIn: true } };
}

/**
 * The request's steps for the user whose password just proved good, run before the sign-in's commit
 * so that what they decide can be answered in it (`answerInSignIn`); they see the session that
 * commit will open (`Sessions.draft`).
 */
function decideAhead(call: ProtocolCall, pending: PendingAuthorization, user: UserRecord): DecidedAhead {
  const { authorize } = call.ctx.services;
  const request = signedInRequest(call, pending, authorize.sessions.draft(call.server.id, user.id, ['pwd']));
  const progress: AuthorizeProgress = {};
  return { decided: decideAuthorizeRequest(authorize, request, progress), progress };
}

/**
 * In the sign-in's commit (the last login and the session), when the decided answer is a code alone
 * or an error for the redirect URI: the kept request ended, the code issued and the request's event
 * recorded, so a good password writes once, before the answer is sent. A kept request already ended
 * (the form sent twice, both checked before either committed) rolls the commit back: one request is
 * answered once.
 */
function answerInSignIn(
  call: ProtocolCall,
  pending: PendingAuthorization,
  ahead: DecidedAhead | undefined,
  session: SessionRecord,
): AuthorizeResponse | undefined {
  const decided = ahead?.decided;
  if (!decided || ahead.progress.user?.id !== session.userId) return undefined;
  const { authorize } = call.ctx.services;
  let result: AuthorizeResult | undefined;
  if (decided.kind === 'respond') result = finishOnce(call, pending) && decided;
  else if (decided.kind === 'issue' && codeAlone(decided.checked)) {
    finishOnce(call, pending);
    result = issueDecidedNow(authorize, signedInRequest(call, pending, session), decided, session, ahead.progress);
  }
  return result && recordResponse(call, result, ahead.progress, pending.params);
}

async function signIn(call: ProtocolCall): Promise<PageSent> {
  const { ctx, server, reply, params: form } = call;
  const pending = pendingOf(call);
  let ahead: DecidedAhead | undefined;
  const outcome = await passwordSignIn(call, form, {
    checked: (user) => (ahead = decideAhead(call, pending, user)),
    inCommit: (_user, session) => answerInSignIn(call, pending, ahead, session),
  });
  if (!outcome.ok) {
    describeAuthorize(call.event, {}, pending.params);
    call.event.error = outcome.error;
    const client = ctx.services.apps.byClientId(pending.params['client_id'] ?? '');
    return pageSent(
      sendSignInPage(reply, {
        serverId: server.id,
        appLabel: client?.label ?? 'Authbox',
        pendingId: pending.id,
        csrf: pending.csrf,
        username: form['username'],
        failed: true,
        retryAfterSeconds: outcome.error.retryAfterSeconds,
        redirectUri: pending.params['redirect_uri'] ?? '',
      }),
    );
  }
  // Answered in the sign-in's commit, which ended the kept request and recorded the event too.
  if (outcome.committed) return pageSent(outcome.committed.send(reply));
  const authorizeRequest = signedInRequest(call, pending, outcome.session);
  // Stored only if the request then waits on the consent page (`showInteraction`); answered at once, it is deleted.
  const signedIn = { ...pending, signedInUserId: outcome.user.id };
  return continueAuthorize(call, authorizeRequest, signedIn, ahead);
}

function consent(call: ProtocolCall): Promise<PageSent> {
  const { ctx, request, server, issuer, params: form } = call;
  const pending = pendingOf(call);
  const session = ctx.services.authorize.sessions.find(server.id, readCookie(request, SESSION_COOKIE));
  const interaction = {
    signedIn: session !== undefined && pending.signedInUserId === session.userId,
    consent: form['decision'] === 'allow' ? ('allow' as const) : ('deny' as const),
  };
  const authorizeRequest = { server, issuer, params: pending.params, session, interaction };
  return continueAuthorize(call, authorizeRequest, pending);
}
