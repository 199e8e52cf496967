/**
 * The seed's "Test your authorization server configuration" request in the browser: an implicit web
 * app with a redirect URI on Authbox's own origin (it answers 404; only the URL matters), a user
 * assigned to it, `response_type=id_token`, `scope=openid profile`, `state=WM6D`, `nonce=YsG76jo`,
 * signed in on the sign-in page; the ID token from the fragment.
 */
import type { Page } from '@playwright/test';
import type { Authbox } from './authbox-process.js';

export const SEED_STATE = 'WM6D';
export const SEED_NONCE = 'YsG76jo';

export async function seedImplicitIdToken(
  authbox: Authbox,
  page: Page,
  user: { id: string; login: string; password: string },
): Promise<string> {
  const redirectUri = `${authbox.origin}/e2e/callback`;
  const app = await authbox.api<{ id: string; credentials: { oauthClient: { client_id: string } } }>(
    'POST',
    '/api/v1/apps',
    {
      name: 'oidc_client',
      label: 'Seed SPA',
      signOnMode: 'OPENID_CONNECT',
      settings: {
        oauthClient: {
          application_type: 'web',
          grant_types: ['authorization_code', 'implicit'],
          response_types: ['code', 'id_token', 'token'],
          redirect_uris: [redirectUri],
        },
      },
    },
  );
  if (app.status !== 200) throw new Error(`creating the app: ${app.status} ${JSON.stringify(app.body)}`);
  const assigned = await authbox.api('POST', `/api/v1/apps/${app.body.id}/users`, { id: user.id });
  if (assigned.status !== 200) throw new Error(`assigning the user: ${assigned.status}`);
  return implicitIdToken(page, {
    issuer: `${authbox.origin}/oauth2/default`,
    clientId: app.body.credentials.oauthClient.client_id,
    redirectUri,
    user,
  });
}

/**
 * The seed's implicit request to `issuer`'s authorize endpoint for an app set up already, signed in
 * as `user` on the sign-in page (unless the browser has a session there already); the ID token from
 * the redirect's fragment.
 */
export async function implicitIdToken(
  page: Page,
  request: { issuer: string; clientId: string; redirectUri: string; user: { login: string; password: string } },
): Promise<string> {
  const { redirectUri, user } = request;
  const authorize = new URL(`${request.issuer}/v1/authorize`);
  for (const [name, value] of Object.entries({
    client_id: request.clientId,
    redirect_uri: redirectUri,
    response_type: 'id_token',
    scope: 'openid profile',
    state: SEED_STATE,
    nonce: SEED_NONCE,
  }))
    authorize.searchParams.set(name, value);
  const redirected = (url: URL | string) => url.toString().startsWith(`${redirectUri}#`);
  await page.goto(authorize.href);
  // A session from an earlier sign-in on this server answers at once, without the sign-in page.
  if (!redirected(page.url())) {
    await page.getByLabel('Username', { exact: true }).fill(user.login);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(redirected);
  }
  const fragment = new URLSearchParams(new URL(page.url()).hash.slice(1));
  if (fragment.get('state') !== SEED_STATE) throw new Error(`state came back as ${fragment.get('state')}`);
  const idToken = fragment.get('id_token');
  if (!idToken) throw new Error(`no id_token in the redirect: ${page.url()}`);
  return idToken;
}
