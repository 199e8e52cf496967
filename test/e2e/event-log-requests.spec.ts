/**
 * The Event Log as a request log in Chromium, on one Authbox: the seed's implicit flow run in the
 * Flow Runner links to its event, which shows its exchange, links back to the run and opens its ID
 * token in the Token Inspector; filters by app and user and the search by token jti live in the
 * address (reload keeps them). The data is set up through the management API.
 */
import { expect, test } from './fixtures.js';
import { EventLogPage } from './pages/event-log-page.js';
import { FlowRunnerPage } from './pages/flow-runner-page.js';
import { TokenInspectorPage } from './pages/token-inspector-page.js';
import { SEED_NONCE, SEED_STATE } from './support/implicit-flow.js';
import { assignUser, createScope, createServiceApp, createUser, requestToken } from './support/sandbox-setup.js';

const PASSWORD = 'Correct-Horse-9';

test('a run links to its events and back; filters and the jti search stay in the address', async ({
  page,
  authbox,
}) => {
  // Several screens in one test on one Authbox (a run with a sign-in, the inspector, the filters).
  test.setTimeout(120_000);
  const spa = await authbox.api<{ id: string }>('POST', '/api/v1/apps', {
    name: 'oidc_client',
    label: 'Runner SPA',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'none', pkce_required: true } },
    settings: {
      oauthClient: {
        application_type: 'browser',
        grant_types: ['authorization_code', 'implicit'],
        response_types: ['code', 'token', 'id_token'],
        redirect_uris: [`${authbox.origin}/flow-runner/callback`],
      },
    },
  });
  await assignUser(authbox, spa.body.id, await createUser(authbox, 'ada@example.com', { honorific: 'Commodore' }));
  await createScope(authbox, 'default', 'orders:read');
  const service = await createServiceApp(authbox, 'Orders service');
  const log = new EventLogPage(page);

  await test.step("the seed's implicit flow in the Flow Runner links to its event", async () => {
    const runner = new FlowRunnerPage(page);
    await runner.open(authbox.uiUrl);
    await runner.choose('Runner SPA', 'Implicit');
    await runner.field('Response type').selectOption('id_token');
    await runner.field('state').fill(SEED_STATE);
    await runner.field('nonce').fill(SEED_NONCE);
    await runner.runSigningIn('ada@example.com', PASSWORD);
    await expect(runner.status).toHaveText('Finished');
    await runner.run.getByLabel('Step 4: Callback (fragment)').click();
    await runner.run
      .getByRole('link', { name: /^event evt/ })
      .first()
      .click();
  });

  const eventUrl = await test.step('the event shows its exchange and links back to the run', async () => {
    await expect(page).toHaveURL(/#\/events\/evt\w+$/);
    await expect(log.fact('App')).toContainText('Runner SPA');
    await expect(log.fact('User')).toContainText('ada@example.com');
    await expect(log.fact('Sent by')).toHaveText(/^Flow Runner run run\w+$/);
    await expect(log.exchange).toContainText(`state${SEED_STATE}`);
    await expect(log.exchange).toContainText('id_token');
    await expect(log.exchange).not.toContainText(PASSWORD);
    return page.url();
  });

  await test.step("the event's ID token opens in the Token Inspector", async () => {
    await log.exchange.getByRole('button', { name: 'Open the ID token in Token Inspector' }).click();
    const inspector = new TokenInspectorPage(page);
    await expect(page).toHaveURL(/#\/token-inspector$/);
    await expect(inspector.claim('nonce')).toContainText(SEED_NONCE);
    await expect(inspector.claim('preferred_honorific')).toContainText('Commodore');
    await expect(inspector.verdict).toContainText(/valid/i);
  });

  await test.step('back in the Event Log, the event links to the run', async () => {
    await page.goBack();
    await expect(page).toHaveURL(eventUrl);
    await log.fact('Sent by').getByRole('link').click();
    await expect(page).toHaveURL(/#\/flow-runner\/run\w+$/);
    await expect(new FlowRunnerPage(page).status).toHaveText('Finished');
  });

  await test.step('the search by token jti, kept across a reload', async () => {
    const granted = await requestToken(authbox, 'default', service, 'orders:read');
    expect(granted.status).toBe(200);
    const payload = String(granted.body['access_token']).split('.')[1]!;
    const jti = String(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).jti);
    await log.navLink.click();
    await log.searchJti(jti);
    await expect(page).toHaveURL(new RegExp(`#/events\\?jti=${jti.replace('.', '\\.')}$`));
    await expect(log.rows).toHaveCount(1);
    await expect(log.rows.first()).toContainText('Orders service');
    await page.reload();
    await expect(log.filter('Token jti')).toHaveValue(jti);
    await expect(log.rows).toHaveCount(1);
    await log.openEvent(log.rows.first());
    await expect(log.exchange).toContainText('grant_typeclient_credentials');
    await expect(log.exchange.getByRole('button', { name: 'Open the access token in Token Inspector' })).toBeVisible();
  });

  await test.step('filters by app and user name', async () => {
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(log.filter('Token jti')).toHaveValue('');
    await log.filter('App').selectOption({ label: 'Orders service' });
    await expect(log.rows).toHaveCount(1);
    await expect(page).toHaveURL(/clientId=/);
    await log.filter('App').selectOption({ label: 'All' });
    await log.filter('User').selectOption({ label: 'ada@example.com' });
    await expect(log.rows.first()).toContainText('Runner SPA');
    await expect(log.rows.filter({ hasText: 'Orders service' })).toHaveCount(0);
    await page.goBack();
    await expect(log.filter('User')).toHaveValue('');
  });
});
