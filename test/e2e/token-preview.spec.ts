import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { TokenPreviewPage } from './pages/token-preview-page.js';
import { createClaim, createGroup, createUser, createWebApp } from './support/sandbox-setup.js';

/** Alice (in Engineering) and a web app, with an access token claim and an ID token claim on the default server. */
async function setUp(authbox: Authbox) {
  const userId = await createUser(authbox, 'alice@example.com', { firstName: 'Alice', lastName: 'Smith', department: 'Engineering' });
  await createGroup(authbox, 'Engineering', [userId]);
  const app = await createWebApp(authbox, 'Orders portal', { tier: 'gold' });
  await createClaim(authbox, 'default', { name: 'department', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'user.department', conditions: { scopes: [] } });
  await createClaim(authbox, 'default', { name: 'given', claimType: 'IDENTITY', valueType: 'EXPRESSION', value: 'user.firstName', alwaysIncludeInToken: true, conditions: { scopes: [] } });
  return { userId, app };
}

test('previews the tokens with the custom claims highlighted in the access token and the ID tokens', async ({ page, authbox }) => {
  const { app } = await setUp(authbox);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await expect(page).toHaveURL(/#\/authorization-servers\/default\/token-preview$/);
  await preview.preview(`Orders portal (${app.clientId})`, 'alice@example.com', 'openid profile');

  await expect(preview.customClaims('Access token')).toHaveCount(1);
  await expect(preview.customClaims('Access token')).toContainText('"department": "Engineering"');
  await expect(preview.payload('Access token')).toContainText(`"cid": "${app.clientId}"`);
  // sub comes from the system claim, not a custom one: shown, not highlighted.
  await expect(preview.payload('Access token')).toContainText('"sub": "alice@example.com"');
  await expect(preview.customClaims('ID token')).toHaveText(['"given": "Alice" (custom claim)']);
  await expect(preview.customClaims('ID token (response_type=id_token)')).toHaveText(['"given": "Alice" (custom claim)']);
  await expect(preview.payload('ID token (response_type=id_token)')).toContainText('"preferred_username": "alice@example.com"');
  await expect(preview.payload('Userinfo')).toContainText('"given": "Alice"');
  await expect(preview.result.getByText('custom claim', { exact: true })).toBeVisible();

  const department = preview.traceRows('department');
  await expect(department).toHaveCount(1);
  await expect(department).toContainText('access_token');
  await expect(department).toContainText(/claim ocl\w+ \(RESOURCE EXPRESSION\)/);
  await expect(department).toContainText('user.department');
  await expect(department).toContainText('"Engineering"');
});

test('previews client credentials (no user) with no ID token, and says why', async ({ page, authbox }) => {
  const { app } = await setUp(authbox);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.preview(`Orders portal (${app.clientId})`, 'No user (client credentials)', 'profile');

  await expect(preview.payload('Access token')).toContainText(`"sub": "${app.clientId}"`);
  // department reads user.department: without a user it is null, so the claim is left out.
  await expect(preview.customClaims('Access token')).toHaveCount(0);
  await expect(preview.traceRows('department')).toContainText('left out:');
  await expect(preview.payload('ID token')).toContainText('Not issued');
});

test('shows the server_error of a claim that cannot be evaluated, with the trace', async ({ page, authbox }) => {
  const { app } = await setUp(authbox);
  await createClaim(authbox, 'default', { name: 'broken', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'String.substring(user.firstName, 4, 1)', conditions: { scopes: [] } });
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.preview(`Orders portal (${app.clientId})`, 'alice@example.com', 'openid');

  await expect(preview.fact('Error')).toHaveText('server_error');
  await expect(preview.fact('Error description')).toHaveText("The 'broken' user claim could not be evaluated.");
  await expect(preview.fact('Why (not sent to the client)')).toContainText('broken');
  await expect(preview.traceRows('broken')).toContainText('left out: failed');
  await expect(preview.payload('Access token')).toHaveCount(0);
});

test('shows the API’s refusal under the field it names', async ({ page, authbox }) => {
  await setUp(authbox);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.field('Scopes').fill('openid nonsense:scope');
  await preview.previewButton.click();
  await expect(preview.field('OAuth/OIDC client')).toHaveAccessibleDescription(/cannot be left blank/);
});
