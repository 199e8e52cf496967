/**
 * Each refusal of /authorize: the client and redirect URI problems as a 400 page with no Location,
 * every later one back at the redirect URI with Okta's `error`, exact `error_description` and the
 * `state`; prompt, max_age and the server's policies changing the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { createPolicyAndRule, createServer, createUser, oneEvent } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createBrowserClient,
  createWebClient,
  redirectParams,
  signInThrough,
} from './fixtures.js';

let t: TestApp;
let web: TestClient;
let spa: TestClient;
const clock = new MovableClock();

beforeAll(async () => {
  t = await startTestApp({ clock });
  web = await createWebClient(t);
  spa = await createBrowserClient(t);
  await assignedUser(t, web, 'alice@example.com');
});

afterAll(async () => {
  await t?.close();
});

const codeRequest = (extra: Record<string, string> = {}, serverId = 'default') =>
  authorizeUrl(
    t,
    {
      client_id: web.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: 'st-1',
      ...extra,
    },
    serverId,
  );

/** A browser signed in to the default server. */
async function signedIn(): Promise<Browser> {
  const browser = new Browser();
  expect((await signInThrough(t, browser, codeRequest(), 'alice@example.com')).status).toBe(302);
  return browser;
}

async function errorPage(url: string): Promise<string> {
  const answer = await fetch(url, { redirect: 'manual' });
  expect(answer.status).toBe(400);
  expect(answer.headers.get('location')).toBeNull();
  expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  return answer.text();
}

describe('refused before the redirect URI is trusted: a 400 page, never a redirect', () => {
  it('an unknown client_id', async () => {
    const { result, event } = await oneEvent(t, () => errorPage(codeRequest({ client_id: 'nope' })));
    expect(result).toContain('Invalid value for &#39;client_id&#39; parameter.');
    expect(event).toMatchObject({
      endpoint: 'authorize',
      outcome: 'failure',
      error: 'invalid_client',
      client_id: 'nope',
    });
  });

  it('a redirect_uri that is not registered, named in the page', async () => {
    const html = await errorPage(codeRequest({ redirect_uri: 'https://evil.example.com/cb' }));
    expect(html).toContain(
      'The &#39;redirect_uri&#39; parameter must be a Login redirect URI in the client app settings.',
    );
    expect(html).not.toContain('evil.example.com');
  });

  it('an INACTIVE app', async () => {
    const app = await createWebClient(t);
    await t.api(`/api/v1/apps/${app.id}/lifecycle/deactivate`, { method: 'POST' });
    expect(await errorPage(codeRequest({ client_id: app.clientId }))).toContain('client_id');
  });

  it('an inactive authorization server answers 404 E0000007', async () => {
    const serverId = await createServer(t, 'dormant');
    await t.api(`/api/v1/authorizationServers/${serverId}/lifecycle/deactivate`, { method: 'POST' });
    const answer = await fetch(codeRequest({}, serverId), { redirect: 'manual' });
    expect(answer.status).toBe(404);
    expect(((await answer.json()) as { errorCode: string }).errorCode).toBe('E0000007');
  });
});

describe('refused at the redirect URI with state', () => {
  const refused = async (url: string, part: 'query' | 'fragment' = 'query') =>
    redirectParams(await fetch(url, { redirect: 'manual' }), part);

  it('id_token without a nonce', async () => {
    const params = await refused(codeRequest({ response_type: 'id_token' }), 'fragment');
    expect(params).toEqual({ error: 'invalid_request', error_description: OKTA_TEXT_NONCE, state: 'st-1' });
  });

  it('query response mode with id_token', async () => {
    const params = await refused(codeRequest({ response_type: 'id_token', response_mode: 'query', nonce: 'n' }));
    expect(params).toEqual({
      error: 'unsupported_response_mode',
      error_description: "'query' response mode cannot be used with either the 'id_token' or 'token' response types.",
      state: 'st-1',
    });
  });

  it('a public client without a PKCE challenge', async () => {
    const params = await refused(
      authorizeUrl(t, {
        client_id: spa.clientId,
        redirect_uri: REDIRECT_URI,
        response_type: 'code',
        scope: 'openid',
        state: 's',
      }),
    );
    expect(params).toEqual({
      error: 'invalid_request',
      error_description: 'PKCE code challenge is required by the application.',
      state: 's',
    });
  });

  it('a response type the app does not list, and one that does not exist', async () => {
    const codeOnly = await createWebClient(t, {}, { grant_types: ['authorization_code'], response_types: ['code'] });
    const notListed = await refused(
      authorizeUrl(t, {
        client_id: codeOnly.clientId,
        redirect_uri: REDIRECT_URI,
        response_type: 'token',
        nonce: 'n',
        state: 's',
      }),
      'fragment',
    );
    expect(notListed).toMatchObject({
      error: 'unsupported_response_type',
      error_description:
        'The response type is not supported by the authorization server. Configured response types: [code].',
    });
    const unknown = await refused(codeRequest({ response_type: 'code banana' }));
    expect(unknown).toMatchObject({ error: 'unsupported_response_type', state: 'st-1' });
  });

  it('prompt=none without a session', async () => {
    const params = await refused(codeRequest({ prompt: 'none' }));
    expect(params).toEqual({
      error: 'login_required',
      error_description: 'The client specified not to prompt, but the user is not logged in.',
      state: 'st-1',
    });
  });

  it('a user not assigned to the app, after signing in', async () => {
    await createUser(t, 'dave@example.com');
    const params = redirectParams(await signInThrough(t, new Browser(), codeRequest(), 'dave@example.com'));
    expect(params).toEqual({
      error: 'access_denied',
      error_description: 'User is not assigned to the client application.',
      state: 'st-1',
    });
  });

  it('an unknown scope', async () => {
    const browser = await signedIn();
    const params = redirectParams(await browser.get(codeRequest({ scope: 'openid nope' })));
    expect(params).toEqual({
      error: 'invalid_scope',
      error_description: 'One or more scopes are not configured for the authorization server resource.',
      state: 'st-1',
    });
  });

  it('an ID token without openid', async () => {
    const browser = await signedIn();
    const params = redirectParams(
      await browser.get(codeRequest({ response_type: 'id_token', scope: 'profile', nonce: 'n' })),
      'fragment',
    );
    expect(params).toEqual({
      error: 'access_denied',
      error_description: "Requests for ID tokens or access tokens with OpenID scopes require the 'openid' scope.",
      state: 'st-1',
    });
  });
});

