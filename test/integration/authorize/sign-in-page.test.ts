/**
 * The sign-in page: labelled inputs and a Sign in button, a strict CSP, every echoed value escaped
 * (a hostile login_hint), one generic failure for a wrong password, an unknown user and a user who
 * may not sign in, and the CSRF token that a form from elsewhere cannot supply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scryptWorkerRunning, stopIdleScryptWorker } from '../../../src-main/app/scrypt-worker.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { PASSWORD, events } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createWebClient,
  formOf,
  redirectParams,
  signInThrough,
} from './fixtures.js';

const FAILED = 'Sign-in failed. Check your username and password.';
let t: TestApp;
let web: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  await assignedUser(t, web, 'alice@example.com');
  const carol = await assignedUser(t, web, 'carol@example.com');
  await t.api(`/api/v1/users/${carol}/lifecycle/suspend`, { method: 'POST' });
});

afterAll(async () => {
  await t?.close();
});

const request = (extra: Record<string, string> = {}) =>
  authorizeUrl(t, {
    client_id: web.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    state: 's',
    ...extra,
  });

describe('the sign-in page', () => {
  it('starts the password check worker while the user types, so the sign-in does not wait for it to start', async () => {
    stopIdleScryptWorker();
    expect(scryptWorkerRunning()).toBe(false);
    const page = await new Browser().get(request());
    expect(page.status).toBe(200);
    expect(scryptWorkerRunning()).toBe(true);
  });

  it('has Username, Password and Sign in, the app label, and a strict CSP', async () => {
    const page = await new Browser().get(request());
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self' https:\/\/app\.example\.com; frame-ancestors 'none'; base-uri 'none'$/,
    );
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('<h1>Sign in to Web app</h1>');
    expect(html).toContain('<label for="username">Username</label><input id="username" name="username"');
    expect(html).toContain(
      '<label for="password">Password</label><input id="password" name="password" type="password"',
    );
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toContain('<script');
  });

  it('prefills the login_hint, escaped', async () => {
    const html = await (await new Browser().get(request({ login_hint: '"><script>alert(1)</script>' }))).text();
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('answers a wrong password, an unknown user and a suspended user with the same message', async () => {
    const answers: string[] = [];
    for (const [username, password] of [
      ['alice@example.com', 'wrong'],
      ['nobody@example.com', PASSWORD],
      ['carol@example.com', PASSWORD],
    ] as const) {
      const before = events(t).length;
      const answer = await signInThrough(t, new Browser(), request(), username, password);
      expect(answer.status).toBe(401);
      const html = await answer.text();
      expect(html).toContain(`<p class="error" role="alert">${FAILED}</p>`);
      answers.push(html.replace(/value="[^"]*"/g, ''));
      expect(events(t).slice(before).at(-1)).toMatchObject({ endpoint: 'authorize', outcome: 'failure' });
    }
    expect(new Set(answers).size).toBe(1);
    expect(events(t).at(-1)!.detail).toContain('not_allowed');
  });

  it('lets the user try again on the same form after a failure', async () => {
    const browser = new Browser();
    const failed = await signInThrough(t, browser, request(), 'alice@example.com', 'wrong');
    const { action, fields } = formOf(await failed.text());
    const answer = await browser.post(`${t.origin}${action}`, {
      ...fields,
      username: 'alice@example.com',
      password: PASSWORD,
    });
    expect(redirectParams(answer)).toMatchObject({ code: expect.any(String), state: 's' });
  });

  it('refuses a form without the CSRF cookie, or with another token', async () => {
    const browser = new Browser();
    const page = await browser.get(request());
    const { action, fields } = formOf(await page.text());
    const noCookie = await fetch(`${t.origin}${action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...fields, username: 'alice@example.com', password: PASSWORD }).toString(),
    });
    expect(noCookie.status).toBe(400);
    expect(noCookie.headers.get('location')).toBeNull();
    expect(await noCookie.text()).toContain('This sign-in form has expired or was not sent by this browser.');
    const forged = await browser.post(`${t.origin}${action}`, {
      ...fields,
      csrf_token: 'forged',
      username: 'alice@example.com',
      password: PASSWORD,
    });
    expect(forged.status).toBe(400);
    expect(browser.cookies.has('authbox_session')).toBe(false);
  });

  it('cannot be used twice: the pending request ends with the redirect', async () => {
    const browser = new Browser();
    const page = await browser.get(request());
    const { action, fields } = formOf(await page.text());
    const form = { ...fields, username: 'alice@example.com', password: PASSWORD };
    expect((await browser.post(`${t.origin}${action}`, form)).status).toBe(302);
    expect((await browser.post(`${t.origin}${action}`, form)).status).toBe(400);
  });
});
