/**
 * The rest of the runner's flows through the sandbox API: Hybrid (c_hash and at_hash checked),
 * Authorization Code for a confidential client with client_secret_post, Refresh Token from an
 * earlier run, Resource Owner Password, the follow-ups, and the callback page itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRunDto } from '../../../src-main/contracts/flow-run.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { Browser, assignedUser, signInThrough } from '../authorize/fixtures.js';
import { PASSWORD, createClient } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { RUNS, createNativeApp, postRun } from './runner-fixtures.js';

let t: TestApp;
let web: TestClient;
let native: TestClient;
const post = (path: string, body: unknown = {}) => postRun(t, path, body);

async function signedInRun(input: Record<string, unknown>): Promise<FlowRunDto> {
  const created = await post(`${RUNS}?reveal=true`, { serverId: 'default', appId: web.id, ...input });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const waiting = (await post(`${RUNS}/${created.body.id}/advance`, { to: 'end' })).body;
  const redirect = await signInThrough(t, new Browser(), waiting.authorizeUrl!, 'bob@example.com');
  const location = redirect.headers.get('location')!;
  await post(`${RUNS}/${waiting.id}/callback`, { url: location });
  return (await post(`${RUNS}/${waiting.id}/advance?reveal=true`, { to: 'end' })).body;
}

beforeAll(async () => {
  t = await startTestApp();
  const callback = `${t.origin}/flow-runner/callback`;
  web = await createClient(t, {
    label: 'Runner web',
    credentials: { token_endpoint_auth_method: 'client_secret_post', pkce_required: false },
    settings: {
      application_type: 'web',
      grant_types: ['authorization_code', 'implicit', 'refresh_token'],
      response_types: ['code', 'token', 'id_token'],
      redirect_uris: [callback],
    },
  });
  await assignedUser(t, web, 'bob@example.com');
  native = await createNativeApp(t, 'Runner native');
  await assignedUser(t, native, 'carol@example.com');
});

afterAll(async () => {
  await t?.close();
});

describe('more flows', () => {
  it('runs Hybrid code id_token token with c_hash and at_hash checked', async () => {
    const run = await signedInRun({ flow: 'hybrid', responseType: 'code id_token token', scopes: ['openid'] });
    expect(run.status).toBe('finished');
    expect(run.checks.filter((c) => !c.passed)).toEqual([]);
    expect(run.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['c_hash', 'at_hash', 'state', 'nonce']));
  });

  it('runs Authorization Code for a confidential client with client_secret_post, then refreshes from it', async () => {
    const run = await signedInRun({ flow: 'code', scopes: ['openid', 'offline_access'] });
    expect(run.status).toBe('finished');
    const token = run.steps.find((s) => s.name === 'token')!;
    expect(token.exchange.request.body).toContain('client_secret=');
    expect(run.tokens.refresh_token).toBeDefined();
    expect(run.checks.filter((c) => !c.passed)).toEqual([]);

    const refresh = await post(RUNS, { serverId: 'default', appId: web.id, flow: 'refresh', refreshFrom: run.id });
    expect(refresh.status).toBe(201);
    const refreshed = (await post(`${RUNS}/${refresh.body.id}/advance`, { to: 'end' })).body;
    expect(refreshed.status).toBe('finished');
    expect(refreshed.tokens.access_token).toBeDefined();

    const userinfo = (await post(`${RUNS}/${run.id}/followUps?reveal=true`, { kind: 'userinfo' })).body;
    const answer = userinfo.steps[userinfo.steps.length - 1]!;
    expect(answer.exchange.response!.status).toBe(200);
    expect(JSON.parse(answer.exchange.response!.body)).toMatchObject({ sub: expect.any(String) });
    const revoked = (await post(`${RUNS}/${run.id}/followUps`, { kind: 'revoke' })).body;
    expect(revoked.steps[revoked.steps.length - 1]!.exchange.response!.status).toBe(200);
  });

  it('refuses a refresh run without an earlier run that holds a refresh token', async () => {
    const refused = await post(RUNS, { serverId: 'default', appId: web.id, flow: 'refresh' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('the Refresh Token flow needs an earlier run (refreshFrom)');
  });

  it('runs Resource Owner Password, and fails the run with the OAuth error for a wrong password', async () => {
    const good = await post(RUNS, {
      serverId: 'default',
      appId: native.id,
      flow: 'password',
      username: 'carol@example.com',
      password: PASSWORD,
    });
    const run = (await post(`${RUNS}/${good.body.id}/advance`, { to: 'end' })).body;
    expect(run.status).toBe('finished');
    expect(run.checks.filter((c) => !c.passed)).toEqual([]);
    expect(run.steps.find((s) => s.name === 'token')!.exchange.request.body).toContain('password=Sand••••••');

    const bad = await post(RUNS, {
      serverId: 'default',
      appId: native.id,
      flow: 'password',
      username: 'carol@example.com',
      password: 'wrong',
    });
    const failed = (await post(`${RUNS}/${bad.body.id}/advance`, { to: 'end' })).body;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^the token endpoint refused: invalid_grant/);
  });
});

describe('the callback page', () => {
  it('hands a query or fragment back to its opener with its own origin only, under a nonce CSP', async () => {
    const response = await fetch(`${t.origin}/flow-runner/callback?code=abc&state=xyz`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await response.text();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain('window.opener.postMessage(message,location.origin)');
    expect(html).toContain('url:location.href');
  });

  it('carries the fields of a form_post into the page, escaped for a script', async () => {
    const response = await fetch(`${t.origin}/flow-runner/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: 'abc', state: '</script><b>' }).toString(),
    });
    const html = await response.text();
    expect(html).toContain('"code":"abc"');
    expect(html).toContain('"state":"\\u003c/script\\u003e\\u003cb\\u003e"');
  });
});
