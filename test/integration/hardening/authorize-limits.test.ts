/**
 * What an unauthenticated /authorize call may make the server keep: each parameter at most 2048
 * characters and all of them at most 16 KiB, refused at the redirect URI with `invalid_request`
 * naming the parameter (an over-long `state` is not echoed); and at most 100 pending requests per
 * app, the oldest dropped for a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_PER_CLIENT } from '../../../src-main/core/protocol/sessions.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createWebClient,
  formOf,
  redirectParams,
} from '../authorize/fixtures.js';
import { PASSWORD } from '../token/fixtures.js';

let t: TestApp;
let web: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  await assignedUser(t, web, 'kept@example.com');
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
    state: 'st-1',
    ...extra,
  });

const pendingRows = () =>
  (t.app.database.prepare('SELECT count(*) AS n FROM pending_authorizations').get() as { n: number }).n;

describe('stored authorize parameters', () => {
  it.each(['state', 'nonce', 'login_hint', 'acr_values'])(
    'refuses a %s of 2049 characters and keeps nothing',
    async (name) => {
      const before = pendingRows();
      const response = await new Browser().get(request({ [name]: 'x'.repeat(2049) }));
      const params = redirectParams(response);
      expect(params).toEqual({
        error: 'invalid_request',
        error_description: `The authentication request has an invalid '${name}' parameter.`,
        ...(name === 'state' ? {} : { state: 'st-1' }),
      });
      expect(pendingRows()).toBe(before);
    },
  );

  it('accepts 2048 characters of state and nonce, and echoes the state', async () => {
    const browser = new Browser();
    const state = 's'.repeat(2048);
    const page = await browser.get(request({ state, nonce: 'n'.repeat(2048) }));
    expect(page.status).toBe(200);
    const { action, fields } = formOf(await page.text());
    const done = await browser.post(`${t.origin}${action}`, {
      ...fields,
      username: 'kept@example.com',
      password: PASSWORD,
    });
    expect(redirectParams(done)['state']).toBe(state);
  });

  it('refuses parameters of more than 16 KiB together, in a POST as in a GET', async () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`extra${i}`, 'y'.repeat(2000)]));
    const body = new URLSearchParams({
      client_id: web.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: 'st-2',
      ...many,
    });
    const response = await fetch(`${t.origin}/oauth2/default/v1/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    expect(redirectParams(response)).toEqual({
      error: 'invalid_request',
      error_description: 'The authentication request is too large.',
      state: 'st-2',
    });
  });
});

describe('pending authorizations per app', () => {
  it(`keeps the newest ${PENDING_PER_CLIENT} of an app: the oldest page no longer signs in, the newest does`, async () => {
    const pages: { browser: Browser; form: ReturnType<typeof formOf> }[] = [];
    for (let i = 0; i < PENDING_PER_CLIENT + 5; i += 1) {
      const browser = new Browser();
      const page = await browser.get(request({ state: `st-${i}` }));
      expect(page.status).toBe(200);
      pages.push({ browser, form: formOf(await page.text()) });
    }
    const kept = t.app.database
      .prepare("SELECT count(*) AS n FROM pending_authorizations WHERE params ->> '$.client_id' = ?")
      .get(web.clientId) as { n: number };
    expect(kept.n).toBe(PENDING_PER_CLIENT);
    const signIn = ({ browser, form }: (typeof pages)[number]) =>
      browser.post(`${t.origin}${form.action}`, { ...form.fields, username: 'kept@example.com', password: PASSWORD });
    expect((await signIn(pages[0]!)).status).toBe(400);
    expect(redirectParams(await signIn(pages.at(-1)!))['code']).toEqual(expect.any(String));
  });
});