const OKTA_TEXT_NONCE =
  "The 'nonce' parameter is required for authorize requests with either the 'id_token' or 'token' response types..";

describe('sessions, prompt and max_age', () => {
  it('prompt=none with a session returns a code', async () => {
    const browser = await signedIn();
    expect(redirectParams(await browser.get(codeRequest({ prompt: 'none' })))).toMatchObject({
      code: expect.any(String),
      state: 'st-1',
    });
  });

  it('prompt=login shows the form even with a session, and the sign-in then completes', async () => {
    const browser = await signedIn();
    const answer = await signInThrough(t, browser, codeRequest({ prompt: 'login' }), 'alice@example.com');
    expect(redirectParams(answer)).toMatchObject({ code: expect.any(String) });
  });

  it('max_age older than the session asks for a new sign-in; a younger one does not', async () => {
    const browser = await signedIn();
    clock.advance(120);
    expect((await browser.get(codeRequest({ max_age: '600' }))).status).toBe(302);
    const page = await browser.get(codeRequest({ max_age: '60' }));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="password">Password</label>');
  });

  it('the session of one server does not sign in to another', async () => {
    const serverId = await createServer(t, 'orders');
    await createPolicyAndRule(t, serverId, ['authorization_code']);
    const browser = await signedIn();
    expect((await browser.get(codeRequest({}, serverId))).status).toBe(200);
  });
});

describe('policies decide at /authorize', () => {
  it('a disabled rule, then a disabled policy, turn a code into access_denied', async () => {
    const serverId = await createServer(t, 'billing');
    await createPolicyAndRule(t, serverId, ['authorization_code']);
    const base = `/api/v1/authorizationServers/${serverId}/policies`;
    const [policy] = (await (await t.api(base)).json()) as { id: string }[];
    const [rule] = (await (await t.api(`${base}/${policy!.id}/rules`)).json()) as { id: string }[];
    const browser = new Browser();
    expect(
      redirectParams(await signInThrough(t, browser, codeRequest({}, serverId), 'alice@example.com')),
    ).toHaveProperty('code');

    await t.api(`${base}/${policy!.id}/rules/${rule!.id}/lifecycle/deactivate`, { method: 'POST' });
    const { result, event } = await oneEvent(t, async () =>
      redirectParams(await browser.get(codeRequest({}, serverId))),
    );
    expect(result).toEqual({
      error: 'access_denied',
      error_description: 'Policy evaluation failed for this request, please check the policy configurations.',
      state: 'st-1',
    });
    expect(event.detail).toContain('rule is INACTIVE');

    await t.api(`${base}/${policy!.id}/rules/${rule!.id}/lifecycle/activate`, { method: 'POST' });
    await t.api(`${base}/${policy!.id}/lifecycle/deactivate`, { method: 'POST' });
    const disabledPolicy = redirectParams(await browser.get(codeRequest({}, serverId)));
    expect(disabledPolicy).toEqual({
      error: 'access_denied',
      error_description: 'Policy evaluation failed for this request, please check the policy configurations.',
      state: 'st-1',
    });
  });

  it('evaluates implicit for token-only response types', async () => {
    const serverId = await createServer(t, 'codes-only');
    await createPolicyAndRule(t, serverId, ['authorization_code']);
    const browser = new Browser();
    const answer = await signInThrough(
      t,
      browser,
      codeRequest({ response_type: 'id_token', nonce: 'n' }, serverId),
      'alice@example.com',
    );
    expect(redirectParams(answer, 'fragment')).toMatchObject({
      error: 'access_denied',
      error_description: 'Policy evaluation failed for this request, please check the policy configurations.',
    });
  });
});
