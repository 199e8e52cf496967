/**
 * POST /oauth2/{serverId}/v1/token (RFC 6749 §3.2, Okta "OpenID Connect & OAuth 2.0 API"), as a script: the protocol
 * endpoint's own steps (`protocol-endpoint.ts`: ACTIVE server, the form, the error, CORS, no-store,
 * the event) around the core steps (client authentication, browser origin, grant type, the grant,
 * policy evaluation, minting). The event carries what the steps learnt, refused or not.
 */
import type { FastifyInstance } from 'fastify';
import { endpointBase } from '../../core/org-server.js';
import { handleTokenRequest } from '../../core/protocol/token-grants/token-request.js';
import type { TokenProgress, TokenRequest } from '../../core/protocol/token-grants/types.js';
import type { HttpContext } from '../context.js';
import { namedClientId, presentedCredentials } from './presented-credentials.js';
import { registerProtocolEndpoint } from './protocol-endpoint.js';
import type { ProtocolCall } from './protocol-endpoint.js';

export async function registerTokenRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await registerProtocolEndpoint(app, ctx, {
    url: '/oauth2/:serverId/v1/token',
    kind: 'client',
    event: 'token',
    params: 'form',
    verbs: { POST: token },
  });
}

async function token(call: ProtocolCall): Promise<{ body: unknown }> {
  const { ctx, request, server, issuer, params } = call;
  const tokenRequest: TokenRequest = {
    server,
    issuer,
    endpointUrl: `${endpointBase(server, issuer)}/token`,
    params,
    credentials: presentedCredentials(request, params),
    origin: request.headers.origin,
    dpop: request.headers.dpop,
  };
  const describe = () => {
    call.client = progress.client;
    Object.assign(call.event, {
      clientId: progress.client?.clientId ?? namedClientId(tokenRequest.credentials),
      userId: progress.user?.id ?? null,
      grantType: progress.grantType ?? params['grant_type'] ?? null,
      trace: progress.trace ?? null,
      familyId: progress.familyId,
    });
  };
  // RFC 9449 §8.2: a fresh nonce once the proof's has rotated.
  const sendNonce = () => {
    if (progress.dpop?.nextNonce) void call.reply.header('dpop-nonce', progress.dpop.nextNonce);
  };
  // The event is written in the transaction that stores the tokens: an issued token always has its event.
  const progress: TokenProgress = {
    issued: (response, jtis) => {
      describe();
      sendNonce();
      call.recordAnswer(response, undefined, jtis);
    },
  };
  try {
    const body = await handleTokenRequest(ctx.services.tokenGrants, tokenRequest, progress);
    sendNonce();
    return { body };
  } finally {
    describe();
  }
}
