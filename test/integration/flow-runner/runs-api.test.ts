/**
 * The Flow Runner headless, through the sandbox API on a real server: runs of Authorization Code +
 * PKCE, Implicit, Client Credentials and Device Authorization go to tokens against Authbox's own
 * endpoints, with every client check passed and the decision read back from the event log; secrets
 * are masked until `reveal=true`; each kind of bad input is refused with Okta's error JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowRunDto, FlowOptionsDto, FlowRunSummaryDto } from '../../../src-main/contracts/flow-run.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { Browser, signInThrough, assignedUser } from '../authorize/fixtures.js';
import { createClient, createScope } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';
import { DEVICE_GRANT, decide, enterCode } from '../device/fixtures.js';

let t: TestApp;
let spa: TestClient;
let service: TestClient;
let tv: TestClient;
let callback: string;
const clock = new MovableClock();

const RUNS = '/api/sandbox/v1/flowRuns';

async function call<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const init: RequestInit = { method };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await t.api(path, init);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const create = (body: Record<string, unknown>) => call<FlowRunDto>(`${RUNS}?reveal=true`, body);
const advance = (id: string, to: 'step' | 'end' = 'end') =>
  call<FlowRunDto>(`${RUNS}/${id}/advance?reveal=true`, { to });

function expectAllChecksPassed(run: FlowRunDto) {
  expect(run.checks.length).toBeGreaterThan(0);
  expect(run.checks.filter((c) => !c.passed)).toEqual([]);
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  callback = `${t.origin}/flow-runner/callback`;
  await createScope(t, 'default', 'orders:read');
  spa = await createClient(t, {
    label: 'Runner SPA',
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    settings: {
      application_type: 'browser',
      grant_types: ['authorization_code', 'implicit'],
      response_types: ['code', 'token', 'id_token'],
      redirect_uris: [callback],
    },
  });
  await assignedUser(t, spa, 'alice@example.com', { honorific: 'Dr.' });
  service = await createClient(t, { label: 'Runner service' });
  tv = await createClient(t, {
    label: 'Runner TV',
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    settings: {
      application_type: 'native',
      grant_types: ['authorization_code', 'refresh_token', DEVICE_GRANT],
      response_types: ['code'],
      redirect_uris: ['com.example.tv:/callback'],
    },
  });
  const alice = (await call<{ id: string }[]>('/api/v1/users?q=alice')).body[0]!.id;
  await t.api(`/api/v1/apps/${tv.id}/users`, { method: 'POST', body: JSON.stringify({ id: alice, scope: 'USER' }) });
});

afterAll(async () => {
  await t?.close();
});

describe('browser flows', () => {
  it('runs Authorization Code + PKCE through the sign-in window to checked tokens and the decision', async () => {
    const created = await create({
      serverId: 'default',
      appId: spa.id,
      flow: 'code-pkce',
      scopes: ['openid', 'profile'],
    });
    expect(created.status).toBe(201);
    expect(created.body.next).toEqual(['discovery', 'keys', 'authorize', 'callback', 'token']);
    const waiting = (await advance(created.body.id)).body;
    expect(waiting.status).toBe('waiting-callback');
    const url = new URL(waiting.authorizeUrl!);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: spa.clientId,
      response_type: 'code',
      redirect_uri: callback,
      code_challenge_method: 'S256',
      state: waiting.params.state,
      nonce: waiting.params.nonce,
    });

    const redirect = await signInThrough(t, new Browser(), waiting.authorizeUrl!, 'alice@example.com');
    const delivered = await call<FlowRunDto>(`${RUNS}/${waiting.id}/callback`, {
      url: redirect.headers.get('location'),
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body.next).toEqual(['token']);

    const run = (await advance(waiting.id)).body;
    expect(run.status).toBe('finished');
    expect(run.steps.map((s) => s.name)).toEqual(['discovery', 'keys', 'authorize', 'callback', 'token']);
    expect(run.tokens.id_token).toMatch(/^ey/);
    expectAllChecksPassed(run);
    expect(run.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining(['state', 'pkce', 'nonce', 'iss', 'aud', 'exp', 'iat', 'alg', 'signature']),
    );
    const authorizeEvent = run.steps.find((s) => s.name === 'callback')!.events[0]!;
    expect(authorizeEvent.endpoint).toBe('authorize');
    const matched = authorizeEvent.trace!.policies.find((p) => p.outcome === 'matched')!;
    expect(matched.name).toBe('Default Policy');
    expect(matched.rules.find((r) => r.outcome === 'matched')!.name).toBe('Default Policy Rule');
    expect(run.steps.find((s) => s.name === 'token')!.events[0]!.endpoint).toBe('token');
  });

  it("runs the seed's implicit flow (id_token, openid profile, state WM6D, nonce YsG76jo)", async () => {
    const created = await create({
      serverId: 'default',
      appId: spa.id,
      flow: 'implicit',
      responseType: 'id_token',
      scopes: ['openid', 'profile'],
      state: 'WM6D',
      nonce: 'YsG76jo',
    });
    const waiting = (await advance(created.body.id)).body;
    const redirect = await signInThrough(t, new Browser(), waiting.authorizeUrl!, 'alice@example.com');
    expect(redirect.headers.get('location')).toContain('#');
    const run = (
      await call<FlowRunDto>(`${RUNS}/${waiting.id}/callback?reveal=true`, { url: redirect.headers.get('location') })
    ).body;
    expect(run.status).toBe('finished');
    expectAllChecksPassed(run);
    expect(run.checks.find((c) => c.id === 'nonce')!.reason).toBe('nonce YsG76jo is the one sent');
    expect(run.checks.find((c) => c.id === 'state')!.reason).toBe('state WM6D came back unchanged');
    const payload = JSON.parse(Buffer.from(run.tokens.id_token!.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(payload.preferred_honorific).toBe('Dr.');
  });

  it('fails the state check when the callback brings another state', async () => {
    const created = await create({ serverId: 'default', appId: spa.id, flow: 'implicit', scopes: ['openid'] });
    const waiting = (await advance(created.body.id)).body;
    const redirect = await signInThrough(t, new Browser(), waiting.authorizeUrl!, 'alice@example.com');
    const forged = redirect.headers.get('location')!.replace(/state=[^&]+/, 'state=forged');
    const run = (await call<FlowRunDto>(`${RUNS}/${waiting.id}/callback`, { url: forged })).body;
    expect(run.checks.find((c) => c.id === 'state')).toEqual({
      id: 'state',
      passed: false,
      reason: `sent ${waiting.params.state}, got forged`,
    });
  });
});

describe('client credentials and device authorization', () => {
  it('runs Client Credentials to an access token, masked until revealed', async () => {
    const created = await call<FlowRunDto>(RUNS, {
      serverId: 'default',
      appId: service.id,
      flow: 'client-credentials',
      scopes: ['orders:read'],
    });
    const run = (await call<FlowRunDto>(`${RUNS}/${created.body.id}/advance`, { to: 'end' })).body;
    expect(run.status).toBe('finished');
    expect(run.revealed).toBe(false);
    expect(run.tokens.access_token).toMatch(/^eyJ.••••••$/);
    const token = run.steps.find((s) => s.name === 'token')!;
    expect(token.exchange.request.headers.authorization).toBe('Basic ••••••');
    expect(token.exchange.response!.body).not.toContain(service.clientSecret!);
    expect(token.events[0]!.trace!.scopes!.granted).toEqual(['orders:read']);
    expectAllChecksPassed(run);

    const revealed = (await call<FlowRunDto>(`${RUNS}/${run.id}?reveal=true`)).body;
    expect(revealed.tokens.access_token!.split('.')).toHaveLength(3);
    const introspected = (await call<FlowRunDto>(`${RUNS}/${run.id}/followUps?reveal=true`, { kind: 'introspect' }))
      .body;
    const introspection = introspected.steps[introspected.steps.length - 1]!;
    expect(introspection.name).toBe('introspect');
    expect(JSON.parse(introspection.exchange.response!.body)).toMatchObject({ active: true, scope: 'orders:read' });
  });

  it('runs Device Authorization: pending while the user has not approved, then tokens, polling at the interval', async () => {
    const created = await create({ serverId: 'default', appId: tv.id, flow: 'device', scopes: ['openid', 'profile'] });
    const started = (await advance(created.body.id)).body;
    expect(started.status).toBe('polling');
    expect(started.device!.user_code).toMatch(/^[A-Z]{4}-?[A-Z]{4}$/);

    const early = await advance(started.id);
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ errorCode: 'E0000001' });

    clock.advance(started.device!.interval);
    const pending = (await advance(started.id)).body;
    expect(pending.status).toBe('polling');
    expect(pending.steps[pending.steps.length - 1]!.note).toMatch(/^authorization_pending/);

    const browser = new Browser();
    const approve = await enterCode(
      t,
      browser,
      started.device!.verification_uri_complete!,
      undefined,
      'alice@example.com',
    );
    await decide(t, browser, approve, 'allow');
    clock.advance(pending.device!.interval);
    const run = (await advance(started.id)).body;
    expect(run.status).toBe('finished');
    expect(run.tokens.access_token).toBeDefined();
    expectAllChecksPassed(run);
  });
});

describe('options, history and bad input', () => {
  it('offers only the flows the app allows and says why not for the others', async () => {
    const { body } = await call<FlowOptionsDto>(`/api/sandbox/v1/apps/${service.id}/flowOptions`);
    expect(body.redirectUriListed).toBe(false);
    expect(body.flows.find((f) => f.flow === 'client-credentials')).toMatchObject({ allowed: true });
    expect(body.flows.find((f) => f.flow === 'code-pkce')).toEqual({
      flow: 'code-pkce',
      label: 'Authorization Code + PKCE',
      allowed: false,
      reason: 'the app does not allow the authorization_code grant',
    });
    const spaOptions = (await call<FlowOptionsDto>(`/api/sandbox/v1/apps/${spa.id}/flowOptions`)).body;
    expect(spaOptions).toMatchObject({ redirectUri: callback, redirectUriListed: true });
  });

  it('lists runs newest first, runs one again and deletes one', async () => {
    const first = (
      await create({ serverId: 'default', appId: service.id, flow: 'client-credentials', scopes: ['orders:read'] })
    ).body;
    const again = await call<FlowRunDto>(`${RUNS}/${first.id}/again`, undefined, 'POST');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      flow: 'client-credentials',
      params: { scopes: ['orders:read'] },
      status: 'ready',
    });
    const list = (await call<FlowRunSummaryDto[]>(RUNS)).body;
    expect(list[0]!.id).toBe(again.body.id);
    expect((await call(`${RUNS}/${first.id}`, undefined, 'DELETE')).status).toBe(204);
    expect((await call(`${RUNS}/${first.id}`)).status).toBe(404);
  });

  it('refuses an unknown app, a flow the app may not run, and a malformed body', async () => {
    const unknown = await create({ serverId: 'default', appId: '0oaNOPE', flow: 'client-credentials' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 0oaNOPE (Application)',
    });
    const notAllowed = await create({ serverId: 'default', appId: service.id, flow: 'implicit' });
    expect(notAllowed.status).toBe(400);
    expect(notAllowed.body).toMatchObject({
      errorCode: 'E0000001',
      errorCauses: [
        {
          errorSummary: expect.stringContaining(
            'flow: implicit cannot run for Runner service: the app does not allow the implicit grant',
          ),
        },
      ],
    });
    const badFlow = await create({ serverId: 'default', appId: service.id, flow: 'magic' });
    expect(badFlow.status).toBe(400);
    expect(JSON.stringify(badFlow.body)).toContain('flow: must be one of code-pkce');
    const notJson = await t.api(RUNS, { method: 'POST', body: '[1]' });
    expect(notJson.status).toBe(400);
  });

  it('refuses a step out of order and a callback for a run that waits for none', async () => {
    const run = (await create({ serverId: 'default', appId: spa.id, flow: 'code-pkce' })).body;
    const early = await call(`${RUNS}/${run.id}/callback`, { url: `${callback}?code=x&state=y` });
    expect(early.status).toBe(400);
    expect(JSON.stringify(early.body)).toContain('is not waiting for a callback (it is ready)');
    await advance(run.id);
    const skip = await advance(run.id);
    expect(skip.status).toBe(400);
    expect(JSON.stringify(skip.body)).toContain('waits for the callback from the sign-in window');
    const badUrl = await call(`${RUNS}/${run.id}/callback`, { url: 'not a url' });
    expect(JSON.stringify(badUrl.body)).toContain("the callback URL 'not a url' is not an absolute URL");

    const cc = (
      await create({ serverId: 'default', appId: service.id, flow: 'client-credentials', scopes: ['orders:read'] })
    ).body;
    await advance(cc.id);
    const finished = await call(`${RUNS}/${cc.id}/callback`, { url: `${callback}?code=x` });
    expect(JSON.stringify(finished.body)).toContain('is not waiting for a callback (it is finished)');
    const again = await advance(cc.id);
    expect(JSON.stringify(again.body)).toContain('is finished; use Run again for a new one');
  });

  it('refuses a browser flow when the app does not list the callback URI', async () => {
    const web = await createClient(t, {
      label: 'Elsewhere',
      credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
      settings: {
        application_type: 'browser',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['https://app.example.com/cb'],
      },
    });
    const refused = await create({ serverId: 'default', appId: web.id, flow: 'code-pkce' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain(`Elsewhere does not list ${callback} as a sign-in redirect URI`);
  });
});
