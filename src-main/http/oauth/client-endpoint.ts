/**
 * What /introspect, /revoke and /device/authorize share (RFC 7662 §2.1, RFC 7009 §2.1, Okta "OpenID Connect & OAuth 2.0 API"): a form POST to an
 * ACTIVE server, the client authenticated as at /token, plus auth-js's `Authorization: Basic
 * base64(client_id)` with no colon for a public client (method `none`); the rest (the error, the
 * `Basic` challenge, CORS, no-store, the event) is the protocol endpoint's (`protocol-endpoint.ts`).
 */
import { endpointBase } from '../../core/org-server.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppRecord } from '../../core/ports/apps.js';
import type { PresentedCredentials } from '../../core/protocol/client-auth.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import type { HttpContext } from '../context.js';
import { namedClientId, presentedCredentials } from './presented-credentials.js';
import { registerProtocolEndpoint } from './protocol-endpoint.js';
import type { ProtocolCall } from './protocol-endpoint.js';

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
  const steps = async (call: ProtocolCall): Promise<ClientAnswer> => {
    const { server, issuer, params } = call;
    const credentials = clientCredentials(call.request, params);
    call.event.clientId = namedClientId(credentials);
    const client = await ctx.services.tokenGrants.clientAuth.authenticate(credentials, {
      endpointUrl: `${endpointBase(server, issuer)}/${name}`,
      issuer,
    });
    call.client = client;
    call.event.clientId = client.clientId;
    const answer = await handle({ server, issuer, client, params });
    call.event.note = answer.detail ?? null;
    return { body: answer.body };
  };
  await registerProtocolEndpoint(app, ctx, {
    url: `/oauth2/:serverId/v1/${name}`,
    kind: 'client',
    event: name,
    params: 'form',
    verbs: { POST: steps },
  });
}
