/**
 * The client credentials grant against the real server: openid-client gets a token, the Okta
 * JWT verifier accepts it, its header and claims are Okta's, key rotation switches the signing
 * key at once, and every refusal carries Okta's exact error.
 */
import OktaJwtVerifier from '@okta/jwt-verifier';
import { ClientSecretBasic, allowInsecureRequests, clientCredentialsGrant, discovery } from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  basic,
  createClient,
  createPolicyAndRule,
  createScope,
  createServer,
  decodeJwt,
  oneEvent,
  postToken,
  refusal,
} from './fixtures.js';
import type { TestClient } from './fixtures.js';

let t: TestApp;
let client: TestClient;
let issuer: string;

beforeAll(async () => {
  t = await startTestApp();
  issuer = `${t.origin}/oauth2/default`;
  await createScope(t, 'default', 'orders:read');
  client = await createClient(t, { label: 'Orders service' });
  // jwt-verifier warns once about the disabled HTTPS check.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const verifier = () => new OktaJwtVerifier({ issuer, testing: { disableHttpsCheck: true } });
const activeKid = async () => {
  const keys = (await (await t.api('/api/v1/authorizationServers/default/credentials/keys')).json()) as {
    kid: string;
    status: string;
  }[];
  return keys.find((k) => k.status === 'ACTIVE')!.kid;
};
const ccRequest = (scope?: string) =>
  postToken(
    t,
    { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
    { authorization: basic(client.clientId, client.clientSecret!) },
  );

describe('client_credentials on the default server', () => {
  it('issues an Okta-shaped access token that openid-client and the Okta JWT verifier accept', async () => {
    const config = await discovery(
      new URL(issuer),
      client.clientId,
      undefined,
      ClientSecretBasic(client.clientSecret!),
      { execute: [allowInsecureRequests] },
    );
    const tokens = await clientCredentialsGrant(config, { scope: 'orders:read' });
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('orders:read');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.id_token).toBeUndefined();

    const { header, payload } = decodeJwt(tokens.access_token);
    expect(header).toEqual({ kid: await activeKid(), alg: 'RS256' });
    expect(payload).toMatchObject({
      ver: 1,
      iss: issuer,
      aud: 'api://default',
      cid: client.clientId,
      sub: client.clientId,
      scp: ['orders:read'],
    });
    expect(payload['jti']).toMatch(/^AT\.[0-9A-Za-z]{43}$/);
    expect(payload).not.toHaveProperty('uid');
    expect(payload).not.toHaveProperty('auth_time');
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(3600);

    const verified = await verifier().verifyAccessToken(tokens.access_token, 'api://default');
    expect(verified.claims.cid).toBe(client.clientId);
  });

  it('answers with the token response shape, no state, and no-store caching', async () => {
    const { result: response, event } = await oneEvent(t, () => ccRequest('orders:read'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('pragma')).toBe('no-cache');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'scope', 'token_type']);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'orders:read' });
    expect(event).toMatchObject({
      endpoint: 'token',
      server_id: 'default',
      client_id: client.clientId,
      user_id: null,
      grant_type: 'client_credentials',
      outcome: 'success',
      error: null,
    });
    expect(JSON.parse(event.trace!).policies[0].outcome).toBe('matched');
  });

  it('signs with the new ACTIVE key right after a rotation, and the verifier still accepts', async () => {
    const before = await activeKid();
    const rotated = await t.api('/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate', {
      method: 'POST',
      body: JSON.stringify({ use: 'sig' }),
    });
    expect(rotated.status).toBe(200);
    const after = await activeKid();
    expect(after).not.toBe(before);
    const token = ((await (await ccRequest('orders:read')).json()) as { access_token: string }).access_token;
    expect(decodeJwt(token).header).toEqual({ kid: after, alg: 'RS256' });
    await expect(verifier().verifyAccessToken(token, 'api://default')).resolves.toBeDefined();
  });
});

