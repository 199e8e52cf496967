/**
 * The requests a relying party writes: the authorize URL (RFC 6749 §4.1.1, OIDC Core §3.1.2.1, PKCE
 * RFC 7636 §4.2), the token request with its client authentication (RFC 6749 §2.3.1: Basic with the
 * form-encoded id and secret, or both in the body; `none` sends only `client_id`), and the other
 * endpoints' form posts (RFC 7662, RFC 7009, RFC 8628 §3.1).
 */
import type { RunParams, WireRequest } from '../../contracts/flow-run.js';
import type { Crypto } from '../ports/runtime.js';
import { base64url } from '../protocol/id-token.js';
import { formEncode } from './form.js';

/** The `code_challenge` for a verifier (RFC 7636 §4.2): S256 is base64url(SHA-256), plain is the verifier. */
export function codeChallenge(crypto: Pick<Crypto, 'sha256'>, verifier: string, method: 'S256' | 'plain'): string {
  return method === 'plain' ? verifier : base64url(crypto.sha256(verifier));
}

/** A 64-character verifier from the unreserved characters (RFC 7636 §4.1 allows 43–128). */
export function newCodeVerifier(crypto: Pick<Crypto, 'randomId'>): string {
  return crypto.randomId('', 64);
}

export interface AuthorizeRequest {
  authorizationEndpoint: string;
  clientId: string;
  params: RunParams;
  responseType: string;
  codeChallenge?: string | undefined;
}

/** The authorize URL with every parameter the run sets, in the order a reader expects. */
export function authorizeUrl(request: AuthorizeRequest): string {
  const { params } = request;
  const query: Record<string, string> = {
    client_id: request.clientId,
    response_type: request.responseType,
    scope: params.scopes.join(' '),
    redirect_uri: params.redirectUri,
  };
  if (params.state !== undefined) query.state = params.state;
  if (params.nonce !== undefined) query.nonce = params.nonce;
  if (params.responseMode !== undefined) query.response_mode = params.responseMode;
  if (params.prompt !== undefined) query.prompt = params.prompt;
  if (params.maxAge !== undefined) query.max_age = String(params.maxAge);
  if (params.loginHint !== undefined) query.login_hint = params.loginHint;
  if (request.codeChallenge !== undefined) {
    query.code_challenge = request.codeChallenge;
    query.code_challenge_method = params.pkceMethod ?? 'S256';
  }
  return `${request.authorizationEndpoint}?${formEncode(query)}`;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string | null;
  method: RunParams['clientAuth'];
}

/** RFC 6749 §2.3.1: the id and secret are form-encoded before they are joined for Basic. */
function basicHeader(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${base64(`${encode(clientId)}:${encode(secret)}`)}`;
}

/** Standard base64 (RFC 4648 §4) of an ASCII string: what Basic carries once the parts are form-encoded. */
function base64(ascii: string): string {
  const bytes = Uint8Array.from(ascii, (char) => char.charCodeAt(0));
  const url = base64url(bytes).replace(/-/g, '+').replace(/_/g, '/');
  return url + '='.repeat((4 - (url.length % 4)) % 4);
}

/** A form POST to an endpoint, authenticated as the client (the token, introspect, revoke and device endpoints). */
export function clientFormPost(url: string, form: Record<string, string>, client: ClientCredentials): WireRequest {
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  const body = { ...form };
  if (client.method === 'client_secret_basic' && client.clientSecret !== null) {
    headers.authorization = basicHeader(client.clientId, client.clientSecret);
  } else {
    body.client_id = client.clientId;
    if (client.method === 'client_secret_post' && client.clientSecret !== null)
      body.client_secret = client.clientSecret;
  }
  return { method: 'POST', url, headers, body: formEncode(body) };
}

/** A GET with a bearer token (UserInfo, OIDC Core §5.3.1) or none (discovery, keys). */
export function getRequest(url: string, bearer?: string): WireRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (bearer !== undefined) headers.authorization = `Bearer ${bearer}`;
  return { method: 'GET', url, headers };
}
