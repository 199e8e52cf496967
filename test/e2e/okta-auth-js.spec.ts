/**
 * Okta's own browser SDK, unmodified, against Authbox in Chromium. A single-page app on another
 * origin (`http://localhost:<port>`, served by a small node:http server in this test) loads
 * `@okta/okta-auth-js` 8's browser bundle from node_modules and builds an `OktaAuth` from nothing but
 * issuer, clientId, redirectUri and scopes, so every other option keeps its default (PKCE, code flow,
 * localStorage). Every call auth-js makes is cross-origin and preflighted (docs/cors.md).
 *
 * The flow: signInWithRedirect → Authbox's sign-in page → back on /callback, where the page calls
 * handleLoginRedirect as an SPA does → tokens stored → getUser → tokenManager.renew with the refresh
 * token → signOut, which revokes both tokens and navigates to /v1/logout and from there back to the
 * app's origin (auth-js's default post-logout redirect URI). The same flow runs with the `default`
 * custom server as issuer, then with the org authorization server (issuer = the origin), on one Authbox.
 * And with `dpop: true` for an app that requires DPoP: DPoP-bound tokens from a custom server, read
 * at /userinfo and renewed with proofs of the key auth-js keeps in IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { SignInPage } from './pages/sign-in-page.js';

const AUTH_JS_BUNDLE = fileURLToPath(
  new URL('../../node_modules/@okta/okta-auth-js/dist/okta-auth-js.min.js', import.meta.url),
);
const LOGIN = 'ada@example.com';
const PASSWORD = 'Sandbox-Passw0rd!';
const SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/** The SPA's page, on / and /callback: it builds its OktaAuth and finishes a login redirect when it is one. */
function spaPage(config: Record<string, unknown>): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>SPA</title><script src="/okta-auth-js.min.js"></script></head>
<body><p>SPA</p>
<script>
  const OktaAuthClass = window.OktaAuth.OktaAuth || window.OktaAuth;
  window.authClient = new OktaAuthClass(${JSON.stringify(config)});
  window.redirectHandled = window.authClient.isLoginRedirect() ? window.authClient.handleLoginRedirect() : Promise.resolve();
</script></body></html>`;
}

/** A node:http server on a loopback port of its own: the SPA's origin. */
async function startSpa(): Promise<{
  server: Server;
  origin: string;
  setConfig(config: Record<string, unknown>): void;
}> {
  const bundle = readFileSync(AUTH_JS_BUNDLE);
  let html = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/okta-auth-js.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else if (path === '/' || path === '/callback') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://localhost:${port}`, setConfig: (config) => void (html = spaPage(config)) };
}

/** A single-page app (public client, PKCE, refresh tokens) and a user assigned to it, made through the management API. */
async function setUp(authbox: Authbox, spaOrigin: string, options: { dpop?: boolean } = {}): Promise<string> {
  const app = await authbox.api<{ id: string; credentials: { oauthClient: { client_id: string } } }>(
    'POST',
    '/api/v1/apps',
    {
      name: 'oidc_client',
      label: 'auth-js SPA',
      signOnMode: 'OPENID_CONNECT',
      credentials: { oauthClient: { token_endpoint_auth_method: 'none', pkce_required: true } },
      settings: {
        oauthClient: {
          application_type: 'browser',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          redirect_uris: [`${spaOrigin}/callback`],
          post_logout_redirect_uris: [spaOrigin],
          ...(options.dpop ? { dpop_bound_access_tokens: true } : {}),
        },
      },
    },
  );
  expect(app.status, JSON.stringify(app.body)).toBe(200);
  const user = await authbox.api<{ id: string }>('POST', '/api/v1/users?activate=true', {
    profile: { login: LOGIN, email: LOGIN, firstName: 'Ada', lastName: 'Lovelace' },
    credentials: { password: { value: PASSWORD } },
  });
  expect(user.status).toBe(200);
  expect(
    (await authbox.api('POST', `/api/v1/apps/${app.body.id}/users`, { id: user.body.id, scope: 'USER' })).status,
  ).toBe(200);
  return app.body.credentials.oauthClient.client_id;
}

interface StoredTokens {
  accessToken?: { accessToken: string; scopes: string[] };
  idToken?: { idToken: string; claims: Record<string, unknown> };
  refreshToken?: { refreshToken: string };
}

const storedTokens = (page: Page) =>
  page.evaluate(() =>
    (
      window as unknown as { authClient: { tokenManager: { getTokensSync(): StoredTokens } } }
    ).authClient.tokenManager.getTokensSync(),
  );

