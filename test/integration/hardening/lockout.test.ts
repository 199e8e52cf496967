/**
 * Okta's lockout: failed sign-ins per user, counted across the sign-in page and the password grant,
 * lock the user out at the threshold (default 10); the unlock lifecycle call releases it. An
 * unknown login costs as much as a wrong password for a known one, so timing tells nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCKOUT_THRESHOLD_SETTING } from '../../../src-main/core/sign-in-lockout.js';
import { DEFAULT_SECURITY_SETTINGS } from '../../../src-main/contracts/security-settings.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  Browser,
  REDIRECT_URI,
  authorizeUrl,
  createWebClient,
  redirectParams,
  signInThrough,
} from '../authorize/fixtures.js';
import { PASSWORD, events } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { assignedUser, createRefreshClient, signIn } from '../token/issued-tokens.js';
import { clientAuth } from '../token/issued-tokens.js';
import { postToken } from '../token/fixtures.js';

let t: TestApp;
let native: TestClient;
let web: TestClient;

// A clock that stands still: the client throttle's delays then never run out during a test.
const frozen = new Date();
const clock = { now: () => new Date(frozen) };

/**
 * The per-address throttle (tested in address-throttle.test.ts) would close 127.0.0.1 after 20 failed
 * sign-ins in a row with this clock standing still; here it stays out of the way.
 */
const NO_ADDRESS_THROTTLE = { ...DEFAULT_SECURITY_SETTINGS, addressFreeFailures: 1000 };

beforeAll(async () => {
  t = await startTestApp({ clock });
  t.app.services.securitySettings.update(NO_ADDRESS_THROTTLE);
  native = await createRefreshClient(t);
  web = await createWebClient(t);
});

afterAll(async () => {
  await t?.close();
});

const passwordGrant = (username: string, password: string) =>
  postToken(t, { grant_type: 'password', username, password, scope: 'openid' }, clientAuth(native));

const statusOf = async (id: string) =>
  ((await (await t.api(`/api/v1/users/${id}`)).json()) as { status: string }).status;

async function signInPage(login: string, password: string): Promise<Response> {
  const url = authorizeUrl(t, {
    client_id: web.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    state: 'lockout-state',
  });
  return signInThrough(t, new Browser(), url, login, password);
}

describe('lockout after failed sign-ins', () => {
  it('locks a user out after 10 wrong passwords across the sign-in page and the password grant', async () => {
    const id = await assignedUser(t, native, 'lockme@example.com');
    await t.api(`/api/v1/apps/${web.id}/users`, { method: 'POST', body: JSON.stringify({ id }) });
    for (let i = 0; i < 5; i += 1) expect((await signInPage('lockme@example.com', 'wrong-password')).status).toBe(401);
    for (let i = 0; i < 4; i += 1)
      expect((await passwordGrant('lockme@example.com', 'wrong-password')).status).toBe(400);
    expect(await statusOf(id)).toBe('ACTIVE');
    const tenth = await passwordGrant('lockme@example.com', 'wrong-password');
    expect(await tenth.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The credentials provided were invalid.',
    });
    expect(await statusOf(id)).toBe('LOCKED_OUT');
    expect(events(t).at(-1)!.detail).toContain('user locked out after 10 failed sign-ins');
    // The right password no longer signs in, on either surface; the answer is the same as before.
    expect((await passwordGrant('lockme@example.com', PASSWORD)).status).toBe(400);
    expect((await signInPage('lockme@example.com', PASSWORD)).status).toBe(401);
    // Unlocking releases the user, and the count starts again.
    expect((await t.api(`/api/v1/users/${id}/lifecycle/unlock`, { method: 'POST' })).status).toBe(200);
    expect(await statusOf(id)).toBe('ACTIVE');
    expect((await passwordGrant('lockme@example.com', 'wrong-password')).status).toBe(400);
    expect(await statusOf(id)).toBe('ACTIVE');
    expect(redirectParams(await signInPage('lockme@example.com', PASSWORD))['code']).toEqual(expect.any(String));
  });

  it('a good password clears the count', async () => {
    const id = await assignedUser(t, native, 'forgetful@example.com');
    for (let round = 0; round < 3; round += 1) {
      for (let i = 0; i < 9; i += 1) await passwordGrant('forgetful@example.com', 'wrong-password');
      await signIn(t, native, 'forgetful@example.com', 'openid');
    }
    expect(await statusOf(id)).toBe('ACTIVE');
  });

  it('follows the threshold setting (3 here), and 0 never locks', async () => {
    t.app.services.settings.set(LOCKOUT_THRESHOLD_SETTING, '3');
    try {
      const id = await assignedUser(t, native, 'three@example.com');
      for (let i = 0; i < 3; i += 1) await passwordGrant('three@example.com', 'wrong-password');
      expect(await statusOf(id)).toBe('LOCKED_OUT');
      t.app.services.settings.set(LOCKOUT_THRESHOLD_SETTING, '0');
      const other = await assignedUser(t, native, 'never@example.com');
      for (let i = 0; i < 12; i += 1) await passwordGrant('never@example.com', 'wrong-password');
      expect(await statusOf(other)).toBe('ACTIVE');
    } finally {
      t.app.services.settings.set(LOCKOUT_THRESHOLD_SETTING, '10');
    }
  });
});

describe('user enumeration by timing', () => {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  it('answers an unknown login as slowly as a wrong password (medians within 20%)', async () => {
    t.app.services.securitySettings.update({ ...NO_ADDRESS_THROTTLE, lockoutThreshold: 0 });
    try {
      await assignedUser(t, native, 'timed@example.com');
      const known: number[] = [];
      const unknown: number[] = [];
      const time = async (login: string) => {
        const started = performance.now();
        const response = await passwordGrant(login, 'wrong-password');
        await response.arrayBuffer();
        expect(response.status).toBe(400);
        return performance.now() - started;
      };
      await time('warm-up@example.com');
      for (let i = 0; i < 15; i += 1) {
        known.push(await time('timed@example.com'));
        unknown.push(await time(`nobody${i}@example.com`));
      }
      const ratio = median(unknown) / median(known);
      expect(ratio, `unknown ${median(unknown).toFixed(1)} ms, known ${median(known).toFixed(1)} ms`).toBeGreaterThan(
        0.8,
      );
      expect(ratio).toBeLessThan(1.2);
    } finally {
      t.app.services.securitySettings.update(NO_ADDRESS_THROTTLE);
    }
  });
});

describe('client authentication throttling', () => {
  it('refuses a client with 429 after 10 wrong secrets in a row, without checking the secret', async () => {
    const guessed = await createRefreshClient(t);
    const wrong = { authorization: `Basic ${Buffer.from(`${guessed.clientId}:wrong-secret`).toString('base64')}` };
    const tryWith = (headers: Record<string, string>) =>
      postToken(t, { grant_type: 'client_credentials', scope: 'openid' }, headers);
    for (let i = 0; i < 10; i += 1) expect((await tryWith(wrong)).status).toBe(401);
    const eleventh = await tryWith(wrong);
    expect(eleventh.status).toBe(401);
    expect(events(t).at(-1)!.detail).toContain('the client now waits 1 s before its next try');
    // Now closed: even the right secret is refused unchecked until the delay has passed.
    const closed = await tryWith(clientAuth(guessed));
    expect(closed.status).toBe(429);
    expect(await closed.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Too many failed client authentications. Try again later.',
    });
  });
});
