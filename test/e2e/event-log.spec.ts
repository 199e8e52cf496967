import { expect, test } from './fixtures.js';
import { EventLogPage } from './pages/event-log-page.js';
import {
  createPolicyWithRule,
  createScope,
  createServer,
  createServiceApp,
  requestToken,
} from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

test('shows token requests live and explains why one was refused', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Orders');
  await createScope(authbox, serverId, 'orders:read');
  await createScope(authbox, serverId, 'orders:write');
  await createPolicyWithRule(authbox, serverId, 'Read only', ['orders:read']);
  const client = await createServiceApp(authbox, 'Orders service');

  const log = new EventLogPage(page);
  await log.open(authbox.uiUrl);
  await expect(log.heading).toBeVisible();
  await expect(log.empty).toBeVisible();
  await expect(log.live).toHaveText('Live');

  const granted = await requestToken(authbox, serverId, client, 'orders:read');
  expect(granted.status).toBe(200);
  const refused = await requestToken(authbox, serverId, client, 'orders:write');
  expect(refused.status).toBe(401);
  expect(refused.body['error']).toBe('access_denied');

  // Both arrive over the stream, newest first, without a reload.
  await expect(log.rows).toHaveCount(2);
  await expect(log.rowsWith('Failure')).toHaveCount(1);
  await expect(log.rowsWith('Success')).toHaveCount(1);
  await expect(log.rows.first()).toContainText('Failure');
  await expect(log.rows.first()).toContainText('Orders');
  await expect(log.rows.first()).toContainText('Orders service');
  await expect(log.rows.first()).toContainText('client_credentials');

  await log.openEvent(log.rowsWith('Failure'));
  await expect(page).toHaveURL(/#\/events\/evt\w+$/);
  await expect(log.fact('Error')).toHaveText('access_denied');
  await expect(log.fact('Error description')).toHaveText(String(refused.body['error_description']));
  await expect(log.fact('Why (not sent to the client)')).toContainText('scope orders:write is not in');
  const rule = log.rule('Services', 'Read only');
  await expect(rule).toContainText('Skipped');
  await expect(rule).toContainText('scope orders:write is not in');

  // The address opens the same event after a reload; the filters narrow the table.
  await page.reload();
  await expect(log.fact('Error')).toHaveText('access_denied');
  await log.filter('Outcome').selectOption('Success');
  await expect(log.rows).toHaveCount(1);
  await expect(log.rowsWith('Success')).toHaveCount(1);
  await log.filter('Server').selectOption('Orders');
  await expect(log.rows).toHaveCount(1);
  await log.filter('Endpoint').selectOption('authorize');
  await expect(page.getByText('No events match these filters.')).toBeVisible();
});

test('opens a successful event with the matched rule highlighted, the granted scopes and the lifetimes', async ({
  page,
  authbox,
}) => {
  const serverId = await createServer(authbox, 'Billing');
  await createScope(authbox, serverId, 'invoices:read');
  await createPolicyWithRule(authbox, serverId, 'Invoices', ['invoices:read']);
  const client = await createServiceApp(authbox, 'Billing service');
  expect((await requestToken(authbox, serverId, client, 'invoices:read')).status).toBe(200);

  const log = new EventLogPage(page);
  await log.open(authbox.uiUrl);
  await log.openEvent(log.rowsWith('Success'));
  const rule = log.rule('Services', 'Invoices');
  await expect(rule).toContainText('Matched');
  await expect(rule).toHaveAttribute('aria-current', 'true');
  await expect(log.fact('Granted')).toHaveText('invoices:read');
  await expect(log.fact('Access token')).toHaveText('1 hour');
});

test('closes the live stream when leaving the screen', async ({ page, authbox }) => {
  const log = new EventLogPage(page);
  const streamed = page.waitForRequest((request) => request.url().includes('/api/sandbox/v1/events/stream'));
  await log.open(authbox.uiUrl);
  const stream = await streamed;
  await expect(log.live).toHaveText('Live');

  const aborted = page.waitForEvent('requestfailed', (request) => request === stream);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Authorization Servers' }).click();
  expect((await aborted).failure()?.errorText).toMatch(/ABORTED/);
});
