import { expect, test } from './fixtures.js';
import { ServerSettingsPage } from './pages/server-settings-page.js';
import { ServersPage } from './pages/servers-page.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

test.beforeEach(async ({ page, authbox }) => {
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);
  await servers.openServer('default');
});

test('edits the name on Settings and saves it', async ({ page, authbox }) => {
  const settings = new ServerSettingsPage(page);
  await settings.field('Name').fill('  Default (renamed) ');
  await settings.field('Rotation mode').selectOption('MANUAL');
  await settings.save();

  await expect(settings.form.getByRole('status')).toHaveText('Saved.');
  await expect(settings.heading).toContainText('Default (renamed)');
  // The form shows what the server stored (trimmed).
  await expect(settings.field('Name')).toHaveValue('Default (renamed)');
  const saved = await authbox.api<{
    name: string;
    audiences: string[];
    credentials: { signing: { rotationMode: string } };
  }>('GET', '/api/v1/authorizationServers/default');
  expect(saved.body.name).toBe('Default (renamed)');
  expect(saved.body.audiences).toEqual(['api://default']);
  expect(saved.body.credentials.signing.rotationMode).toBe('MANUAL');

  await page.reload();
  await expect(settings.field('Name')).toHaveValue('Default (renamed)');
  await expect(settings.field('Rotation mode')).toHaveValue('MANUAL');
});

test('shows the server validation error inline when a saved field is blank', async ({ page }) => {
  const settings = new ServerSettingsPage(page);
  await settings.field('Name').fill('   ');
  await settings.save();
  await expect(settings.field('Name')).toHaveAccessibleDescription(/The field cannot be left blank/);
  await expect(settings.heading).toContainText('default');
});

test('deactivates and activates the server', async ({ page, authbox }) => {
  const settings = new ServerSettingsPage(page);
  await settings.deactivate.click();
  await expect(settings.activate).toBeVisible();
  await expect(settings.heading).toHaveText(/Inactive$/);
  const inactive = await authbox.api<{ status: string }>('GET', '/api/v1/authorizationServers/default');
  expect(inactive.body.status).toBe('INACTIVE');

  await settings.activate.click();
  await expect(settings.deactivate).toBeVisible();
  await expect(settings.heading).toHaveText(/Active$/);
  await expect(settings.heading).not.toHaveText(/Inactive$/);
});

test('Rotate key makes a new ACTIVE key and shows the old one as EXPIRED', async ({ page }) => {
  const settings = new ServerSettingsPage(page);
  await expect(settings.keyRows('Active')).toHaveCount(1);
  const before = (await settings.kidOf(settings.keyRows('Active')).textContent()) ?? '';
  expect(before).toMatch(/^[\w-]{43}$/);

  await settings.rotateKey.click();
  await expect(settings.keyRows('Expired')).toHaveCount(1);
  await expect(settings.kidOf(settings.keyRows('Expired'))).toHaveText(before);
  await expect(settings.kidOf(settings.keyRows('Active'))).not.toHaveText(before);
  await expect(settings.keyRows('Active')).toHaveCount(1);
});
