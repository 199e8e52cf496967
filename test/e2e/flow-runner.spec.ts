/**
 * The Flow Runner in Chromium: Authorization Code + PKCE and the seed's implicit flow sign in in the
 * popup and end with every client check passed and the matched policy and rule; Client Credentials
 * and Device Authorization run to tokens. The data is set up through the management API.
 */
import type { Authbox } from './fixtures.js';
import { expect, test } from './fixtures.js';
import { FlowRunnerPage } from './pages/flow-runner-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { assignUser, createScope, createServiceApp, createUser } from './support/sandbox-setup.js';

const PASSWORD = 'Correct-Horse-9';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });
const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function createOidcApp(
  authbox: Authbox,
  label: string,
  type: 'browser' | 'native',
  grants: string[],
  redirectUris: string[],
): Promise<string> {
  const response = await authbox.api<{ id: string }>('POST', '/api/v1/apps', {
    name: 'oidc_client',
    label,
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'none', pkce_required: true } },
    settings: {
      oauthClient: {
        application_type: type,
        grant_types: grants,
        response_types: type === 'browser' ? ['code', 'token', 'id_token'] : ['code'],
        redirect_uris: redirectUris,
      },
    },
  });
  if (response.status !== 200)
    throw new Error(`creating ${label}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

async function spaWithUser(authbox: Authbox): Promise<void> {
  const appId = await createOidcApp(
    authbox,
    'Runner SPA',
    'browser',
    ['authorization_code', 'implicit'],
    [`${authbox.origin}/flow-runner/callback`],
  );
  const userId = await createUser(authbox, 'ada@example.com', { honorific: 'Commodore' });
  await assignUser(authbox, appId, userId);
}

test('runs Authorization Code + PKCE signing in in the popup: steps, tokens, checks and the decision', async ({
  page,
  authbox,
}) => {
  await spaWithUser(authbox);
  const runner = new FlowRunnerPage(page);
  await runner.open(authbox.uiUrl);
  await runner.choose('Runner SPA', 'Authorization Code + PKCE');
  await runner.runSigningIn('ada@example.com', PASSWORD);

  await expect(runner.status).toHaveText('Finished');
  await expect(page).toHaveURL(/#\/flow-runner\/run\w+$/);
  const steps = ['Discovery', 'Key set (JWKS)', 'Authorize', 'Callback (query)', 'Token'];
  for (const [i, step] of steps.entries()) await expect(runner.run.getByLabel(`Step ${i + 1}: ${step}`)).toBeVisible();
  await expect(runner.tokens.getByRole('heading', { name: 'id_token' })).toBeVisible();
  await expect(runner.tokens.getByRole('heading', { name: 'access_token' })).toBeVisible();
  await expect(runner.checkResults('Failed')).toHaveCount(0);
  await expect(runner.checks.getByRole('row', { name: /^pkce/ })).toContainText('accepted the code_verifier');
  await expect(runner.checks.getByRole('row', { name: /^signature id_token/ })).toContainText('✓ Passed');
  await expect(runner.decision).toContainText('policy Default Policy, rule Default Policy Rule');

  // Secrets stay masked until Reveal.
  await expect(runner.tokens.getByLabel('access_token')).toHaveText(/^eyJ.••••••$/);
  await runner.run.getByLabel('Reveal secrets and tokens').check();
  await expect(runner.tokens.getByLabel('access_token')).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
});

test("runs the seed's implicit flow (id_token, openid profile, state WM6D, nonce YsG76jo)", async ({
  page,
  authbox,
}) => {
  await spaWithUser(authbox);
  const runner = new FlowRunnerPage(page);
  await runner.open(authbox.uiUrl);
  await runner.choose('Runner SPA', 'Implicit');
  await runner.field('Response type').selectOption('id_token');
  await runner.field('state').fill('WM6D');
  await runner.field('nonce').fill('YsG76jo');
  await runner.runSigningIn('ada@example.com', PASSWORD);

  await expect(runner.status).toHaveText('Finished');
  await expect(runner.checkResults('Failed')).toHaveCount(0);
  await expect(runner.checks.getByRole('row', { name: /^state/ })).toContainText('state WM6D came back unchanged');
  await expect(runner.checks.getByRole('row', { name: /^nonce/ })).toContainText('nonce YsG76jo is the one sent');
  await expect(runner.decision).toContainText('policy Default Policy, rule Default Policy Rule');
  await expect(runner.decision).toContainText('preferred_honorific');
});

test('runs Client Credentials to an access token', async ({ page, authbox }) => {
  await createScope(authbox, 'default', 'orders:read');
  await createServiceApp(authbox, 'Orders worker');
  const runner = new FlowRunnerPage(page);
  await runner.open(authbox.uiUrl);
  await runner.choose('Orders worker', 'Client Credentials');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  await expect(runner.status).toHaveText('Finished');
  await expect(runner.tokens.getByRole('heading', { name: 'access_token' })).toBeVisible();
  await expect(runner.tokens).toContainText('Granted scope: orders:read');
  await expect(runner.checkResults('Failed')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Client Credentials');
});

test('runs Device Authorization: user code, sign-in from the verification link, polling to tokens', async ({
  page,
  authbox,
}) => {
  const appId = await createOidcApp(
    authbox,
    'Living room TV',
    'native',
    ['authorization_code', DEVICE_GRANT],
    ['com.example.tv:/callback'],
  );
  await assignUser(authbox, appId, await createUser(authbox, 'ada@example.com'));
  const runner = new FlowRunnerPage(page);
  await runner.open(authbox.uiUrl);
  await runner.choose('Living room TV', 'Device Authorization');
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const device = page.getByLabel('Device code');
  await expect(device).toContainText('User code:');
  await expect(runner.status).toHaveText('Polling the token endpoint');
  // The first poll comes one interval (5 s) after the device authorization; signing in only after it
  // answered authorization_pending makes the pending answer certain, however fast the sign-in is.
  await expect(runner.run.getByText(/authorization_pending/).first()).toBeVisible({ timeout: 15_000 });
  const popupPromise = page.waitForEvent('popup');
  await device.getByRole('link').click();
  const popup = await popupPromise;
  await new SignInPage(popup).signInAs('ada@example.com', PASSWORD);
  await popup.getByRole('button', { name: 'Next' }).click();
  await popup.getByRole('button', { name: 'Allow' }).click();

  await expect(runner.status).toHaveText('Finished', { timeout: 30_000 });
  await expect(runner.tokens.getByRole('heading', { name: 'access_token' })).toBeVisible();
  await expect(runner.checkResults('Failed')).toHaveCount(0);
});
