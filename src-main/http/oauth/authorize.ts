/**
 * GET and POST /oauth2/{serverId}/v1/authorize (RFC 6749 §3.1, §4.1, §4.2; OIDC Core §3; Okta
 * "OpenID Connect & OAuth 2.0 API"), as a script: the protocol endpoint's steps (`protocol-endpoint.ts`: the ACTIVE server or
 * 404, the parameters from the query, or the form for POST, each at most once; the error page; one
 * event) → the server's session from its cookie → the core steps and the answer
 * (`authorize-answer.ts`; a code alone is written in the commit of the request's event). The sign-in and consent pages post to their own routes
 * (`authorize-interaction.ts`).
 */
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { answerAuthorize } from './authorize-answer.js';
import { readCookie, SESSION_COOKIE } from './authorize-cookies.js';
import { registerInteractionRoutes } from './authorize-interaction.js';
import { registerProtocolEndpoint } from './protocol-endpoint.js';
import type { PageSent, ProtocolCall } from './protocol-endpoint.js';

export async function registerAuthorizeRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerProtocolEndpoint(app, ctx, {
    url: '/oauth2/:serverId/v1/authorize',
    kind: 'page',
    event: 'authorize',
    params: 'method',
    verbs: { GET: authorize, POST: authorize },
  });
  await registerInteractionRoutes(app, ctx);
}

function authorize(call: ProtocolCall): Promise<PageSent> {
  const { ctx, request, server, issuer, params } = call;
  const session = ctx.services.authorize.sessions.find(server.id, readCookie(request, SESSION_COOKIE));
  return answerAuthorize(call, { server, issuer, params, session });
}
