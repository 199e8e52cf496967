import { expect, test } from './fixtures.js';
import { ServerSettingsPage } from './pages/server-settings-page.js';
import { ServersPage } from './pages/servers-page.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

test('lists the default authorization server and wipes the token from the address bar', async ({ page, authbox }) => {
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);

  await expect(servers.heading).toBeVisible();
  await expect(servers.cell('default', 1)).toHaveText('api://default');
  await expect(servers.cell('default', 2)).toHaveText(`${authbox.origin}/oauth2/default`);
  await expect(servers.cell('default', 3)).toHaveText('Active');
  expect(page.url()).not.toContain(authbox.token);
  expect(page.url()).not.toContain('token=');
});

test('adds an authorization server and opens it on its Settings tab', async ({ page, authbox }) => {
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);
  await servers.fillNewServer({
    name: 'Orders API',
    audience: 'api://orders',
    description: 'Tokens for the orders service',
  });
  await servers.save();

  const settings = new ServerSettingsPage(page);
  await expect(settings.settingsTab).toHaveAttribute('aria-selected', 'true');
  await expect(settings.heading).toContainText('Orders API');
  const issuer = new RegExp(`^http://127\\.0\\.0\\.1:${authbox.port}/oauth2/aus\\w+$`);
  await expect(settings.issuerUri).toHaveValue(issuer);
  const issuerValue = await settings.issuerUri.inputValue();
  await expect(settings.metadataUri).toHaveValue(`${issuerValue}/.well-known/openid-configuration`);
  await expect(settings.field('Audience')).toHaveValue('api://orders');

  const listed = await authbox.api<{ name: string; issuer: string }[]>('GET', '/api/v1/authorizationServers');
  expect(listed.body.map((s) => [s.name, s.issuer])).toContainEqual(['Orders API', issuerValue]);

  await page.getByRole('link', { name: '← Authorization Servers' }).click();
  await expect(servers.cell('Orders API', 1)).toHaveText('api://orders');
});

test('copies the issuer URI to the clipboard', async ({ page, context, authbox }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: authbox.origin });
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);
  await servers.openServer('default');

  const settings = new ServerSettingsPage(page);
  await settings.copyIssuer.click();
  await expect(settings.copyIssuer).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${authbox.origin}/oauth2/default`);
});

test('shows the server validation errors under Audience and Description and creates nothing', async ({
  page,
  authbox,
}) => {
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);
  await servers.fillNewServer({ name: 'Half done', audience: '', description: '' });
  await servers.save();

  await expect(servers.field('Audience')).toHaveAttribute('aria-invalid', 'true');
  await expect(servers.field('Audience')).toHaveAccessibleDescription(/an audience cannot be blank/);
  await expect(servers.field('Description')).toHaveAccessibleDescription(/The field cannot be left blank/);
  await expect(servers.field('Name')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(servers.dialog).toBeVisible();

  const listed = await authbox.api<{ id: string }[]>('GET', '/api/v1/authorizationServers');
  expect(listed.body.map((s) => s.id)).toEqual(['default']);

  // Fixing a field clears its message; Cancel leaves the list as it was.
  await servers.field('Audience').fill('api://half');
  await expect(servers.field('Audience')).not.toHaveAttribute('aria-invalid', 'true');
  await servers.cancel();
  await expect(servers.dialog).toBeHidden();
  await expect(servers.table.getByRole('row')).toHaveCount(2);
});
