/**
 * The sign-in and consent pages of an authorize request (issue 4 item 2). The request waits
 * server-side (`Sessions.begin`) under an opaque id the form carries; each form also carries the
 * browser's CSRF token, which must equal both the CSRF cookie and the one the pending request was
 * made with. A good password (`Users.checkPassword`: ACTIVE users only) opens the server's session
 * and resumes the request; a bad one shows one generic message, whatever the reason.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthorizeRequest, AuthorizeResult } from '../../core/protocol/authorize/types.js';
import { AccessDenied, InvalidRequest } from '../../core/protocol/oauth-errors.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import type { PendingAuthorization } from '../../core/ports/sessions.js';
import { SESSION_LIFETIME_MINUTES } from '../../core/protocol/sessions.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { continueAuthorize } from './authorize.js';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE, setCookie } from './authorize-cookies.js';
import { sendErrorPage } from './authorize-error-page.js';
import { recordAuthorizeEvent } from './authorize-event.js';
import { sendConsentPage } from './consent-page.js';
import { oauthEndpoint } from './endpoint.js';
import { parseForm } from './form.js';
import { sendSignInPage, SIGN_IN_FAILED } from './sign-in-page.js';
import { activeServer } from './server-lookup.js';

export const FORM_EXPIRED =
  'This sign-in form has expired or was not sent by this browser. Go back to the application and start again.';

export function registerInteractionRoutes(scope: FastifyInstance, ctx: HttpContext): void {
  oauthEndpoint(scope, '/oauth2/:serverId/v1/authorize/sign-in', {
    POST: (request, reply) => signIn(ctx, request, reply),
  });
  oauthEndpoint(scope, '/oauth2/:serverId/v1/authorize/consent', {
    POST: (request, reply) => consent(ctx, request, reply),
  });
}

/** Keeps the request (unless it already waits) and shows its sign-in or consent page. */
export function showInteraction(
  ctx: HttpContext,
  request: FastifyRequest,
  reply: FastifyReply,
  authorizeRequest: AuthorizeRequest,
  result: Extract<AuthorizeResult, { kind: 'sign-in' | 'consent' }>,
  waiting: PendingAuthorization | undefined,
): FastifyReply {
  const { sessions } = ctx.services.authorize;
  const serverId = authorizeRequest.server.id;
  let csrf = readCookie(request, CSRF_COOKIE);
  if (!csrf) {
    csrf = sessions.newCsrfToken();
    setCookie(reply, serverId, CSRF_COOKIE, csrf);
  }
  const pending = waiting ?? sessions.begin(serverId, authorizeRequest.params, csrf);
  const common = {
    serverId,
    appLabel: result.client.label,
    pendingId: pending.id,
    csrf: pending.csrf,
    redirectUri: authorizeRequest.params['redirect_uri'] ?? '',
  };
  if (result.kind === 'consent')
    return sendConsentPage(reply, { ...common, userLogin: result.user.profile.login, scopes: result.scopes });
  return sendSignInPage(reply, { ...common, username: result.loginHint });
}

/** The pending request a form names, when the form's CSRF token matches the cookie and the request. */
function pendingOf(
  ctx: HttpContext,
  request: FastifyRequest,
  server: AuthorizationServerRecord,
  form: Record<string, string>,
): PendingAuthorization | undefined {
  const cookie = readCookie(request, CSRF_COOKIE);
  const pending = ctx.services.authorize.sessions.pending(server.id, form['pending']);
  if (!pending || !cookie || form['csrf_token'] !== cookie || pending.csrf !== cookie) return undefined;
  return pending;
}

/** Reads the form and its pending request, or answers with the 400 page. */
function interactionForm(
  ctx: HttpContext,
  request: FastifyRequest,
  server: AuthorizationServerRecord,
): { form: Record<string, string>; pending: PendingAuthorization } | InvalidRequest {
  let form: Record<string, string>;
  try {
    form = parseForm(request);
  } catch (error) {
    if (error instanceof InvalidRequest) return error;
    throw error;
  }
  const pending = pendingOf(ctx, request, server, form);
  if (!pending)
    return new InvalidRequest(
      FORM_EXPIRED,
      'the form names no live pending request, or its CSRF token does not match the cookie and the request',
    );
  return { form, pending };
}

async function signIn(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const server = activeServer(ctx, request);
  const read = interactionForm(ctx, request, server);
  if (read instanceof InvalidRequest) {
    recordAuthorizeEvent(ctx, server.id, {}, read);
    return sendErrorPage(reply, read);
  }
  const { form, pending } = read;
  const { sessions } = ctx.services.authorize;
  const check = await ctx.services.users.checkPassword(form['username'] ?? '', form['password'] ?? '');
  if (!check.ok) {
    const reason = `${check.reason}: '${form['username'] ?? ''}'${check.user ? ` (${check.user.id}, ${check.user.status})` : ''}${check.note ? `; ${check.note}` : ''}`;
    recordAuthorizeEvent(
      ctx,
      server.id,
      {},
      new AccessDenied(SIGN_IN_FAILED, `sign-in refused, ${reason}`),
      pending.params,
    );
    const client = ctx.services.apps.byClientId(pending.params['client_id'] ?? '');
    return sendSignInPage(reply, {
      serverId: server.id,
      appLabel: client?.label ?? 'Authbox',
      pendingId: pending.id,
      csrf: pending.csrf,
      username: form['username'],
      failed: true,
      redirectUri: pending.params['redirect_uri'] ?? '',
    });
  }
  ctx.services.users.recordLogin(check.user.id);
  const { token, session } = sessions.open(server.id, check.user.id, ['pwd']);
  setCookie(reply, server.id, SESSION_COOKIE, token, SESSION_LIFETIME_MINUTES * 60);
  const signedIn = sessions.markSignedIn(pending, check.user.id);
  const authorizeRequest = {
    server,
    issuer: issuerOf(server, ctx.origins(request)),
    params: pending.params,
    session,
    interaction: { signedIn: true },
  };
  return continueAuthorize(ctx, request, reply, authorizeRequest, signedIn);
}

async function consent(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const server = activeServer(ctx, request);
  const read = interactionForm(ctx, request, server);
  if (read instanceof InvalidRequest) {
    recordAuthorizeEvent(ctx, server.id, {}, read);
    return sendErrorPage(reply, read);
  }
  const { form, pending } = read;
  const session = ctx.services.authorize.sessions.find(server.id, readCookie(request, SESSION_COOKIE));
  const interaction = {
    signedIn: session !== undefined && pending.signedInUserId === session.userId,
    consent: form['decision'] === 'allow' ? ('allow' as const) : ('deny' as const),
  };
  const authorizeRequest = {
    server,
    issuer: issuerOf(server, ctx.origins(request)),
    params: pending.params,
    session,
    interaction,
  };
  return continueAuthorize(ctx, request, reply, authorizeRequest, pending);
}
