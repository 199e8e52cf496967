/**
 * The org authorization server in the UI: its card on the Authorization Servers screen (issuer =
 * the origin, its keys), its page's Token Preview with the org server's rules, and an app's Okta API
 * Scopes tab granting and revoking a scope, which the Application Grants API then shows. One Authbox
 * per file, reset before each test; apps and users are made through the API.
 */
import { expect, test } from './fixtures.js';
import { TokenPreviewPage } from './pages/token-preview-page.js';
import { assignUser, createGroup, createUser, createWebApp } from './support/sandbox-setup.js';

test.use({ authboxPerFile: true });

test('shows the org authorization server, and grants and revokes an Okta API scope on an app', async ({
  authbox,
  page,
}) => {
  const app = await authbox.api<{ id: string }>('POST', '/api/v1/apps', {
    name: 'oidc_client',
    label: 'Directory sync',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
    settings: {
      oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
    },
  });
  expect(app.status).toBe(200);
  const grants = async () =>
    (await authbox.api<{ scopeId: string }[]>('GET', `/api/v1/apps/${app.body.id}/grants`)).body.map((g) => g.scopeId);

  await page.goto(authbox.uiUrl);
  const org = page.getByRole('region', { name: 'Org Authorization Server' });
  await expect(org.getByText(authbox.origin, { exact: true })).toBeVisible();
  await expect(org.getByRole('table', { name: 'Org authorization server keys' }).getByText('ACTIVE')).toBeVisible();

  await page.goto(`${authbox.origin}/#/applications/${app.body.id}/okta-api-scopes`);
  await expect(page.getByRole('tab', { name: 'Okta API Scopes' })).toHaveAttribute('aria-selected', 'true');
  const scopes = page.getByRole('table', { name: 'Okta API Scopes' });
  const usersRead = scopes.getByRole('row').filter({ hasText: 'okta.users.read' });
  await expect(usersRead).toContainText('Not granted');
  await usersRead.getByRole('button', { name: 'Grant okta.users.read' }).click();
  await expect(usersRead).toContainText('Granted');
  await expect(usersRead.getByRole('button', { name: 'Revoke okta.users.read' })).toBeVisible();
  expect(await grants()).toEqual(['okta.users.read']);

  await usersRead.getByRole('button', { name: 'Revoke okta.users.read' }).click();
  await expect(usersRead).toContainText('Not granted');
  expect(await grants()).toEqual([]);
});

test('previews the org server’s tokens from its page: its policy, the groups claim, assignment required', async ({
  authbox,
  page,
}) => {
  const userId = await createUser(authbox, 'olga@example.com');
  await createGroup(authbox, 'Engineering', [userId]);
  const app = await createWebApp(authbox, 'Org portal');
  await assignUser(authbox, app.id, userId);
  await createUser(authbox, 'nobody@example.com');

  await page.goto(authbox.uiUrl);
  const org = page.getByRole('region', { name: 'Org Authorization Server' });
  await org.getByRole('link', { name: 'Token Preview' }).click();
  await expect(page).toHaveURL(/#\/authorization-servers\/org\/token-preview$/);
  await expect(page.getByRole('heading', { name: 'Org Authorization Server', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Access Policies' })).toHaveCount(0);

  const preview = new TokenPreviewPage(page);
  const client = `Org portal (${app.clientId})`;
  await preview.preview(client, 'olga@example.com', 'openid profile groups', 'Authorization Code');
  await expect(preview.payload('Access token')).toContainText(`"aud": "${authbox.origin}"`);
  await expect(preview.payload('ID token')).toContainText('"Engineering"');
  await expect(preview.customClaims('ID token')).toHaveCount(0);
  await expect(preview.policy('Org authorization server')).toBeVisible();

  await preview.preview(client, 'nobody@example.com', 'openid', 'Authorization Code');
  await expect(preview.fact('Error description')).toHaveText('User is not assigned to the client application.');

  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByRole('table', { name: 'Org authorization server keys' }).getByText('ACTIVE')).toBeVisible();
});
