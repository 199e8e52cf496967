/**
 * The event log as a request log, through real requests on a real server: each protocol event keeps
 * its exchange (secrets masked, tokens shortened), the jtis it presented or issued (searchable),
 * the app's and user's names; a code exchange and a refresh carry the claims they minted and link
 * to the /authorize decision they redeemed; introspect and userinfo keep the exact refusal reason
 * privately while the wire answer stays the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolEventDto } from '../../../src-main/contracts/events.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createWebClient,
  redirectParams,
  signInThrough,
} from '../authorize/fixtures.js';
import { FORM, PASSWORD, basic, decodeJwt, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { expectOktaError } from './fixtures.js';

let t: TestApp;
let client: TestClient;
let userId: string;
const LOGIN = 'grace@example.com';

interface Tokens {
  access_token: string;
  id_token: string;
  refresh_token: string;
}

beforeAll(async () => {
  t = await startTestApp();
  client = await createWebClient(t);
  userId = await assignedUser(t, client, LOGIN);
});
afterAll(async () => {
  await t.close();
});

async function listEvents(query: string): Promise<ProtocolEventDto[]> {
  const response = await t.api(`/api/sandbox/v1/events?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProtocolEventDto[];
}

async function latest(endpoint: string): Promise<ProtocolEventDto> {
  const [event] = await listEvents(`endpoint=${encodeURIComponent(endpoint)}&limit=1`);
  return event!;
}

/** The code flow through the sign-in page, then the code exchange with client_secret_basic. */
async function codeFlow(): Promise<Tokens> {
  const signedIn = await signInThrough(
    t,
    new Browser(),
    authorizeUrl(t, {
      client_id: client.clientId,
      response_type: 'code',
      scope: 'openid profile offline_access',
      redirect_uri: REDIRECT_URI,
      state: 'WM6D',
      nonce: 'YsG76jo',
    }),
    LOGIN,
  );
  const { code } = redirectParams(signedIn);
  const response = await postToken(
    t,
    { grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT_URI },
    { authorization: basic(client.clientId, client.clientSecret!) },
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Tokens;
}

let tokens: Tokens;
let exchange: ProtocolEventDto;
let decision: ProtocolEventDto;

describe('a code exchange in the event log', () => {
  beforeAll(async () => {
    tokens = await codeFlow();
    exchange = await latest('token');
    decision = await latest('authorize');
  });

  it('keeps the request with every secret masked and the Authorization header value hidden', () => {
    expect(exchange.exchange?.request).toEqual({
      method: 'POST',
      path: '/oauth2/default/v1/token',
      query: {},
      form: { grant_type: 'authorization_code', code: '********', redirect_uri: REDIRECT_URI },
      headers: { authorization: 'Basic ********', 'content-type': FORM['content-type'] },
    });
    expect(JSON.stringify(exchange.exchange)).not.toContain(client.clientSecret!);
  });

  it('keeps the response with its status and the tokens shortened', () => {
    const body = exchange.exchange?.response.body as Record<string, unknown>;
    expect(exchange.exchange?.response.status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', scope: 'openid profile offline_access' });
    for (const name of ['access_token', 'id_token', 'refresh_token'] as const) {
      const full = tokens[name];
      expect(body[name]).toBe(`${full.slice(0, 12)}…${full.slice(-6)}`);
    }
  });

  it('names the app and the user, and lists the jtis of the tokens it issued', () => {
    expect(exchange).toMatchObject({ appName: 'Web app', userLogin: LOGIN, userId, clientId: client.clientId });
    const issued = [decodeJwt(tokens.access_token).payload['jti'], decodeJwt(tokens.id_token).payload['jti']];
    expect(exchange.jtis).toEqual([...issued].sort());
  });

  it('carries the claims it minted and links to the /authorize decision it redeemed', () => {
    const matchedPolicy = decision.trace?.policies.find((p) => p.outcome === 'matched');
    const matchedRule = matchedPolicy?.rules.find((r) => r.outcome === 'matched');
    expect(matchedRule).toBeDefined();
    expect(exchange.familyId).toBe(decision.familyId);
    expect(exchange.trace?.redeemed).toEqual({
      familyId: decision.familyId,
      eventId: decision.id,
      endpoint: 'authorize',
      policyId: matchedPolicy!.id,
      ruleId: matchedRule!.id,
      scopes: ['openid', 'profile', 'offline_access'],
      lifetimes: decision.trace!.lifetimes,
    });
    expect(exchange.trace?.claims?.map((c) => `${c.token}:${c.name}`)).toEqual(
      expect.arrayContaining(['id_token:name', 'id_token:preferred_honorific']),
    );
  });

  it('masks the code in the redirect the sign-in answered with', () => {
    const location = decision.exchange?.response.location ?? '';
    expect(decision.exchange?.response.status).toBe(302);
    expect(location).toContain('code=********');
    expect(location).toContain('state=WM6D');
    expect(decision.exchange?.request.form).toMatchObject({ username: LOGIN, password: '********' });
    expect(JSON.stringify(decision.exchange)).not.toContain(PASSWORD);
  });

  it('links a refresh to the decision of its family', async () => {
    const response = await postToken(
      t,
      { grant_type: 'refresh_token', refresh_token: tokens.refresh_token },
      { authorization: basic(client.clientId, client.clientSecret!) },
    );
    expect(response.status).toBe(200);
    const refresh = await latest('token');
    expect(refresh.grantType).toBe('refresh_token');
    expect(refresh.exchange?.request.form['refresh_token']).toBe('********');
    expect(refresh.trace?.redeemed).toMatchObject({ eventId: decision.id, familyId: decision.familyId });
    expect(refresh.trace?.claims?.length).toBeGreaterThan(0);
  });
});

describe('searching and filtering', () => {
  it('finds every event that issued or presented a jti', async () => {
    const jti = String(decodeJwt(tokens.access_token).payload['jti']);
    const userinfo = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(userinfo.status).toBe(200);
    const found = await listEvents(`jti=${encodeURIComponent(jti)}`);
    expect(found.map((e) => e.endpoint)).toEqual(['userinfo', 'token']);
    expect(found[0]!.exchange?.request.headers['authorization']).toBe('Bearer ********');
    expect(await listEvents('jti=AT.no-such-token')).toEqual([]);
  });

  it('filters by app, user, endpoint and outcome together', async () => {
    const found = await listEvents(`clientId=${client.clientId}&userId=${userId}&endpoint=token&outcome=success`);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(new Set(found.map((e) => `${e.endpoint} ${e.outcome} ${e.userLogin} ${e.appName}`))).toEqual(
      new Set([`token success ${LOGIN} Web app`]),
    );
  });

  it('refuses a jti longer than 256 characters with E0000001 naming the parameter', async () => {
    await expectOktaError(await t.api(`/api/sandbox/v1/events?jti=${'x'.repeat(257)}`), 400, 'E0000001', [
      'jti: must be at most 256 characters',
    ]);
  });
});

describe('refusals keep their reason privately', () => {
  async function introspect(token: string): Promise<ProtocolEventDto> {
    const response = await fetch(`${t.origin}/oauth2/default/v1/introspect`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(await response.json()).toEqual({ active: false });
    return latest('introspect');
  }

  it('tells a broken signature, another server’s token and a revoked token apart at introspect', async () => {
    const [header, payload, signature] = tokens.access_token.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...forged, jti: 'AT.unknown' })).toString('base64url')}.${signature}`;
    expect((await introspect(tampered)).detail).toMatch(/^inactive: the token's signature does not verify/);

    const otherIssuer = `${header}.${Buffer.from(JSON.stringify({ ...forged, iss: 'http://elsewhere.example/oauth2/x' })).toString('base64url')}.${signature}`;
    expect((await introspect(otherIssuer)).detail).toContain('another server than');

    const revoke = await fetch(`${t.origin}/oauth2/default/v1/revoke`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
      body: new URLSearchParams({ token: tokens.access_token }).toString(),
    });
    expect(revoke.status).toBe(200);
    const revoked = await introspect(tokens.access_token);
    expect(revoked.detail).toMatch(/^inactive: the access token was revoked at \d{4}-\d\d-\d\dT/);
    expect(revoked.exchange?.request.form['token']).toBe('********');
  });

  it('records why userinfo refused a token while the wire answer stays Okta’s', async () => {
    const response = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: 'invalid_token',
      error_description: 'The access token is invalid.',
    });
    const event = await latest('userinfo');
    expect(event.detail).toMatch(/^the access token was revoked at /);
    expect(event.exchange?.response).toEqual({
      status: 401,
      body: { error: 'invalid_token', error_description: 'The access token is invalid.' },
    });
  });
});
