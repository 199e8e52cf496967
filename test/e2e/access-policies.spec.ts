import { expect, test } from './fixtures.js';
import { AccessPoliciesPage } from './pages/access-policies-page.js';
import { createServer, createServiceApp, createWebApp } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface PolicyBody {
  id: string;
  name: string;
  description: string;
  priority: number;
  status: string;
  conditions: { clients: { include: string[] } };
}

const policiesOf = async (authbox: { api: <T>(m: string, p: string) => Promise<{ body: T }> }, serverId: string) =>
  (await authbox.api<PolicyBody[]>('GET', `/api/v1/authorizationServers/${serverId}/policies`)).body;

async function addPolicies(authbox: Parameters<typeof createServer>[0], serverId: string, names: string[]) {
  for (const name of names)
    await authbox.api('POST', `/api/v1/authorizationServers/${serverId}/policies`, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name,
      description: `${name} clients`,
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    });
}

test('the server tabs are in Okta’s order and a new server says what to do first', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);
  await expect(page.getByRole('tab')).toHaveText(['Settings', 'Access Policies', 'Scopes', 'Claims', 'Token Preview']);
  await expect(policies.tab).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('No access policies yet — Add New Access Policy')).toBeVisible();
});

test('every page has a favicon, so nothing answers 404 on load', async ({ page, authbox }) => {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, 'default');
  await expect(policies.policyItem('Default Policy')).toBeVisible();
  await expect(page.locator('link[rel="icon"]')).toHaveCount(2);
  const origin = new URL(authbox.uiUrl).origin;
  for (const [path, type] of [
    ['/favicon.ico', 'image/vnd.microsoft.icon'],
    ['/favicon.svg', 'image/svg+xml'],
  ] as const) {
    const response = await page.request.get(`${origin}${path}`);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
  }
  expect(missing).toEqual([]);
});

test('creates a policy for one web app picked by name, then edits and deactivates it', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  const web = await createWebApp(authbox, 'Pets Web');
  await createServiceApp(authbox, 'Pets Worker');
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);

  await policies.addPolicy.click();
  await policies.policyField('Name').fill('Pets web');
  await policies.policyField('Description').fill('The pets web app');
  await policies.policyDialog.getByRole('radio', { name: 'The following clients:' }).check();
  await policies.policyDialog.getByRole('searchbox', { name: 'Search clients' }).fill('web');
  await expect(policies.policyDialog.getByRole('checkbox')).toHaveCount(1);
  await policies.policyDialog.getByRole('checkbox', { name: /Pets Web/ }).check();
  await policies.policyDialog.getByRole('button', { name: 'Create Policy' }).click();

  await expect(policies.policyDialog).toBeHidden();
  await expect(policies.policyItem('Pets web')).toContainText('Pets Web');
  await expect(policies.details.getByRole('heading', { name: /Pets web/ })).toBeVisible();
  const [created] = await policiesOf(authbox, serverId);
  expect(created).toMatchObject({
    name: 'Pets web',
    description: 'The pets web app',
    priority: 1,
    status: 'ACTIVE',
    conditions: { clients: { include: [web.clientId] } },
  });
  // Selecting a policy puts it in the address, so reload lands on it.
  await policies.policyLink('Pets web').click();
  await expect(page).toHaveURL(new RegExp(`/access-policies/${created!.id}$`));

  await policies.details.getByRole('button', { name: 'Edit Policy' }).click();
  await policies.policyField('Name').fill('Pets website');
  await policies.policyDialog.getByRole('button', { name: 'Save' }).click();
  await expect(policies.policyDialog).toBeHidden();
  await policies.details.getByRole('button', { name: 'Deactivate' }).click();
  await expect(policies.policyItem('Pets website')).toContainText('Inactive');
  expect((await policiesOf(authbox, serverId))[0]).toMatchObject({ name: 'Pets website', status: 'INACTIVE' });
  await page.reload();
  await expect(policies.details.getByRole('heading', { name: /Pets website/ })).toBeVisible();
});