// One Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

let spa: Awaited<ReturnType<typeof startSpa>>;

test.beforeEach(async () => {
  spa = await startSpa();
});

test.afterEach(async () => {
  spa.server.closeAllConnections();
  await new Promise((closed) => spa.server.close(closed));
});

/** A server auth-js is pointed at: its issuer, and the path its endpoints sit under. */
interface IssuerUnderTest {
  issuer: string;
  /** `/oauth2/default` for a custom server, `/oauth2` for the org server (issuer = the origin). */
  path: string;
  /** Where auth-js reads discovery: `<issuer>/.well-known/openid-configuration`. */
  discovery: string;
}

test('okta-auth-js 8 with default options signs in, reads the user, renews with a refresh token and signs out, with a custom server and with the org server as issuer', async ({
  authbox,
  page,
}) => {
  const clientId = await setUp(authbox, spa.origin);
  const servers: IssuerUnderTest[] = [
    {
      issuer: `${authbox.origin}/oauth2/default`,
      path: '/oauth2/default',
      discovery: '/oauth2/default/.well-known/openid-configuration',
    },
    // The org authorization server: auth-js takes an issuer without /oauth2/ as the org's, its endpoints under /oauth2/v1.
    { issuer: authbox.origin, path: '/oauth2', discovery: '/.well-known/openid-configuration' },
  ];
  for (const server of servers) await signInRenewSignOut(authbox, page, clientId, server);
});

async function signInRenewSignOut(authbox: Authbox, page: Page, clientId: string, server: IssuerUnderTest) {
  const { issuer } = server;
  const v1 = `${authbox.origin}${server.path}/v1`;
  spa.setConfig({ issuer, clientId, redirectUri: `${spa.origin}/callback`, scopes: SCOPES });
  const calls: string[] = [];
  const record = (request: { url(): string; method(): string }) => {
    if (request.url().startsWith(authbox.origin)) calls.push(`${request.method()} ${new URL(request.url()).pathname}`);
  };
  page.on('request', record);

  await page.goto(`${spa.origin}/`);
  await page.evaluate(() => {
    void (window as unknown as { authClient: { signInWithRedirect(): Promise<void> } }).authClient.signInWithRedirect();
  });
  await page.waitForURL((url) => url.href.startsWith(`${v1}/authorize?`));
  const authorize = new URL(page.url()).searchParams;
  expect(
    Object.fromEntries(
      ['client_id', 'response_type', 'code_challenge_method', 'scope'].map((name) => [name, authorize.get(name)]),
    ),
  ).toEqual({
    client_id: clientId,
    response_type: 'code',
    code_challenge_method: 'S256',
    scope: SCOPES.join(' '),
  });

  // The redirect to /callback?code=… is awaited as a request, set up before the click: once handleLoginRedirect
  // has parsed the code it removes code and state from the address bar (auth-js parseFromUrl, history.replaceState),
  // so a URL check that runs after the page got there would wait forever for a navigation that already happened.
  const callback = page.waitForRequest((request) => request.url().startsWith(`${spa.origin}/callback?code=`));
  await new SignInPage(page).signInAs(LOGIN, PASSWORD);
  await callback;
  // On /callback the page's handleLoginRedirect exchanges the code and stores the tokens (it stays there:
  // signInWithRedirect was given no originalUri to go back to).
  await page.waitForURL((url) => url.origin === spa.origin && url.pathname === '/callback');
  await page.evaluate(() => (window as unknown as { redirectHandled: Promise<void> }).redirectHandled);
  const signedIn = await storedTokens(page);
  expect(signedIn.accessToken?.scopes).toEqual(SCOPES);
  expect(signedIn.idToken?.claims).toMatchObject({ iss: issuer, aud: clientId, email: LOGIN });
  expect(signedIn.refreshToken?.refreshToken).toEqual(expect.any(String));

  const user = await page.evaluate(() =>
    (window as unknown as { authClient: { getUser(): Promise<Record<string, unknown>> } }).authClient.getUser(),
  );
  expect(user).toMatchObject({ sub: signedIn.idToken?.claims['sub'], email: LOGIN, name: 'Ada Lovelace' });

  await page.evaluate(() =>
    (
      window as unknown as { authClient: { tokenManager: { renew(key: string): Promise<unknown> } } }
    ).authClient.tokenManager.renew('accessToken'),
  );
  const renewed = await storedTokens(page);
  expect(renewed.accessToken?.accessToken).not.toBe(signedIn.accessToken?.accessToken);
  // A browser app's refresh tokens ROTATE: the renewal brought a new one.
  expect(renewed.refreshToken?.refreshToken).not.toBe(signedIn.refreshToken?.refreshToken);

  const logout = page.waitForRequest((request) => request.url().startsWith(`${v1}/logout?`));
  await page.evaluate(() => {
    void (window as unknown as { authClient: { signOut(): Promise<boolean> } }).authClient.signOut();
  });
  const logoutUrl = new URL((await logout).url());
  expect(logoutUrl.searchParams.get('post_logout_redirect_uri')).toBe(spa.origin);
  expect(logoutUrl.searchParams.get('id_token_hint')).toBe(renewed.idToken?.idToken);
  await page.waitForURL(`${spa.origin}/`);

  // signOut revoked the access token before it left: /userinfo refuses it now.
  const userinfo = await fetch(`${v1}/userinfo`, {
    headers: { authorization: `Bearer ${renewed.accessToken?.accessToken}` },
  });
  expect(userinfo.status).toBe(401);
  page.off('request', record);
  expect(calls).toEqual([
    `GET ${server.discovery}`,
    ...[
      'GET /v1/authorize',
      'POST /v1/authorize/sign-in',
      'POST /v1/token',
      'GET /v1/keys',
      'GET /v1/userinfo',
      'POST /v1/token',
      'POST /v1/revoke',
      'POST /v1/revoke',
      'GET /v1/logout',
    ].map((call) => call.replace(' /v1/', ` ${server.path}/v1/`)),
  ]);
}

