/**
 * CORS of the token endpoint (Okta "OpenID Connect & OAuth 2.0 API"): the preflight allows any origin that
 * is a redirect-URI origin of some active app, with the headers Okta's auth-js sends; the POST is
 * held to the origins of its own client's redirect URIs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  PASSWORD,
  assignUser,
  basic,
  createClient,
  createPasswordClient,
  createUser,
  oneEvent,
  postToken,
  refusal,
} from './fixtures.js';
import type { TestClient } from './fixtures.js';

let t: TestApp;
let spa: TestClient;
let other: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  spa = await createPasswordClient(t);
  other = await createClient(t, {
    label: 'Other web app',
    settings: {
      application_type: 'web',
      grant_types: ['authorization_code', 'client_credentials'],
      response_types: ['code'],
      redirect_uris: ['https://other.example:8443/cb'],
    },
  });
  const userId = await createUser(t, 'erin@example.com');
  await assignUser(t, spa.id, userId);
});

afterAll(async () => {
  await t?.close();
});

const preflight = (origin: string) =>
  fetch(`${t.origin}/oauth2/default/v1/token`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,x-okta-user-agent-extended',
    },
  });

describe('preflight', () => {
  it('allows an origin of some app redirect URI, with the headers auth-js sends', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'accept, authorization, content-type, x-okta-user-agent-extended, dpop, x-requested-with',
    );
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('vary')).toContain('Origin');
    expect((await preflight('https://other.example:8443')).headers.get('access-control-allow-origin')).toBe(
      'https://other.example:8443',
    );
  });

  it('gives any other origin no allow-origin', async () => {
    const response = await preflight('https://evil.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toContain('Origin');
  });
});

describe('browser POST', () => {
  const passwordRequest = (origin: string) =>
    postToken(
      t,
      { grant_type: 'password', username: 'erin@example.com', password: PASSWORD, scope: 'openid' },
      { authorization: basic(spa.clientId, spa.clientSecret!), origin },
    );

  it("lets an origin of the client's own redirect URIs read the answer", async () => {
    const response = await passwordRequest('http://localhost:5173');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  });

  it("refuses an origin that is only another app's redirect-URI origin", async () => {
    const { result, event } = await oneEvent(t, () => refusal(passwordRequest('https://other.example:8443')));
    expect(result).toMatchObject({
      status: 400,
      error: 'invalid_request',
      error_description:
        'Browser requests to the token endpoint must be part of at least one whitelisted redirect_uri.',
    });
    expect(result.headers.get('access-control-allow-origin')).toBeNull();
    expect(event.detail).toContain('https://other.example:8443');
  });

  it('refuses a client without redirect URIs called from a browser', async () => {
    const result = await refusal(
      postToken(
        t,
        { grant_type: 'client_credentials' },
        { authorization: basic(other.clientId, other.clientSecret!), origin: 'http://localhost:5173' },
      ),
    );
    expect(result.error).toBe('invalid_request');
  });
});
