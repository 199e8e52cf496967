// The reference of `npm run bench`: the least an authorization server can do, node:http and node:crypto
// only. It checks a client secret (HTTP Basic, constant-time), signs an RS256 access token with a
// 2048-bit key whose claims have the names and sizes of an Authbox client_credentials token, and serves
// a discovery document and a JWKS built per request. No storage, no policy, no event log: the ratio of
// Authbox to this is what those cost. Prints `listening on http://127.0.0.1:<port>` when ready.
import { createHash, generateKeyPairSync, randomBytes, sign, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { REFERENCE_CLIENT } from './bench-support.mjs';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = publicKey.export({ format: 'jwk' });
const kid = createHash('sha256')
  .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
  .digest('base64url');
const expected = Buffer.from(`${REFERENCE_CLIENT.id}:${REFERENCE_CLIENT.secret}`);
const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

function tokenFor(issuer, scopes) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    ver: 1,
    jti: `AT.${randomBytes(32).toString('base64url')}`,
    iss: issuer,
    aud: 'api://bench',
    iat: now,
    exp: now + 3600,
    cid: REFERENCE_CLIENT.id,
    scp: scopes,
    sub: REFERENCE_CLIENT.id,
  };
  const input = `${b64({ kid, alg: 'RS256' })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}

function authenticated(header) {
  if (!header?.startsWith('Basic ')) return false;
  const presented = Buffer.from(header.slice(6), 'base64');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

function discovery(issuer) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/v1/authorize`,
    token_endpoint: `${issuer}/v1/token`,
    userinfo_endpoint: `${issuer}/v1/userinfo`,
    registration_endpoint: `${issuer}/v1/clients`,
    jwks_uri: `${issuer}/v1/keys`,
    response_types_supported: ['code', 'id_token', 'code id_token', 'code token', 'id_token token'],
    response_modes_supported: ['query', 'fragment', 'form_post', 'okta_post_message'],
    grant_types_supported: ['authorization_code', 'implicit', 'refresh_token', 'password', 'client_credentials'],
    subject_types_supported: ['public'],
    scopes_supported: ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'bench:read'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'client_secret_jwt'],
    claims_supported: ['iss', 'ver', 'sub', 'aud', 'iat', 'exp', 'jti', 'auth_time', 'amr', 'idp', 'nonce', 'name'],
    code_challenge_methods_supported: ['S256'],
    introspection_endpoint: `${issuer}/v1/introspect`,
    revocation_endpoint: `${issuer}/v1/revoke`,
    end_session_endpoint: `${issuer}/v1/logout`,
    request_parameter_supported: true,
    id_token_signing_alg_values_supported: ['RS256'],
  };
}

function send(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

const server = createServer((request, response) => {
  const issuer = `http://${request.headers.host}/oauth2/reference`;
  const path = request.url.split('?')[0];
  if (request.method === 'GET' && path === '/oauth2/reference/.well-known/openid-configuration')
    return send(response, 200, discovery(issuer));
  if (request.method === 'GET' && path === '/oauth2/reference/v1/keys')
    return send(response, 200, { keys: [{ kty: 'RSA', alg: 'RS256', kid, use: 'sig', e: jwk.e, n: jwk.n }] });
  if (request.method !== 'POST' || path !== '/oauth2/reference/v1/token')
    return send(response, 404, { error: 'not_found' });
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    if (!authenticated(request.headers.authorization)) return send(response, 401, { error: 'invalid_client' });
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials')
      return send(response, 400, { error: 'unsupported_grant_type' });
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    response.setHeader('cache-control', 'no-store');
    send(response, 200, {
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: tokenFor(issuer, scopes),
      scope: scopes.join(' '),
    });
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`Reference listening on http://127.0.0.1:${server.address().port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
