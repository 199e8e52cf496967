/**
 * GET and POST /oauth2/{serverId}/v1/logout (OpenID Connect RP-Initiated Logout 1.0, reference §3,
 * §5, §7.3), as a script: find the ACTIVE server → read the parameters (query, or the form for
 * POST) → the core checks (`checkLogout`) → end this server's session (delete its record, clear its
 * cookie) → 302 to the logout redirect URI with `state` and `Referrer-Policy: no-referrer`, or the
 * signed-out page. A refusal is a 400 error page without a Location. One event per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkLogout } from '../../core/protocol/logout.js';
import type { LogoutOutcome } from '../../core/protocol/logout.js';
import { OAuthError } from '../../core/protocol/oauth-errors.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { queryParams } from './authorize.js';
import { readCookie, SESSION_COOKIE, setCookie } from './authorize-cookies.js';
import { sendErrorPage } from './authorize-error-page.js';
import { sendPage } from './authorize-html.js';
import { oauthEndpoint } from './endpoint.js';
import { acceptRawBodies, parseForm } from './form.js';
import { activeServer } from './server-lookup.js';

export async function registerLogoutRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    const answer = (request: FastifyRequest, reply: FastifyReply) => logout(ctx, request, reply);
    oauthEndpoint(scope, '/oauth2/:serverId/v1/logout', { GET: answer, POST: answer });
  });
}

async function logout(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const server = activeServer(ctx, request);
  let params: Record<string, string> = {};
  try {
    params = request.method === 'POST' ? parseForm(request) : queryParams(request);
    const deps = { ...ctx.services.tokenLookups, apps: ctx.services.authorize.apps };
    const outcome = await checkLogout(deps, { server, issuer: issuerOf(server, ctx.origins(request)), params });
    const ended = endSession(ctx, request, reply, server.id);
    recordLogoutEvent(ctx, server.id, params, outcome, undefined, ended ? 'ended the session' : 'no session to end');
    return outcome.redirectTo
      ? reply
          .code(302)
          .headers({ location: outcome.redirectTo, 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' })
          .send()
      : signedOutPage(reply);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    recordLogoutEvent(ctx, server.id, params, undefined, error);
    return sendErrorPage(reply, error);
  }
}

/** Ends the browser's session on this server (reference §7.3: the next authorize asks to sign in again). */
function endSession(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply, serverId: string): boolean {
  const token = readCookie(request, SESSION_COOKIE);
  if (token === undefined) return false;
  const live = ctx.services.authorize.sessions.find(serverId, token) !== undefined;
  ctx.services.authorize.sessions.end(token);
  setCookie(reply, serverId, SESSION_COOKIE, '', 0);
  return live;
}

function signedOutPage(reply: FastifyReply): FastifyReply {
  return sendPage(reply, 200, {
    title: 'Signed out',
    body: '<h1>You have been signed out</h1><p>You can close this window.</p>',
  });
}

function recordLogoutEvent(
  ctx: HttpContext,
  serverId: string,
  params: Record<string, string>,
  outcome: LogoutOutcome | undefined,
  error: OAuthError | undefined,
  note?: string,
): void {
  ctx.services.events.record({
    endpoint: 'logout',
    serverId,
    clientId: outcome?.client.clientId ?? null,
    userId: outcome?.userId ?? null,
    grantType: null,
    outcome: error ? 'failure' : 'success',
    error: error?.error ?? null,
    errorDescription: error?.description ?? null,
    detail: error?.detail ?? note ?? (params['post_logout_redirect_uri'] ? 'redirected' : null),
    trace: null,
  });
}
