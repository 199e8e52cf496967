/**
 * The device authorization grant (RFC 8628; Okta "OpenID Connect & OAuth 2.0 API"): openid-client starts it and redeems it;
 * the verification page signs the user in, takes the code and asks to allow; each polling answer
 * (authorization_pending, slow_down by the injected clock, access_denied, expired_token, single
 * use) carries its exact error; a wrong code is refused on the page; device/authorize is CORS-enabled.
 */
import {
  None,
  allowInsecureRequests,
  discovery,
  initiateDeviceAuthorization,
  pollDeviceAuthorizationGrant,
} from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { assignedUser } from '../authorize/fixtures.js';
import { decodeJwt, events, refusal } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';
import {
  Browser,
  createDeviceClient,
  decide,
  deviceAuthorize,
  enterCode,
  poll,
  startDevice,
  typedCode,
} from './fixtures.js';

let t: TestApp;
let tv: TestClient;
let aliceId: string;
const clock = new MovableClock();
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

beforeAll(async () => {
  t = await startTestApp({ clock });
  tv = await createDeviceClient(t);
  aliceId = await assignedUser(t, tv, 'alice@example.com');
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

const approved = async (scope?: string) => {
  const device = await startDevice(t, tv, scope);
  const browser = new Browser();
  const answer = await decide(
    t,
    browser,
    await enterCode(t, browser, device.verification_uri_complete, undefined, 'alice@example.com'),
    'allow',
  );
  expect(answer.status).toBe(200);
  expect(await answer.text()).toContain('Device activated');
  return device;
};

describe('device authorization grant', () => {
  it('runs with openid-client: start, approve on the page, poll for access, ID and refresh tokens', async () => {
    const issuer = `${t.origin}/oauth2/default`;
    const config = await discovery(new URL(issuer), tv.clientId, undefined, None(), {
      execute: [allowInsecureRequests],
    });
    const started = await initiateDeviceAuthorization(config, { scope: 'openid profile offline_access' });
    expect(started).toMatchObject({ expires_in: 600, interval: 5, verification_uri: `${issuer}/v1/device` });
    expect(started.user_code).toMatch(USER_CODE);
    expect(started.verification_uri_complete).toBe(`${issuer}/v1/device?user_code=${started.user_code}`);
    const browser = new Browser();
    const approvePage = await enterCode(t, browser, started.verification_uri_complete!, undefined, 'alice@example.com');
    const html = await approvePage.clone().text();
    expect(html).toContain('Allow TV app on your device?');
    expect(approvePage.headers.get('content-security-policy')).toContain("default-src 'none'");
    await decide(t, browser, approvePage, 'allow');
    // interval 0: openid-client would otherwise sleep the 5 s before its first poll.
    const tokens = await pollDeviceAuthorizationGrant(config, { ...started, interval: 0 });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'openid profile offline_access', expires_in: 3600 });
    expect(tokens.refresh_token).toBeDefined();
    expect(decodeJwt(tokens.access_token).payload).toMatchObject({
      cid: tv.clientId,
      uid: aliceId,
      scp: ['openid', 'profile', 'offline_access'],
    });
    expect(decodeJwt(tokens.id_token!).payload).toMatchObject({ sub: aliceId, aud: tv.clientId, amr: ['pwd'] });
  });

  it('answers authorization_pending, then slow_down when polled sooner than the interval', async () => {
    const device = await startDevice(t, tv);
    expect(await refusal(poll(t, tv, device.device_code))).toMatchObject({
      status: 400,
      error: 'authorization_pending',
      error_description: 'The device authorization is pending. Please try again later.',
    });
    clock.advance(2);
    expect(await refusal(poll(t, tv, device.device_code))).toMatchObject({
      status: 400,
      error: 'slow_down',
      error_description: 'The client is polling too frequently and should slow down.',
    });
    clock.advance(5);
    expect(await refusal(poll(t, tv, device.device_code))).toMatchObject({ error: 'authorization_pending' });
  });

  it('redeems an approved device code once; a second poll is invalid_grant', async () => {
    const device = await approved('openid');
    const first = await poll(t, tv, device.device_code);
    expect(first.status).toBe(200);
    const body = (await first.json()) as Record<string, unknown>;
    expect(body['id_token']).toBeDefined();
    expect(body).not.toHaveProperty('refresh_token');
    clock.advance(6);
    expect(await refusal(poll(t, tv, device.device_code))).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The device code is invalid or has expired.',
    });
  });

  it('answers access_denied once the user denies', async () => {
    const device = await startDevice(t, tv);
    const browser = new Browser();
    const answer = await decide(
      t,
      browser,
      await enterCode(t, browser, device.verification_uri_complete, undefined, 'alice@example.com'),
      'deny',
    );
    expect(await answer.text()).toContain('Device not activated');
    expect(await refusal(poll(t, tv, device.device_code))).toMatchObject({
      status: 400,
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
    });
  });

  it('answers expired_token after ten minutes, and the page no longer takes the code', async () => {
    const device = await startDevice(t, tv);
    clock.advance(601);
    try {
      expect(await refusal(poll(t, tv, device.device_code))).toMatchObject({
        status: 400,
        error: 'expired_token',
        error_description: 'The device code has expired.',
      });
      const page = await enterCode(t, new Browser(), device.verification_uri, device.user_code, 'alice@example.com');
      expect(page.status).toBe(400);
      expect(await page.text()).toContain(
        'That code is not valid or has expired. Check the code shown on your device and try again.',
      );
    } finally {
      clock.advance(-601);
    }
  });

  it('refuses a wrong user code on the page and keeps the typed value escaped', async () => {
    const page = await enterCode(
      t,
      new Browser(),
      `${t.origin}/oauth2/default/v1/device`,
      'BCDF-"<x>',
      'alice@example.com',
    );
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain('<label for="user_code">Code</label>');
    expect(typedCode(html)).toBe('BCDF-&quot;&lt;x&gt;');
    const last = events(t).at(-1)!;
    expect(last).toMatchObject({
      endpoint: 'device',
      outcome: 'failure',
      error: 'invalid_request',
      error_description: 'That code is not valid or has expired. Check the code shown on your device and try again.',
    });
  });

  it('accepts the code typed in lower case without the dash, once signed in', async () => {
    const device = await startDevice(t, tv);
    const page = await enterCode(
      t,
      new Browser(),
      `${t.origin}/oauth2/default/v1/device`,
      device.user_code.replace('-', '').toLowerCase(),
      'alice@example.com',
    );
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Allow TV app');
  });

  it('refuses a form without the CSRF cookie', async () => {
    const response = await fetch(`${t.origin}/oauth2/default/v1/device`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'user_code=BCDFGHJK&csrf_token=x',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it("refuses an unknown device code and another client's device code", async () => {
    expect(await refusal(poll(t, tv, 'nope'))).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The device code is invalid or has expired.',
    });
    const other = await createDeviceClient(t);
    const device = await startDevice(t, tv);
    expect(await refusal(poll(t, other, device.device_code))).toMatchObject({
      error: 'invalid_grant',
      error_description: 'The device code is invalid or has expired.',
    });
  });
});

