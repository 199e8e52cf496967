/**
 * The org authorization server in the UI: its card on the Authorization Servers screen (issuer =
 * the origin, its keys), and an app's Okta API Scopes tab granting and revoking a scope, which the
 * Application Grants API then shows. One Authbox; the app is made through the API.
 */
import { expect, test } from './fixtures.js';

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
