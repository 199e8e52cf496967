import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { TokenPreviewPage } from './pages/token-preview-page.js';
import {
  assignUser,
  createClaim,
  createGroup,
  createPolicyWithRule,
  createScope,
  createServer,
  createUser,
  createWebApp,
} from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

/** Alice (in Engineering) and a web app, with an access token claim and an ID token claim on the default server. */
async function setUp(authbox: Authbox) {
  const userId = await createUser(authbox, 'alice@example.com', {
    firstName: 'Alice',
    lastName: 'Smith',
    department: 'Engineering',
  });
  await createGroup(authbox, 'Engineering', [userId]);
  const app = await createWebApp(authbox, 'Orders portal', { tier: 'gold' });
  await createClaim(authbox, 'default', {
    name: 'department',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: 'user.department',
    conditions: { scopes: [] },
  });
  await createClaim(authbox, 'default', {
    name: 'given',
    claimType: 'IDENTITY',
    valueType: 'EXPRESSION',
    value: 'user.firstName',
    alwaysIncludeInToken: true,
    conditions: { scopes: [] },
  });
  return { userId, app };
}

test('previews the tokens with the custom claims highlighted in the access token and the ID tokens', async ({
  page,
  authbox,
}) => {
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
  await expect(preview.customClaims('ID token (response_type=id_token)')).toHaveText([
    '"given": "Alice" (custom claim)',
  ]);
  await expect(preview.payload('ID token (response_type=id_token)')).toContainText(
    '"preferred_username": "alice@example.com"',
  );
  await expect(preview.payload('Userinfo')).toContainText('"given": "Alice"');
  await expect(preview.result.getByText('custom claim', { exact: true })).toBeVisible();

  const department = preview.traceRows('department');
  await expect(department).toHaveCount(1);
  await expect(department).toContainText('access_token');
  await expect(department).toContainText(/claim ocl\w+ \(RESOURCE EXPRESSION\)/);
  await expect(department).toContainText('user.department');
  await expect(department).toContainText('"Engineering"');
  // Any is the default: the scopes are taken as granted and no policy decides.
  await expect(preview.field('Grant type')).toHaveValue('');
  await expect(preview.decision).toHaveCount(0);
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
  await createClaim(authbox, 'default', {
    name: 'broken',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: 'String.substring(user.firstName, 4, 1)',
    conditions: { scopes: [] },
  });
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

test('with Authorization Code, shows the matched policy and rule, the granted scopes and the lifetime', async ({
  page,
  authbox,
}) => {
  const { userId, app } = await setUp(authbox);
  await assignUser(authbox, app.id, userId);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.preview(`Orders portal (${app.clientId})`, 'alice@example.com', 'openid profile', 'Authorization Code');

  await expect(preview.decision).toContainText('As for a token request with grant type Authorization Code.');
  await expect(preview.policy('Default Policy')).toContainText('Matched');
  const rule = preview.rule('Default Policy', 'Default Policy Rule');
  await expect(rule).toContainText('Matched');
  await expect(rule).toHaveAttribute('aria-current', 'true');
  await expect(preview.fact('Granted', preview.decision)).toHaveText('openid profile');
  await expect(preview.fact('Access token', preview.decision)).toHaveText('1 hour');
  await expect(preview.customClaims('Access token')).toContainText('"department": "Engineering"');
});

test('refuses Client Credentials with a user selected, under User', async ({ page, authbox }) => {
  const { app } = await setUp(authbox);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.preview(`Orders portal (${app.clientId})`, 'alice@example.com', 'openid', 'Client Credentials');

  await expect(preview.field('User')).toHaveAccessibleDescription(
    'must be left out for client_credentials (its tokens have no user)',
  );
  await expect(preview.field('User')).toHaveAttribute('aria-invalid', 'true');
  await expect(preview.result).toHaveCount(0);
});

test('answers a user not assigned to the app with access_denied, refused before any policy', async ({
  page,
  authbox,
}) => {
  const { app } = await setUp(authbox);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.preview(`Orders portal (${app.clientId})`, 'alice@example.com', 'openid', 'Authorization Code');

  await expect(preview.fact('Error')).toHaveText('access_denied');
  await expect(preview.fact('Error description')).toHaveText('User is not assigned to the client application.');
  // The token endpoint checks the assignment before the policies, so there is no policy trace to show.
  await expect(preview.decision).toContainText('The request was refused before any access policy was evaluated.');
  await expect(preview.decision.getByRole('list', { name: 'Access policies' })).toHaveCount(0);
});

test('shows the rule that does not allow the grant as skipped, and why, beside the policy failure', async ({
  page,
  authbox,
}) => {
  const serverId = await createServer(authbox, 'Machines');
  await createScope(authbox, serverId, 'orders:read');
  await createPolicyWithRule(authbox, serverId, 'Machines only', ['orders:read']);
  const userId = await createUser(authbox, 'alice@example.com');
  const app = await createWebApp(authbox, 'Orders portal');
  await assignUser(authbox, app.id, userId);
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, serverId);
  await preview.preview(`Orders portal (${app.clientId})`, 'alice@example.com', 'openid', 'Authorization Code');

  await expect(preview.fact('Error')).toHaveText('access_denied');
  await expect(preview.fact('Error description')).toHaveText(
    'Policy evaluation failed for this request, please check the policy configurations.',
  );
  await expect(preview.policy('Services')).toContainText('none of its rules matched');
  const rule = preview.rule('Services', 'Machines only');
  await expect(rule).toContainText('Skipped');
  await expect(rule).toContainText('grant type authorization_code is not in [client_credentials]');
  await expect(preview.fact('Denied', preview.decision)).toHaveText('openid');
});