test('shows the server’s causes under the policy fields and keeps what was typed', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);
  await policies.addPolicy.click();
  await policies.policyField('Name').fill('No description');
  await policies.policyDialog.getByRole('radio', { name: 'The following clients:' }).check();
  await policies.policyDialog.getByRole('button', { name: 'Create Policy' }).click();
  await expect(policies.errorOf(policies.policyField('Description'))).toHaveText('The field cannot be left blank');
  await expect(policies.policyDialog.getByRole('group', { name: 'Clients' })).toContainText(
    'The field cannot be left blank',
  );
  await expect(policies.policyField('Name')).toHaveValue('No description');
  expect(await policiesOf(authbox, serverId)).toEqual([]);
});

test('reorders policies by drag and drop and by keyboard, saving each move', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  await addPolicies(authbox, serverId, ['First', 'Second', 'Third']);
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);
  await expect.poll(() => policies.policyNames()).toEqual(['First', 'Second', 'Third']);

  await policies.policyItem('Third').dragTo(policies.policyItem('First'));
  await expect.poll(() => policies.policyNames()).toEqual(['Third', 'First', 'Second']);
  await expect
    .poll(async () => (await policiesOf(authbox, serverId)).map((p) => `${p.priority} ${p.name}`))
    .toEqual(['1 Third', '2 First', '3 Second']);

  await policies.policyLink('Third').focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => policies.policyNames()).toEqual(['First', 'Third', 'Second']);
  await expect(policies.policyLink('Third')).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => policies.policyNames()).toEqual(['First', 'Second', 'Third']);

  await policies.policyItem('Second').getByRole('button', { name: 'Move Second up' }).click();
  await expect.poll(() => policies.policyNames()).toEqual(['Second', 'First', 'Third']);
  await expect
    .poll(async () => (await policiesOf(authbox, serverId)).map((p) => `${p.priority} ${p.name}`))
    .toEqual(['1 Second', '2 First', '3 Third']);
});

test('a failed move puts the list back and says why', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  await addPolicies(authbox, serverId, ['First', 'Second']);
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);
  await expect.poll(() => policies.policyNames()).toEqual(['First', 'Second']);
  // Deleted elsewhere: the move's PUT answers 404.
  const second = (await policiesOf(authbox, serverId))[1]!;
  await authbox.api('DELETE', `/api/v1/authorizationServers/${serverId}/policies/${second.id}`);
  await policies.policyItem('Second').getByRole('button', { name: 'Move Second up' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not move the policy; the order is as it was.');
  await expect(page.getByRole('alert')).toContainText(`Not found: Resource not found: ${second.id} (Policy)`);
  await expect.poll(() => policies.policyNames()).toEqual(['First', 'Second']);
});

test('deletes a policy after confirmation; a refused delete shows the server’s words', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Pets');
  await addPolicies(authbox, serverId, ['Keep', 'Drop']);
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);
  await policies.policyLink('Drop').click();
  await policies.details.getByRole('button', { name: 'Delete Policy' }).click();
  await expect(policies.confirmDelete).toContainText('Drop');
  await policies.confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => policies.policyNames()).toEqual(['Keep', 'Drop']);

  await policies.details.getByRole('button', { name: 'Delete Policy' }).click();
  await policies.confirmDelete.getByRole('button', { name: 'Delete' }).click();
  await expect(policies.confirmDelete).toBeHidden();
  await expect.poll(() => policies.policyNames()).toEqual(['Keep']);
  expect((await policiesOf(authbox, serverId)).map((p) => p.name)).toEqual(['Keep']);

  const keep = (await policiesOf(authbox, serverId))[0]!;
  await authbox.api('DELETE', `/api/v1/authorizationServers/${serverId}/policies/${keep.id}`);
  await policies.details.getByRole('button', { name: 'Delete Policy' }).click();
  await policies.confirmDelete.getByRole('button', { name: 'Delete' }).click();
  await expect(policies.confirmDelete.getByRole('alert')).toContainText(
    `Could not delete the policy. Not found: Resource not found: ${keep.id} (Policy)`,
  );
  await policies.confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('No access policies yet — Add New Access Policy')).toBeVisible();
});
