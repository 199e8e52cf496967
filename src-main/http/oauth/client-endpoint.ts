/**
 * What /introspect, /revoke and /device/authorize share (RFC 7662 §2.1, RFC 7009 §2.1, reference §3): a form POST to an
 * ACTIVE server, the client authenticated as at /token, plus auth-js's `Authorization: Basic
 * base64(client_id)` with no colon for a public client (method `none`); CORS as the token endpoint
 * (`cors.ts`); `Cache-Control: no-store`; one event per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppRecord } from '../../core/ports/apps.js';
import type { PresentedCredentials } from '../../core/protocol/client-auth.js';
import { InvalidClient, OAuthError, ServerError } from '../../core/protocol/oauth-errors.js';
import type { DecisionTrace } from '../../core/protocol/trace.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { OktaHttpError } from '../okta-errors.js';
import { oauthEndpoint } from './endpoint.js';
import { acceptRawBodies, parseForm } from './form.js';
import { namedClientId, presentedCredentials } from './presented-credentials.js';
import { activeServer } from './server-lookup.js';
import { allowClientOrigin } from './cors.js';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
const INTERNAL = 'The server encountered an internal error.';

/** An authenticated request to a client endpoint. */
export interface ClientCall {
  server: AuthorizationServerRecord;
  issuer: string;
  client: AppRecord;
  params: Record<string, string>;
}

/** What the handler answers: the JSON body (none for 200 empty) and the event's detail. */
export interface ClientAnswer {
  body?: unknown;
  detail?: string;
}

/** auth-js's public-client header: Basic base64(client_id), no colon, no secret. */
function colonlessBasicClientId(authorization: string | undefined): string | undefined {
  const match = /^Basic +(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  return decoded !== '' && !decoded.includes(':') ? decoded : undefined;
}

export function clientCredentials(request: FastifyRequest, params: Record<string, string>): PresentedCredentials {
  const presented = presentedCredentials(request, params);
  const publicClientId = colonlessBasicClientId(request.headers.authorization);
  if (publicClientId === undefined) return presented;
  const body: PresentedCredentials = { ...presented };
  delete body.basic;
  // A different client_id in the body is a mismatch, refused like one in a full Basic header.
  if (body.clientId !== undefined && body.clientId !== publicClientId) return { ...body, basic: 'malformed' };
  return { ...body, clientId: publicClientId };
}

export async function registerClientEndpoint(
  app: FastifyInstance,
  ctx: HttpContext,
  name: 'introspect' | 'revoke' | 'device/authorize',
  handle: (call: ClientCall) => Promise<ClientAnswer>,
): Promise<void> {
  const url = `/oauth2/:serverId/v1/${name}`;
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    oauthEndpoint(scope, url, { POST: (request, reply) => answer(ctx, name, handle, request, reply) });
  });
}

async function answer(
  ctx: HttpContext,
  name: string,
  handle: (call: ClientCall) => Promise<ClientAnswer>,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const serverId = (request.params as { serverId: string }).serverId;
  const event = { endpoint: name, serverId, clientId: null as string | null };
  let client: AppRecord | undefined;
  void reply.headers(NO_STORE);
  try {
    const server = activeServer(ctx, request);
    const params = parseForm(request);
    const issuer = issuerOf(server, ctx.origins(request));
    const credentials = clientCredentials(request, params);
    event.clientId = namedClientId(credentials);
    client = await ctx.services.tokenGrants.clientAuth.authenticate(credentials, {
      endpointUrl: `${issuer}/v1/${name}`,
      issuer,
    });
    const result = await handle({ server, issuer, client, params });
    allowClientOrigin(reply, request.headers.origin, client);
    recordEvent(ctx, { ...event, clientId: client.clientId }, result.detail ?? null);
    return result.body === undefined ? reply.code(200).send() : reply.code(200).send(result.body);
  } catch (thrown) {
    allowClientOrigin(reply, request.headers.origin, client);
    if (thrown instanceof OktaHttpError) {
      recordEvent(ctx, event, null, { error: thrown.errorCode, description: thrown.message, detail: null });
      throw thrown;
    }
    const error =
      thrown instanceof OAuthError ? thrown : new ServerError(INTERNAL, (thrown as Error).stack ?? String(thrown));
    recordEvent(ctx, event, null, { error: error.error, description: error.description, detail: error.detail ?? null });
    if (error instanceof InvalidClient && /^Basic\b/i.test(request.headers.authorization ?? ''))
      void reply.header('www-authenticate', 'Basic realm="Authbox"');
    return reply.code(error.status).send(error.toJSON());
  }
}

interface Failure {
  error: string;
  description: string;
  detail: string | null;
}

/** One event per protocol request (issue 4 §7). */
export function recordEvent(
  ctx: HttpContext,
  event: { endpoint: string; serverId: string; clientId: string | null; userId?: string | null },
  detail: string | null,
  failure?: Failure,
  trace: DecisionTrace | null = null,
): void {
  ctx.services.events.record({
    endpoint: event.endpoint,
    serverId: event.serverId,
    clientId: event.clientId,
    userId: event.userId ?? null,
    grantType: null,
    outcome: failure ? 'failure' : 'success',
    error: failure?.error ?? null,
    errorDescription: failure?.description ?? null,
    detail: failure ? failure.detail : detail,
    trace,
  });
}
