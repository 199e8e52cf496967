/**
 * Per-address throttling beside the per-client one: failed client authentications (whatever
 * client they name) and failed sign-ins (whatever user, on the sign-in page and the password
 * grant) from one address close that address for a doubling delay once its free failures are
 * spent; while closed every attempt is refused unchecked with 429 and `Retry-After`, and the event
 * says why. The settings come from the Security settings API. The clock is injected and stands
 * still unless a test moves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { Browser, REDIRECT_URI, authorizeUrl, createWebClient, formOf, redirectParams } from '../authorize/fixtures.js';
import { PASSWORD, events, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { assignedUser, clientAuth, createRefreshClient } from '../token/issued-tokens.js';

let t: TestApp;
let native: TestClient;
let web: TestClient;
let now = Date.now();
const clock = { now: () => new Date(now) };

const SETTINGS = {
  lockoutThreshold: 0,
  clientFreeFailures: 100,
  addressFreeFailures: 3,
  firstDelaySeconds: 30,
  maxDelaySeconds: 600,
};

beforeAll(async () => {
  t = await startTestApp({ clock });
  native = await createRefreshClient(t);
  web = await createWebClient(t);
  const alice = await assignedUser(t, native, 'alice@example.com');
  await t.api(`/api/v1/apps/${web.id}/users`, { method: 'POST', body: JSON.stringify({ id: alice }) });
  expect(
    (await t.api('/api/sandbox/v1/settings/security', { method: 'PUT', body: JSON.stringify(SETTINGS) })).status,
  ).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

const basic = (clientId: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
});
const clientCredentials = (headers: Record<string, string>) =>
  postToken(t, { grant_type: 'client_credentials', scope: 'openid' }, headers);
const passwordGrant = (username: string, password: string) =>
  postToken(t, { grant_type: 'password', username, password, scope: 'openid' }, clientAuth(native));

async function signInPage(login: string, password: string): Promise<Response> {
  const browser = new Browser();
  const url = authorizeUrl(t, {
    client_id: web.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    state: 'throttle',
  });
  const page = await browser.get(url);
  expect(page.status).toBe(200);
  const { action, fields } = formOf(await page.text());
  return browser.post(`${t.origin}${action}`, { ...fields, username: login, password });
}

describe('per-address throttling of client authentication', () => {
  it('closes the address after its free failures, whichever clients they named, then refuses even a good secret with 429', async () => {
    const other = await createRefreshClient(t);
    // Three free failures spread over two clients and an unknown one: no client reaches its own limit.
    expect((await clientCredentials(basic(native.clientId, 'wrong'))).status).toBe(401);
    expect((await clientCredentials(basic(other.clientId, 'wrong'))).status).toBe(401);
    expect((await clientCredentials(basic('no-such-client', 'wrong'))).status).toBe(401);
    const fourth = await clientCredentials(basic(other.clientId, 'wrong'));
    expect(fourth.status).toBe(401);
    expect(events(t).at(-1)!.detail).toContain('the address 127.0.0.1 now waits 30 s before its next try');
    const closed = await postToken(
      t,
      { grant_type: 'password', username: 'alice@example.com', password: PASSWORD },
      clientAuth(native),
    );
    expect(closed.status).toBe(429);
    expect(closed.headers.get('retry-after')).toBe('30');
    expect(await closed.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Too many failed client authentications. Try again later.',
    });
    expect(events(t).at(-1)!.detail).toBe(
      'address 127.0.0.1 failed to authenticate too often; refused unchecked for 30 s more',
    );
    now += 30_000;
    expect((await passwordGrant('alice@example.com', PASSWORD)).status).toBe(200);
    // The success opened the address again: three more failures are free.
    for (let i = 0; i < 3; i += 1) expect((await clientCredentials(basic(native.clientId, 'wrong'))).status).toBe(401);
    expect(events(t).at(-1)!.detail).not.toContain('now waits');
    expect((await passwordGrant('alice@example.com', PASSWORD)).status).toBe(200);
  });
});

describe('per-address throttling of sign-ins', () => {
  it('counts failures on the sign-in page and the password grant, then answers 429 on both with a growing delay', async () => {
    expect((await signInPage('nobody@example.com', 'x')).status).toBe(401);
    expect((await passwordGrant('alice@example.com', 'wrong-password')).status).toBe(400);
    expect((await signInPage('someone@example.com', 'y')).status).toBe(401);
    const fourth = await passwordGrant('alice@example.com', 'wrong-password');
    expect(fourth.status).toBe(400);
    expect(events(t).at(-1)!.detail).toContain('the address 127.0.0.1 now waits 30 s before its next try');
    // Closed: the right password is refused unchecked, on the page and through the grant.
    const page = await signInPage('alice@example.com', PASSWORD);
    expect(page.status).toBe(429);
    expect(page.headers.get('retry-after')).toBe('30');
    expect(await page.text()).toContain('Too many failed sign-ins from this address. Try again in 30 seconds.');
    expect(events(t).at(-1)!.detail).toBe(
      'sign-in refused unchecked: address 127.0.0.1 failed to sign in too often; refused unchecked for 30 s more',
    );
    const grant = await passwordGrant('alice@example.com', PASSWORD);
    expect(grant.status).toBe(429);
    expect(grant.headers.get('retry-after')).toBe('30');
    expect(await grant.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Too many failed sign-ins. Try again later.',
    });
    // After the wait a failure doubles the delay; 20 s on, the page says the rest.
    now += 30_000;
    expect((await signInPage('alice@example.com', 'wrong-again')).status).toBe(401);
    now += 20_000;
    const again = await signInPage('alice@example.com', PASSWORD);
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('40');
    // Once the delay has passed, the right password signs in and clears the count.
    now += 40_000;
    expect(redirectParams(await signInPage('alice@example.com', PASSWORD))['code']).toEqual(expect.any(String));
    expect((await passwordGrant('alice@example.com', 'wrong-password')).status).toBe(400);
    expect((await passwordGrant('alice@example.com', PASSWORD)).status).toBe(200);
  });
});

describe('the Security settings API', () => {
  it('answers the settings, and refuses a bad value with a cause per field', async () => {
    expect(await (await t.api('/api/sandbox/v1/settings/security')).json()).toEqual(SETTINGS);
    const bad = await t.api('/api/sandbox/v1/settings/security', {
      method: 'PUT',
      body: JSON.stringify({ ...SETTINGS, lockoutThreshold: 101, firstDelaySeconds: 1.5, maxDelaySeconds: 0 }),
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
    expect(body.errorCode).toBe('E0000001');
    expect(body.errorCauses.map((c) => c.errorSummary)).toEqual([
      'lockoutThreshold: must be from 0 to 100',
      'firstDelaySeconds: must be a whole number',
      'maxDelaySeconds: must be from 1 to 3600',
    ]);
    expect(await (await t.api('/api/sandbox/v1/settings/security')).json()).toEqual(SETTINGS);
  });
});
