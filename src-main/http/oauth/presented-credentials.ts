/**
 * Reads the client credentials a token request carries: `Authorization: Basic` (RFC 6749 §2.3.1:
 * id and secret are form-urlencoded, then joined by a colon and base64-encoded) and the body
 * members `client_id`, `client_secret`, `client_assertion`, `client_assertion_type`.
 */
import type { FastifyRequest } from 'fastify';
import type { PresentedCredentials } from '../../core/protocol/client-auth.js';

const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));

/** The Basic credentials, 'malformed' for a Basic header that is not `id:secret`, undefined without one. */
export function basicCredentials(authorization: string | undefined): PresentedCredentials['basic'] {
  const match = /^Basic +(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return /^Basic\b/i.test(authorization ?? '') ? 'malformed' : undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return 'malformed';
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}

export function presentedCredentials(request: FastifyRequest, params: Record<string, string>): PresentedCredentials {
  const basic = basicCredentials(request.headers.authorization);
  const {
    client_id: clientId,
    client_secret: clientSecret,
    client_assertion: clientAssertion,
    client_assertion_type: clientAssertionType,
  } = params;
  return {
    ...(basic !== undefined ? { basic } : {}),
    ...(clientId !== undefined ? { clientId } : {}),
    ...(clientSecret !== undefined ? { clientSecret } : {}),
    ...(clientAssertion !== undefined ? { clientAssertion } : {}),
    ...(clientAssertionType !== undefined ? { clientAssertionType } : {}),
    address: request.ip,
  };
}

/** The client id a request names, for the event log even when authentication fails. */
export function namedClientId(credentials: PresentedCredentials): string | null {
  if (credentials.basic && credentials.basic !== 'malformed') return credentials.basic.clientId;
  return credentials.clientId ?? null;
}
