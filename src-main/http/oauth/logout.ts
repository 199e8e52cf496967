/**
 * GET and POST /oauth2/{serverId}/v1/logout (OpenID Connect RP-Initiated Logout 1.0, Okta "OpenID Connect & OAuth 2.0 API",
 * @okta/okta-auth-js 8 signOut), as a script: find the ACTIVE server → read the parameters (query, or the form for
 * POST) → the core checks (`checkLogout`) → end this server's session (delete its record, clear its
 * cookie) → 302 to the logout redirect URI with `state` and `Referrer-Policy: no-referrer`, or the
 * signed-out page. A refusal is a 400 error page without a Location. One event per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkLogout } from '../../core/protocol/logout.js';
import type { HttpContext } from '../context.js';
import { readCookie, SESSION_COOKIE, setCookie } from './authorize-cookies.js';
import { sendPage } from './authorize-html.js';
import { pageSent, registerProtocolEndpoint } from './protocol-endpoint.js';
import type { PageSent, ProtocolCall } from './protocol-endpoint.js';

export async function registerLogoutRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerProtocolEndpoint(app, ctx, {
    url: '/oauth2/:serverId/v1/logout',
    kind: 'page',
    event: 'logout',
    params: 'method',
    verbs: { GET: logout, POST: logout },
  });
}

async function logout(call: ProtocolCall): Promise<PageSent> {
  const { ctx, request, reply, server, issuer, params } = call;
  const deps = { ...ctx.services.tokenLookups, apps: ctx.services.authorize.apps };
  const outcome = await checkLogout(deps, { server, issuer, params });
  const ended = endSession(ctx, request, reply, server.id);
  Object.assign(call.event, {
    clientId: outcome.client.clientId,
    userId: outcome.userId ?? null,
    note: ended ? 'ended the session' : 'no session to end',
  });
  return pageSent(
    outcome.redirectTo
      ? reply
          .code(302)
          .headers({ location: outcome.redirectTo, 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' })
          .send()
      : signedOutPage(reply),
  );
}

/** Ends the browser's session on this server (@okta/okta-auth-js 8: the next authorize asks to sign in again). */
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
