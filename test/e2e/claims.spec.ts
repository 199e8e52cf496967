import { expect, test } from './fixtures.js';
import { ClaimsPage } from './pages/claims-page.js';
import { createClaim, createScope, createServer, createUser, createWebApp } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface ClaimBody {
  id: string;
  name: string;
  status: string;
  claimType: string;
  valueType: string;
  value: string;
  group_filter_type?: string;
  alwaysIncludeInToken: boolean;
  conditions: { scopes: string[] };
}

test('lists the default server’s system claim sub read-only', async ({ page, authbox }) => {
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await expect(claims.tab).toHaveAttribute('aria-selected', 'true');
  await expect(claims.row('sub')).toHaveCount(1);
  await expect(claims.cell('sub', 0)).toContainText('System');
  await expect(claims.cell('sub', 1)).toHaveText('Access');
  await expect(claims.cell('sub', 4)).toHaveText('Any scope');
  await expect(claims.row('sub').getByRole('button')).toHaveCount(0);
});

test('creates an ID token claim through Add Claim and shows it in the table', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Orders');
  await createScope(authbox, serverId, 'orders:read');
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, serverId);
  await expect(page.getByText('No claims yet.')).toBeVisible();

  await claims.addButton.click();
  await expect(claims.dialog).toHaveAccessibleName('Add Claim');
  await claims.field('Name').fill('department');
  await claims.field('Include in token type').selectOption('ID Token');
  await claims.field('Include').selectOption('Userinfo / ID token request');
  await claims.field('Value').fill('user.department');
  await claims.includeIn('The following scopes').check();
  await claims.scope('orders:read').check();
  await claims.submit();

  await expect(claims.dialog).toBeHidden();
  await expect(claims.cell('department', 1)).toHaveText('ID');
  await expect(claims.cell('department', 2)).toHaveText('Expression');
  await expect(claims.cell('department', 3)).toHaveText('user.department');
  await expect(claims.cell('department', 4)).toHaveText('orders:read');
  await expect(claims.cell('department', 5)).toHaveText('Userinfo / ID token request');
  await expect(claims.cell('department', 6)).toHaveText('Active');
  const stored = await authbox.api<ClaimBody[]>('GET', `/api/v1/authorizationServers/${serverId}/claims`);
  expect(stored.body).toEqual([
    expect.objectContaining({
      name: 'department',
      status: 'ACTIVE',
      claimType: 'IDENTITY',
      valueType: 'EXPRESSION',
      value: 'user.department',
      alwaysIncludeInToken: false,
      conditions: { scopes: ['orders:read'] },
    }),
  ]);
  expect(stored.body[0]).not.toHaveProperty('group_filter_type');
});

test('edits a claim (every field is sent) and disables it', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Billing');
  await createClaim(authbox, serverId, {
    name: 'tier',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: 'app.profile.tier',
    conditions: { scopes: [] },
  });
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, serverId);

  await claims.edit('tier').click();
  await expect(claims.dialog).toHaveAccessibleName('Edit Claim');
  await expect(claims.field('Name')).toHaveValue('tier');
  await expect(claims.field('Value')).toHaveValue('app.profile.tier');
  await claims.field('Name').fill('plan');
  await claims.field('Value type').selectOption('Groups');
  await claims.field('Filter').selectOption('Contains');
  await claims.field('Value').fill('Eng');
  await claims.field('Disable claim').check();
  const put = page.waitForRequest((request) => request.method() === 'PUT' && request.url().includes('/claims/'));
  await claims.submit();

  expect((await put).postDataJSON()).toEqual({
    name: 'plan',
    status: 'INACTIVE',
    claimType: 'RESOURCE',
    valueType: 'GROUPS',
    value: 'Eng',
    group_filter_type: 'CONTAINS',
    alwaysIncludeInToken: true,
    conditions: { scopes: [] },
  });
  await expect(claims.dialog).toBeHidden();
  await expect(claims.row('tier')).toHaveCount(0);
  await expect(claims.cell('plan', 2)).toHaveText('GroupsContains');
  await expect(claims.cell('plan', 6)).toHaveText('Disabled');
});