describe('client_credentials lifetimes and policies on a custom server', () => {
  it('takes expires_in and exp from the matched rule', async () => {
    const serverId = await createServer(t, 'billing');
    await createScope(t, serverId, 'invoices:read');
    await createPolicyAndRule(t, serverId, ['client_credentials'], 15);
    const response = await postToken(
      t,
      { grant_type: 'client_credentials', scope: 'invoices:read' },
      { authorization: basic(client.clientId, client.clientSecret!) },
      serverId,
    );
    const body = (await response.json()) as { expires_in: number; access_token: string };
    expect(body.expires_in).toBe(15 * 60);
    const { payload } = decodeJwt(body.access_token);
    expect(payload).toMatchObject({ aud: 'api://billing', iss: `${t.origin}/oauth2/${serverId}` });
    expect((payload['exp'] as number) - (payload['iat'] as number)).toBe(900);
  });

  it('refuses when no rule allows client_credentials', async () => {
    const serverId = await createServer(t, 'nomatch');
    await createScope(t, serverId, 'things:read');
    await createPolicyAndRule(t, serverId, ['authorization_code']);
    const { result, event } = await oneEvent(t, () =>
      refusal(
        postToken(
          t,
          { grant_type: 'client_credentials', scope: 'things:read' },
          { authorization: basic(client.clientId, client.clientSecret!) },
          serverId,
        ),
      ),
    );
    expect(result).toMatchObject({
      status: 401,
      error: 'access_denied',
      error_description: 'Policy evaluation failed for this request, please check the policy configurations.',
    });
    expect(event).toMatchObject({
      outcome: 'failure',
      error: 'access_denied',
      grant_type: 'client_credentials',
      client_id: client.clientId,
    });
    expect(JSON.parse(event.trace!).policies[0].rules[0].outcome).toBe('skipped');
  });

  it('refuses a request without scope when the server has no default scope', async () => {
    const serverId = await createServer(t, 'nodefaults');
    await createPolicyAndRule(t, serverId, ['client_credentials']);
    const result = await refusal(
      postToken(
        t,
        { grant_type: 'client_credentials' },
        { authorization: basic(client.clientId, client.clientSecret!) },
        serverId,
      ),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      error_description:
        "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
    });
  });

  it('grants the default scopes when the request names none', async () => {
    const serverId = await createServer(t, 'withdefaults');
    await createScope(t, serverId, 'reports:read', { default: true });
    await createPolicyAndRule(t, serverId, ['client_credentials']);
    const response = await postToken(
      t,
      { grant_type: 'client_credentials' },
      { authorization: basic(client.clientId, client.clientSecret!) },
      serverId,
    );
    expect(((await response.json()) as { scope: string }).scope).toBe('reports:read');
  });

  it('answers 404 for an inactive server and records it', async () => {
    const serverId = await createServer(t, 'sleeping');
    await createPolicyAndRule(t, serverId, ['client_credentials']);
    expect(
      (await t.api(`/api/v1/authorizationServers/${serverId}/lifecycle/deactivate`, { method: 'POST' })).status,
    ).toBe(204);
    const { result: response, event } = await oneEvent(t, () =>
      postToken(
        t,
        { grant_type: 'client_credentials', scope: 'openid' },
        { authorization: basic(client.clientId, client.clientSecret!) },
        serverId,
      ),
    );
    expect(response.status).toBe(404);
    expect(((await response.json()) as { errorCode: string }).errorCode).toBe('E0000007');
    expect(event).toMatchObject({ server_id: serverId, outcome: 'failure', error: 'E0000007' });
  });
});

describe('client_credentials refusals', () => {
  it('refuses openid with client credentials', async () => {
    const { result, event } = await oneEvent(t, () => refusal(ccRequest('openid orders:read')));
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      error_description: "Cannot request 'openid' scopes using client credentials.",
    });
    expect(event).toMatchObject({
      outcome: 'failure',
      error: 'invalid_scope',
      error_description: "Cannot request 'openid' scopes using client credentials.",
    });
  });

  it('refuses a scope the server does not have', async () => {
    const result = await refusal(ccRequest('orders:write'));
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_scope',
      error_description: 'One or more scopes are not configured for the authorization server resource.',
    });
  });

  it('refuses a request without grant_type', async () => {
    const result = await refusal(
      postToken(t, { scope: 'orders:read' }, { authorization: basic(client.clientId, client.clientSecret!) }),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: "The 'grant_type' parameter is required.",
    });
  });

  it('refuses a grant type the server does not support, listing the ones it does', async () => {
    const result = await refusal(
      postToken(
        t,
        { grant_type: 'urn:example:magic' },
        { authorization: basic(client.clientId, client.clientSecret!) },
      ),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'unsupported_grant_type',
      error_description:
        'The authorization grant type is not supported by the authorization server. Configured grant types: [authorization_code, refresh_token, password, client_credentials, urn:ietf:params:oauth:grant-type:device_code].',
    });
  });

  it("refuses a grant the app is not registered for, listing the app's grants", async () => {
    const result = await refusal(
      postToken(
        t,
        { grant_type: 'password', username: 'a@example.com', password: 'x' },
        { authorization: basic(client.clientId, client.clientSecret!) },
      ),
    );
    expect(result).toMatchObject({
      status: 400,
      error: 'unauthorized_client',
      error_description:
        'The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].',
    });
  });

  it('refuses a body that is not form-encoded, and a repeated parameter', async () => {
    const json = await refusal(
      fetch(`${t.origin}/oauth2/default/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credentials' }),
      }),
    );
    expect(json).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: 'The request body must be application/x-www-form-urlencoded.',
    });
    const repeated = await refusal(
      fetch(`${t.origin}/oauth2/default/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&scope=a&scope=b',
      }),
    );
    expect(repeated).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description: "The 'scope' parameter must not be repeated.",
    });
  });
});