describe('device/authorize', () => {
  it('refuses an app without the device_code grant with unauthorized_client', async () => {
    const app = await createDeviceClient(t, ['authorization_code']);
    expect(await refusal(deviceAuthorize(t, { client_id: app.clientId, scope: 'openid' }))).toMatchObject({
      status: 400,
      error: 'unauthorized_client',
      error_description:
        'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
    });
  });

  it('refuses unknown scopes and unknown clients', async () => {
    expect(await refusal(deviceAuthorize(t, { client_id: tv.clientId, scope: 'openid nope' }))).toMatchObject({
      error: 'invalid_scope',
      error_description: 'One or more scopes are not configured for the authorization server resource.',
    });
    expect(await refusal(deviceAuthorize(t, { client_id: 'unknown', scope: 'openid' }))).toMatchObject({
      status: 401,
      error: 'invalid_client',
      error_description: 'Client authentication failed. Either the client or the client credentials are invalid.',
    });
  });

  it('is CORS-enabled like introspect: a redirect origin may preflight and read the answer, others not', async () => {
    const local = await createDeviceClient(t, undefined, ['http://localhost:5173/login/callback']);
    const url = `${t.origin}/oauth2/default/v1/device/authorize`;
    const preflight = (origin: string) =>
      fetch(url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
    expect((await preflight('http://localhost:5173')).headers.get('access-control-allow-origin')).toBe(
      'http://localhost:5173',
    );
    expect((await preflight('https://nope.example.com')).headers.get('access-control-allow-origin')).toBeNull();
    const body = new URLSearchParams({ client_id: local.clientId, scope: 'openid' }).toString();
    const answer = await fetch(url, {
      method: 'POST',
      headers: { origin: 'http://localhost:5173', 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('records one event per request', async () => {
    const before = events(t).length;
    await startDevice(t, tv);
    const added = events(t).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ endpoint: 'device/authorize', outcome: 'success', client_id: tv.clientId });
  });
});

describe('the verification page and the authorize session', () => {
  it('skips the sign-in form for a browser signed in on this server', async () => {
    const browser = new Browser();
    await enterCode(t, browser, `${t.origin}/oauth2/default/v1/device`, 'BCDFGHJK', 'alice@example.com');
    const device = await startDevice(t, tv);
    const page = await browser.get(device.verification_uri_complete);
    const html = await page.text();
    expect(html).not.toContain('name="password"');
    expect(typedCode(html)).toBe(device.user_code);
  });
});
