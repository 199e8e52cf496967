/**
 * GET and POST /oauth2/{serverId}/v1/authorize (RFC 6749 §3.1, §4.1, §4.2; OIDC Core §3; reference
 * §3–§5), as a script: find the ACTIVE server (404 otherwise) → read the parameters (query, or the
 * form for POST; each at most once) → the core steps (`handleAuthorizeRequest`) with the server's
 * session from its cookie → answer: an error page, a response in the response mode, or the
 * sign-in or consent page for a request kept server-side. Every request records one event.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { handleAuthorizeRequest } from '../../core/protocol/authorize/authorize-request.js';
import type { AuthorizeProgress, AuthorizeRequest } from '../../core/protocol/authorize/types.js';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';
import type { PendingAuthorization } from '../../core/ports/sessions.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { readCookie, SESSION_COOKIE } from './authorize-cookies.js';
import { recordAuthorizeEvent } from './authorize-event.js';
import { registerInteractionRoutes, showInteraction } from './authorize-interaction.js';
import { sendErrorPage } from './authorize-error-page.js';
import { oauthEndpoint } from './endpoint.js';
import { acceptRawBodies, parseForm } from './form.js';
import { sendAuthorizeResponse } from './response-modes.js';
import { activeServer } from './server-lookup.js';

export async function registerAuthorizeRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    const answer = (request: FastifyRequest, reply: FastifyReply) => authorize(ctx, request, reply);
    oauthEndpoint(scope, '/oauth2/:serverId/v1/authorize', { GET: answer, POST: answer });
    registerInteractionRoutes(scope, ctx);
  });
}

/** The query string's parameters (RFC 6749 §3.1: none repeated; an empty value counts as omitted). */
export function queryParams(request: FastifyRequest): Record<string, string> {
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const params: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(query)) {
    if (seen.has(name))
      throw new InvalidRequest(`The '${name}' parameter must not be repeated.`, `'${name}' appears more than once`);
    seen.add(name);
    if (value !== '') params[name] = value;
  }
  return params;
}

async function authorize(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const server = activeServer(ctx, request);
  let params: Record<string, string>;
  try {
    params = request.method === 'POST' ? parseForm(request) : queryParams(request);
  } catch (error) {
    if (!(error instanceof InvalidRequest)) throw error;
    recordAuthorizeEvent(ctx, server.id, {}, error);
    return sendErrorPage(reply, error);
  }
  const session = ctx.services.authorize.sessions.find(server.id, readCookie(request, SESSION_COOKIE));
  return continueAuthorize(
    ctx,
    request,
    reply,
    { server, issuer: issuerOf(server, ctx.origins(request)), params, session },
    undefined,
  );
}

/** Runs the core steps and answers; also how the sign-in and consent pages resume their request. */
export async function continueAuthorize(
  ctx: HttpContext,
  request: FastifyRequest,
  reply: FastifyReply,
  authorizeRequest: AuthorizeRequest,
  pending: PendingAuthorization | undefined,
): Promise<FastifyReply> {
  const progress: AuthorizeProgress = {};
  const result = await handleAuthorizeRequest(ctx.services.authorize, authorizeRequest, progress);
  const serverId = authorizeRequest.server.id;
  switch (result.kind) {
    case 'error-page':
      recordAuthorizeEvent(ctx, serverId, progress, result.error, authorizeRequest.params);
      return sendErrorPage(reply, result.error);
    case 'respond':
      if (pending) ctx.services.authorize.sessions.finish(pending);
      recordAuthorizeEvent(ctx, serverId, progress, result.error, authorizeRequest.params);
      return sendAuthorizeResponse(reply, result.target, result.params);
    default:
      recordAuthorizeEvent(
        ctx,
        serverId,
        progress,
        undefined,
        authorizeRequest.params,
        `showed the ${result.kind} page`,
      );
      return showInteraction(ctx, request, reply, authorizeRequest, result, pending);
  }
}