test('okta-auth-js 8 with dpop: true gets DPoP-bound tokens from a custom server, reads /userinfo and renews with proofs', async ({
  authbox,
  page,
}) => {
  const clientId = await setUp(authbox, spa.origin, { dpop: true });
  const issuer = `${authbox.origin}/oauth2/default`;
  spa.setConfig({ issuer, clientId, redirectUri: `${spa.origin}/callback`, scopes: SCOPES, dpop: true });
  const proofs: string[] = [];
  const record = (request: { url(): string; method(): string; headers(): Record<string, string> }) => {
    if (request.url().startsWith(authbox.origin) && request.headers()['dpop'])
      proofs.push(`${request.method()} ${new URL(request.url()).pathname}`);
  };
  page.on('request', record);

  await page.goto(`${spa.origin}/`);
  await page.evaluate(() => {
    void (window as unknown as { authClient: { signInWithRedirect(): Promise<void> } }).authClient.signInWithRedirect();
  });
  await page.waitForURL((url) => url.href.startsWith(`${issuer}/v1/authorize?`));
  const callback = page.waitForRequest((request) => request.url().startsWith(`${spa.origin}/callback?code=`));
  await new SignInPage(page).signInAs(LOGIN, PASSWORD);
  await callback;
  await page.waitForURL((url) => url.origin === spa.origin && url.pathname === '/callback');
  await page.evaluate(() => (window as unknown as { redirectHandled: Promise<void> }).redirectHandled);
  const signedIn = (await storedTokens(page)) as StoredTokens & { accessToken?: { tokenType?: string } };
  expect(signedIn.accessToken?.tokenType).toBe('DPoP');
  const [, payload] = signedIn.accessToken!.accessToken.split('.');
  expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toHaveProperty('cnf.jkt');

  const user = await page.evaluate(() =>
    (window as unknown as { authClient: { getUser(): Promise<Record<string, unknown>> } }).authClient.getUser(),
  );
  expect(user).toMatchObject({ email: LOGIN });
  await page.evaluate(() =>
    (
      window as unknown as { authClient: { tokenManager: { renew(key: string): Promise<unknown> } } }
    ).authClient.tokenManager.renew('accessToken'),
  );
  const renewed = await storedTokens(page);
  expect(renewed.accessToken?.accessToken).not.toBe(signedIn.accessToken?.accessToken);
  page.off('request', record);
  // The code exchange and the refresh each after one use_dpop_nonce round; /userinfo with one proof.
  expect(proofs).toEqual([
    'POST /oauth2/default/v1/token',
    'POST /oauth2/default/v1/token',
    'GET /oauth2/default/v1/userinfo',
    'POST /oauth2/default/v1/token',
    'POST /oauth2/default/v1/token',
  ]);
  // As Bearer the bound token is refused.
  const asBearer = await fetch(`${issuer}/v1/userinfo`, {
    headers: { authorization: `Bearer ${renewed.accessToken?.accessToken}` },
  });
  expect(asBearer.status).toBe(401);
});