test('deletes a claim after confirming, and keeps it when the confirmation is cancelled', async ({ page, authbox }) => {
  const serverId = await createServer(authbox, 'Inventory');
  await createClaim(authbox, serverId, {
    name: 'warehouse',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: '"north"',
    conditions: { scopes: [] },
  });
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, serverId);

  await claims.delete('warehouse').click();
  await expect(claims.confirmDelete).toContainText('warehouse');
  await claims.confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect(claims.confirmDelete).toBeHidden();
  await expect(claims.row('warehouse')).toHaveCount(1);

  await claims.delete('warehouse').click();
  const deleted = page.waitForResponse((response) => response.request().method() === 'DELETE');
  await claims.confirmDelete.getByRole('button', { name: 'Delete' }).click();
  expect((await deleted).status()).toBe(204);
  await expect(claims.confirmDelete).toBeHidden();
  await expect(page.getByText('No claims yet.')).toBeVisible();
  const stored = await authbox.api<ClaimBody[]>('GET', `/api/v1/authorizationServers/${serverId}/claims`);
  expect(stored.body).toEqual([]);
});

test('shows the reserved-name error under Name for an ID token claim called sub', async ({ page, authbox }) => {
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await claims.addButton.click();
  await claims.field('Name').fill('sub');
  await claims.field('Include in token type').selectOption('ID Token');
  await claims.field('Value').fill('user.login');
  await claims.submit();

  await expect(claims.field('Name')).toHaveAccessibleDescription("'sub' is a reserved claim name");
  await expect(claims.field('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(claims.dialog).toBeVisible();
  // Editing the field clears its error.
  await claims.field('Name').fill('subject');
  await expect(claims.field('Name')).not.toHaveAttribute('aria-invalid', 'true');
});

test('shows an invalid regular expression under Value for a Groups claim that matches by regex', async ({
  page,
  authbox,
}) => {
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await claims.addButton.click();
  await claims.field('Name').fill('groups');
  await claims.field('Value type').selectOption('Groups');
  await claims.field('Filter').selectOption('Matches regex');
  await claims.field('Value').fill('[');
  await claims.submit();

  await expect(claims.field('Value')).toHaveAccessibleDescription(/regular expression/i);
  await expect(claims.field('Value')).toHaveAttribute('aria-invalid', 'true');
  await expect(claims.row('groups')).toHaveCount(0);
});

test('the live preview shows what the expression gives for the chosen user, and marks the span of a broken one', async ({
  page,
  authbox,
}) => {
  await createUser(authbox, 'alice@example.com', { firstName: 'Alice' });
  const app = await createWebApp(authbox, 'Orders portal');
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await claims.addButton.click();
  await claims.field('Name').fill('given');
  await claims.field('Value').fill('user.firstName');
  await expect(claims.previewField('Scopes')).toHaveValue('openid');
  await claims.previewField('Application').selectOption({ label: `Orders portal (${app.clientId})` });
  await claims.previewField('User').selectOption({ label: 'alice@example.com' });

  // Choosing the app and the user runs it; no click needed.
  await expect(claims.previewResult).toContainText('"Alice"');

  await claims.field('Value').fill('user.firstName +');
  await expect(claims.previewResult).toBeHidden();
  await expect(claims.field('Value')).toHaveAccessibleDescription(
    "expected an expression after '+' at column 16 Error at column 16: user.firstName +",
  );
  // The span is the '+' with nothing after it.
  await expect(claims.valueMirror.locator('mark')).toHaveText('+');
  // The evaluation met the same fault: it is told once, under Value, not again in the panel.
  await expect(claims.dialog.getByText(/expected an expression after/)).toHaveCount(1);
  await expect(claims.preview.getByRole('alert')).toHaveCount(0);

  // An expression that parses but fails when run: its error is the panel's, its span marked under Value.
  await claims.field('Value').fill('String.substring(user.firstName, 4, 1)');
  await expect(claims.preview.getByRole('alert')).toContainText('column 1');
  await expect(claims.valueMirror.locator('mark')).toHaveText('String.substring');
  await expect(claims.field('Value')).not.toHaveAttribute('aria-invalid', 'true');

  // Without a user the same expression reads null; the Preview button runs it at once.
  await claims.field('Value').fill('user.firstName');
  await claims.previewField('User').selectOption({ label: 'No user (client credentials)' });
  const previewButton = claims.preview.getByRole('button', { name: 'Preview' });
  await previewButton.click();
  await expect(claims.previewResult).toContainText('null');
  await expect(claims.valueMirror).toHaveCount(0);
  // The click replaced the debounced run, so nothing is left on its way when the test ends.
  await expect(previewButton).not.toHaveAttribute('aria-busy', 'true');
});

test('marks a broken expression as it is typed, with no app chosen, and unmarks it once fixed', async ({
  page,
  authbox,
}) => {
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await claims.addButton.click();
  await expect(claims.previewField('Application')).toHaveValue('');
  await claims.field('Value').fill('user.firstName +');

  await expect(claims.dialog.getByText("expected an expression after '+' at column 16", { exact: true })).toBeVisible();
  await expect(claims.valueMirror.locator('mark')).toHaveText('+');
  await expect(claims.valueMirror).toContainText('Error at column 16:');
  await expect(claims.field('Value')).toHaveAttribute('aria-invalid', 'true');

  await claims.field('Value').fill('user.firstName');
  await expect(claims.valueMirror).toHaveCount(0);
  await expect(claims.dialog.getByText(/expected an expression after/)).toHaveCount(0);
  await expect(claims.field('Value')).not.toHaveAttribute('aria-invalid', 'true');
});

test('refuses a broken expression on Create, naming the column under Value', async ({ page, authbox }) => {
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await claims.addButton.click();
  await claims.field('Name').fill('full_name');
  await claims.field('Value').fill('user.firstName +');
  await claims.submit();

  await expect(claims.field('Value')).toHaveAccessibleDescription(/at column \d+/);
  await expect(claims.dialog).toBeVisible();
  const stored = await authbox.api<ClaimBody[]>('GET', '/api/v1/authorizationServers/default/claims');
  expect(stored.body.map((c) => c.name)).not.toContain('full_name');
});

test('the live preview leaves a claim out when its scope condition is not granted, as the Token Preview does', async ({
  page,
  authbox,
}) => {
  await createUser(authbox, 'alice@example.com', { honorific: 'Commodore' });
  const app = await createWebApp(authbox, 'Orders portal');
  const claims = new ClaimsPage(page);
  await claims.open(authbox.uiUrl, 'default');
  await claims.addButton.click();
  await claims.field('Name').fill('honorific');
  await claims.field('Value').fill('user.honorific');
  await claims.includeIn('The following scopes').check();
  await claims.scope('profile').check();
  await expect(claims.previewField('Scopes')).toHaveValue('profile');
  await claims.previewField('Application').selectOption({ label: `Orders portal (${app.clientId})` });
  await claims.previewField('User').selectOption({ label: 'alice@example.com' });
  await expect(claims.previewResult).toContainText('"Commodore"');

  await claims.previewField('Scopes').fill('openid');
  await expect(claims.preview.getByRole('status')).toHaveText(
    'Left out of the token: needs one of the scopes [profile]; granted [openid]',
  );
  await expect(claims.previewResult).toBeHidden();
  await claims.previewField('Scopes').fill('openid profile');
  await expect(claims.previewResult).toContainText('"Commodore"');
});
