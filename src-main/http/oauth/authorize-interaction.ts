/**
 * The sign-in and consent forms of an authorize request post here. Each form names the request
 * kept server-side and carries the browser's CSRF token, which must equal both the CSRF cookie and
 * the one the pending request was made with. A good password
 * (`core/protocol/sign-in.ts`) opens the server's session and resumes the request; a bad one shows
 * one generic message, whatever the reason.
 */
import type { FastifyInstance } from 'fastify';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';
import type { PendingAuthorization } from '../../core/ports/sessions.js';
import type { HttpContext } from '../context.js';
import { continueAuthorize } from './authorize-answer.js';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE } from './authorize-cookies.js';
import { describeAuthorize } from './authorize-event.js';
import { FORM_EXPIRED } from './form.js';
import { passwordSignIn } from './password-sign-in.js';
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

async function signIn(call: ProtocolCall): Promise<PageSent> {
  const { ctx, server, issuer, reply, params: form } = call;
  const pending = pendingOf(call);
  const outcome = await passwordSignIn(call, form);
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
  // Stored only if the request then waits on the consent page (`showInteraction`); answered at once, it is deleted.
  const signedIn = { ...pending, signedInUserId: outcome.user.id };
  const authorizeRequest = {
    server,
    issuer,
    params: pending.params,
    session: outcome.session,
    interaction: { signedIn: true },
  };
  return continueAuthorize(call, authorizeRequest, signedIn);
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
