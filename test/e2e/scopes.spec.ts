import { expect, test } from './fixtures.js';
import { ScopesPage } from './pages/scopes-page.js';
import { createPolicyWithRule, createServer } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface ScopeBody {
  id: string;
  name: string;
  displayName: string | null;
  description: string | null;
  consent: string;
  default: boolean;
  metadataPublish: string;
  system: boolean;
}

const scopesOf = async (authbox: { api: <T>(m: string, p: string) => Promise<{ body: T }> }, serverId: string) =>
  (await authbox.api<ScopeBody[]>('GET', `/api/v1/authorizationServers/${serverId}/scopes`)).body;

test('lists the system scopes read-only, creates and edits a scope', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  const scopes = new ScopesPage(page);
  await scopes.open(authbox.uiUrl, serverId);
  await expect(scopes.tab).toHaveAttribute('aria-selected', 'true');
  await expect(scopes.row('openid')).toContainText('System');
  await expect(scopes.row('openid').getByRole('button')).toHaveCount(0);

  await scopes.addButton.click();
  await scopes.field('Name').fill('pets:read');
  await scopes.field('Display phrase').fill('Read your pets');
  await scopes.field('Description').fill('Lets the app read your pets');
  await scopes.consent('Required').check();
  await scopes.field('Include in public metadata').check();
  await scopes.submit();
  await expect(scopes.dialog).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Created scope pets:read.');
  await expect(scopes.cell('pets:read', 0)).toHaveText('Read your pets');
  await expect(scopes.cell('pets:read', 2)).toHaveText('Required');
  await expect(scopes.cell('pets:read', 4)).toHaveText('Published');
  expect((await scopesOf(authbox, serverId)).find((s) => s.name === 'pets:read')).toMatchObject({
    displayName: 'Read your pets',
    description: 'Lets the app read your pets',
    consent: 'REQUIRED',
    default: false,
    metadataPublish: 'ALL_CLIENTS',
  });

  await scopes.row('pets:read').getByRole('button', { name: 'Edit scope pets:read' }).click();
  await scopes.consent('Implicit').check();
  await scopes.field('Set as a default scope').check();
  await scopes.submit();
  await expect(scopes.dialog).toBeHidden();
  await expect(scopes.cell('pets:read', 2)).toHaveText('Implicit');
  await expect(scopes.cell('pets:read', 3)).toHaveText('Yes');
  expect((await scopesOf(authbox, serverId)).find((s) => s.name === 'pets:read')).toMatchObject({
    consent: 'IMPLICIT',
    default: true,
  });
});

test('shows the server’s cause under Name and keeps what was typed', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  const scopes = new ScopesPage(page);
  await scopes.open(authbox.uiUrl, serverId);
  await scopes.addButton.click();
  await scopes.field('Name').fill('okta.pets');
  await scopes.field('Display phrase').fill('Pets');
  await scopes.submit();
  await expect(scopes.errorOf(scopes.field('Name'))).toHaveText(
    "must not start with 'okta.' or 'okta:' (reserved for Okta API scopes)",
  );
  await expect(scopes.field('Display phrase')).toHaveValue('Pets');
  expect((await scopesOf(authbox, serverId)).some((s) => s.name === 'okta.pets')).toBe(false);
});

test('deletes a scope after confirmation; one a rule names is refused with the places listed', async ({
  page,
  authbox,
}) => {
  const serverId = await createServer(authbox, 'Pets');
  for (const name of ['pets:read', 'pets:write'])
    await authbox.api('POST', `/api/v1/authorizationServers/${serverId}/scopes`, { name });
  await createPolicyWithRule(authbox, serverId, 'Readers', ['pets:read']);
  const scopes = new ScopesPage(page);
  await scopes.open(authbox.uiUrl, serverId);

  await scopes.row('pets:write').getByRole('button', { name: 'Delete scope pets:write' }).click();
  await scopes.confirmDelete.getByRole('button', { name: 'Delete' }).click();
  await expect(scopes.confirmDelete).toBeHidden();
  await expect(scopes.row('pets:write')).toHaveCount(0);
  expect((await scopesOf(authbox, serverId)).some((s) => s.name === 'pets:write')).toBe(false);

  await scopes.row('pets:read').getByRole('button', { name: 'Delete scope pets:read' }).click();
  await scopes.confirmDelete.getByRole('button', { name: 'Delete' }).click();
  const alert = scopes.confirmDelete.getByRole('alert');
  await expect(alert).toContainText('Api validation failed: scope pets:read is still used by an access policy');
  await expect(alert.getByRole('listitem')).toHaveText([
    `scope pets:read is used by rule 'Readers' in policy 'Services' of authorization server ${serverId}; remove it there first`,
  ]);
  await scopes.confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect(scopes.row('pets:read')).toHaveCount(1);
});

test('the list follows changes made elsewhere when the window regains focus', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  const scopes = new ScopesPage(page);
  await scopes.open(authbox.uiUrl, serverId);
  await expect(scopes.row('openid')).toHaveCount(1);
  await authbox.api('POST', `/api/v1/authorizationServers/${serverId}/scopes`, { name: 'pets:feed' });
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(scopes.row('pets:feed')).toHaveCount(1);
});
