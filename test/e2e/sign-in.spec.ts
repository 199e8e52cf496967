/**
 * Signing in on the sign-in page in Chromium: an app and a user made through the management API,
 * an authorize URL opened in the browser, Username and Password filled in, Sign in clicked, and
 * the browser lands on the app's redirect URI with a code and the state it sent.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { SignInPage } from './pages/sign-in-page.js';

const PASSWORD = 'Sandbox-Passw0rd!';

/** A web app whose redirect URI is a path on Authbox's own origin (it answers 404; only the URL matters), and an assigned user. */
async function setUp(authbox: Authbox): Promise<{ clientId: string; redirectUri: string }> {
  const redirectUri = `${authbox.origin}/e2e/callback`;
  const app = await authbox.api<{ id: string; credentials: { oauthClient: { client_id: string } } }>(
    'POST',
    '/api/v1/apps',
    {
      name: 'oidc_client',
      label: 'E2E app',
      signOnMode: 'OPENID_CONNECT',
      credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
      settings: {
        oauthClient: {
          application_type: 'web',
          grant_types: ['authorization_code'],
          response_types: ['code'],
          redirect_uris: [redirectUri],
        },
      },
    },
  );
  expect(app.status).toBe(200);
  const user = await authbox.api<{ id: string }>('POST', '/api/v1/users?activate=true', {
    profile: { login: 'alice@example.com', email: 'alice@example.com', firstName: 'Alice', lastName: 'Smith' },
    credentials: { password: { value: PASSWORD } },
  });
  expect(user.status).toBe(200);
  expect(
    (await authbox.api('POST', `/api/v1/apps/${app.body.id}/users`, { id: user.body.id, scope: 'USER' })).status,
  ).toBe(200);
  return { clientId: app.body.credentials.oauthClient.client_id, redirectUri };
}

test('signs in on the sign-in page and lands on the redirect URI with a code and the state', async ({
  authbox,
  page,
}) => {
  const { clientId, redirectUri } = await setUp(authbox);
  const state = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const authorize = new URL(`${authbox.origin}/oauth2/default/v1/authorize`);
  for (const [name, value] of Object.entries({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid profile',
    state,
    nonce: 'n-e2e',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(name, value);

  await page.goto(authorize.href);
  const signIn = new SignInPage(page);
  await expect(page.getByRole('heading', { name: 'Sign in to E2E app' })).toBeVisible();

  await signIn.signInAs('alice@example.com', 'not-the-password');
  await expect(signIn.failure).toHaveText('Sign-in failed. Check your username and password.');

  await signIn.signInAs('alice@example.com', PASSWORD);
  await page.waitForURL((url) => url.href.startsWith(`${redirectUri}?`));
  const landed = new URL(page.url());
  expect(landed.searchParams.get('state')).toBe(state);
  expect(landed.searchParams.get('code')).toMatch(/^[0-9A-Za-z]{43}$/);
});
