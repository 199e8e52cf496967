/**
 * POST /oauth2/{serverId}/v1/token (RFC 6749 §3.2, reference §3–§5), as a script:
 * find the ACTIVE server (404 otherwise) → parse the form → the core steps (client authentication,
 * browser origin, grant type, the grant, policy evaluation, minting) → answer. Every request,
 * refused or not, records one event with the private detail and the decision trace.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InvalidClient, OAuthError, ServerError } from '../../core/protocol/oauth-errors.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import { handleTokenRequest } from '../../core/protocol/token-grants/token-request.js';
import type { TokenProgress, TokenRequest } from '../../core/protocol/token-grants/types.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { OktaHttpError } from '../okta-errors.js';
import { oauthEndpoint } from './endpoint.js';
import { acceptRawBodies, parseForm } from './form.js';
import { namedClientId, presentedCredentials } from './presented-credentials.js';
import { activeServer } from './server-lookup.js';
import { allowClientOrigin } from './cors.js';

const URL_PATTERN = '/oauth2/:serverId/v1/token';
/** RFC 6749 §5.1: token responses, and errors, are never cached. */
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
const INTERNAL = 'The server encountered an internal error.';

/** What the event of one token request is made from. */
interface Outcome {
  serverId: string;
  request?: TokenRequest;
  progress: TokenProgress;
}

export async function registerTokenRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    oauthEndpoint(scope, URL_PATTERN, { POST: (request, reply) => token(ctx, request, reply) });
  });
}

async function token(ctx: HttpContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const outcome: Outcome = { serverId: (request.params as { serverId: string }).serverId, progress: {} };
  void reply.headers(NO_STORE);
  try {
    const server = activeServer(ctx, request);
    const params = parseForm(request);
    outcome.request = tokenRequest(ctx, request, server, params);
    const body = await handleTokenRequest(ctx.services.tokenGrants, outcome.request, outcome.progress);
    allowClientOrigin(reply, outcome.request.origin, outcome.progress.client);
    record(ctx, outcome, undefined);
    return reply.code(200).send(body);
  } catch (thrown) {
    allowClientOrigin(reply, outcome.request?.origin, outcome.progress.client);
    if (thrown instanceof OktaHttpError) {
      record(ctx, outcome, thrown);
      throw thrown;
    }
    const error =
      thrown instanceof OAuthError ? thrown : new ServerError(INTERNAL, (thrown as Error).stack ?? String(thrown));
    record(ctx, outcome, error);
    if (error instanceof InvalidClient && /^Basic\b/i.test(request.headers.authorization ?? '')) {
      void reply.header('www-authenticate', `Basic realm="${outcome.request?.issuer ?? 'Authbox'}"`);
    }
    return reply.code(error.status).send(error.toJSON());
  }
}

function tokenRequest(
  ctx: HttpContext,
  request: FastifyRequest,
  server: AuthorizationServerRecord,
  params: Record<string, string>,
): TokenRequest {
  const issuer = issuerOf(server, ctx.origins(request));
  return {
    server,
    issuer,
    endpointUrl: `${issuer}/v1/token`,
    params,
    credentials: presentedCredentials(request, params),
    origin: request.headers.origin,
  };
}

/** One event per request; the 404 of an unknown or inactive server is recorded with Okta's error code. */
function record(
  ctx: HttpContext,
  { serverId, request, progress }: Outcome,
  error: OAuthError | OktaHttpError | undefined,
): void {
  const failure =
    error instanceof OAuthError
      ? { error: error.error, errorDescription: error.description, detail: error.detail ?? null }
      : error
        ? { error: error.errorCode, errorDescription: error.message, detail: null }
        : undefined;
  ctx.services.events.record({
    endpoint: 'token',
    serverId,
    clientId: progress.client?.clientId ?? (request ? namedClientId(request.credentials) : null),
    userId: progress.user?.id ?? null,
    grantType: progress.grantType ?? request?.params['grant_type'] ?? null,
    outcome: error ? 'failure' : 'success',
    error: failure?.error ?? null,
    errorDescription: failure?.errorDescription ?? null,
    detail: failure?.detail ?? null,
    trace: progress.trace ?? null,
  });
}
