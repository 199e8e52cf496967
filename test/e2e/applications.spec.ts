import { expect, test } from './fixtures.js';
import { ApplicationsPage } from './pages/applications-page.js';
import { assignUser, createGroup, createServiceApp, createUser, createWebApp } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface AppBody {
  id: string;
  label: string;
  status: string;
  credentials: {
    oauthClient: {
      client_id: string;
      client_secret?: string;
      token_endpoint_auth_method: string;
      pkce_required: boolean;
    };
  };
  settings: {
    oauthClient: {
      application_type: string;
      grant_types: string[];
      response_types: string[];
      redirect_uris: string[];
      post_logout_redirect_uris: string[];
      refresh_token?: { rotation_type: string; leeway: number };
      dpop_bound_access_tokens: boolean;
    };
  };
}

const getApp = async (
  authbox: { api: <T>(m: string, p: string) => Promise<{ status: number; body: T }> },
  id: string,
) => (await authbox.api<AppBody>('GET', `/api/v1/apps/${id}`)).body;

test('creates a Web Application with its redirect URIs, assigned to everyone, and shows its General tab', async ({
  page,
  authbox,
}) => {
  const apps = new ApplicationsPage(page);
  await apps.open(authbox.uiUrl);
  await expect(page.getByText('No applications yet — Create App Integration')).toBeVisible();
  await apps.startCreate('Web Application');
  await expect(apps.wizard).toHaveAccessibleName('New Web Application App Integration');
  await apps.field('App integration name').fill('Pets portal');
  await expect(apps.grant('Authorization Code')).toBeChecked();
  await expect(apps.grant('Authorization Code')).toBeDisabled();
  await apps.grant('Implicit (hybrid)').check();
  await apps.wizard.getByRole('checkbox', { name: 'Allow Access Token with implicit grant type' }).uncheck();
  await apps.grant('Refresh Token').check();
  await apps.uriRow('Sign-in', 1).fill('http://localhost:3000/callback');
  await apps.wizard.getByRole('button', { name: 'Add sign-in redirect URI' }).click();
  await expect(apps.uriRow('Sign-in', 2)).toBeFocused();
  await page.keyboard.type('http://localhost:3000/other');
  await apps.wizard.getByRole('radio', { name: 'Rotate token after every use' }).check();
  await expect(apps.wizard.getByRole('radio', { name: 'Allow everyone in your organization to access' })).toBeChecked();
  await apps.save();

  await expect(apps.wizard).toBeHidden();
  await expect(apps.heading).toContainText('Pets portal');
  await expect(apps.tab('General')).toHaveAttribute('aria-selected', 'true');
  const id = apps.appIdFromUrl();
  const stored = await getApp(authbox, id);
  expect(stored.status).toBe('ACTIVE');
  expect(stored.settings.oauthClient).toMatchObject({
    application_type: 'web',
    grant_types: ['authorization_code', 'implicit', 'refresh_token'],
    response_types: ['code', 'id_token'],
    redirect_uris: ['http://localhost:3000/callback', 'http://localhost:3000/other'],
    post_logout_redirect_uris: ['http://localhost:8080'],
    refresh_token: { rotation_type: 'ROTATE', leeway: 30 },
  });
  expect(stored.credentials.oauthClient.token_endpoint_auth_method).toBe('client_secret_basic');
  const groups = await authbox.api<{ id: string }[]>('GET', `/api/v1/apps/${id}/groups`);
  expect(groups.body.map((g) => g.id)).toEqual(['00gEVERYONE000000000']);
  await expect(apps.clientId).toHaveValue(stored.credentials.oauthClient.client_id);
});

test('hides the client secret until Show, and copies the client ID and the secret', async ({
  page,
  context,
  authbox,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: authbox.origin });
  const app = await createWebApp(authbox, 'Orders portal');
  const secret = (await getApp(authbox, app.id)).credentials.oauthClient.client_secret!;
  const apps = new ApplicationsPage(page);
  await apps.openApp(authbox.uiUrl, app.id);

  await expect(apps.clientSecret).toHaveAttribute('type', 'password');
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(apps.clientSecret).toHaveAttribute('type', 'text');
  await expect(apps.clientSecret).toHaveValue(secret);
  await page.getByRole('button', { name: 'Hide' }).click();
  await expect(apps.clientSecret).toHaveAttribute('type', 'password');

  await page.getByRole('button', { name: 'Copy client ID' }).click();
  await expect(page.getByRole('button', { name: 'Copy client ID' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(app.clientId);
  await page.getByRole('button', { name: 'Copy client secret' }).click();
  await expect(page.getByRole('button', { name: 'Copy client secret' })).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
});

test('creates a Single-Page Application as a public client with PKCE and rotating refresh tokens', async ({
  page,
  authbox,
}) => {
  const apps = new ApplicationsPage(page);
  await apps.open(authbox.uiUrl);
  await apps.startCreate('Single-Page Application');
  await apps.field('App integration name').fill('Pets SPA');
  // Back to the type and on again: what was typed is still there.
  await apps.wizard.getByRole('button', { name: 'Back' }).click();
  await expect(apps.wizard.getByRole('radio', { name: /^Single-Page Application/ })).toBeChecked();
  await apps.wizard.getByRole('button', { name: 'Next' }).click();
  await expect(apps.field('App integration name')).toHaveValue('Pets SPA');
  await expect(apps.grant('Client Credentials')).toHaveCount(0);
  await expect(apps.field('Client authentication')).toBeDisabled();
  await expect(apps.field('Require PKCE as additional verification')).toBeChecked();
  await apps.grant('Refresh Token').check();
  await expect(apps.wizard.getByRole('radio', { name: 'Rotate token after every use' })).toBeChecked();
  await apps.wizard.getByRole('radio', { name: 'Skip group assignment for now' }).check();
  await apps.save();

  await expect(apps.heading).toContainText('Pets SPA');
  const stored = await getApp(authbox, apps.appIdFromUrl());
  expect(stored.credentials.oauthClient).toMatchObject({ token_endpoint_auth_method: 'none', pkce_required: true });
  expect(stored.credentials.oauthClient.client_secret).toBeUndefined();
  expect(stored.settings.oauthClient).toMatchObject({
    application_type: 'browser',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: ['http://localhost:8080/login/callback'],
    refresh_token: { rotation_type: 'ROTATE' },
  });
  await expect(page.getByText('No client secret: this app authenticates with PKCE only')).toBeVisible();
  const groups = await authbox.api<unknown[]>('GET', `/api/v1/apps/${apps.appIdFromUrl()}/groups`);
  expect(groups.body).toEqual([]);
});

test('creates a Native Application with the device grant, limited to a selected group', async ({ page, authbox }) => {
  const groupId = await createGroup(authbox, 'Mobile testers');
  const apps = new ApplicationsPage(page);
  await apps.open(authbox.uiUrl);
  await apps.startCreate('Native Application');
  await apps.field('App integration name').fill('Pets mobile');
  await apps.grant('Device Authorization').check();
  await apps.grant('Resource Owner Password').check();
  await expect(apps.uriRow('Sign-in', 1)).toHaveValue('com.okta.example:/callback');
  await apps.wizard.getByRole('radio', { name: 'Limit access to selected groups' }).check();
  await apps.save();
  // No group ticked: the choice is refused before anything is created.
  await expect(apps.wizard.getByRole('group', { name: 'Assignments' })).toHaveAccessibleDescription(
    'Choose at least one group, or Skip group assignment for now',
  );
  await apps.field('Search groups').fill('Mob');
  await apps.wizard.getByRole('checkbox', { name: 'Mobile testers' }).check();
  await apps.save();

  await expect(apps.heading).toContainText('Pets mobile');
  const id = apps.appIdFromUrl();
  const stored = await getApp(authbox, id);
  expect(stored.settings.oauthClient.grant_types).toEqual([
    'authorization_code',
    'password',
    'urn:ietf:params:oauth:grant-type:device_code',
  ]);
  expect(stored.credentials.oauthClient).toMatchObject({ token_endpoint_auth_method: 'none', pkce_required: true });
  const groups = await authbox.api<{ id: string }[]>('GET', `/api/v1/apps/${id}/groups`);
  expect(groups.body.map((g) => g.id)).toEqual([groupId]);
  const list = await authbox.api<AppBody[]>('GET', '/api/v1/apps');
  expect(list.body).toHaveLength(1);
});

test('creates an API Services app: client credentials only, no redirect URIs, a client secret', async ({
  page,
  authbox,
}) => {
  const apps = new ApplicationsPage(page);
  await apps.open(authbox.uiUrl);
  await apps.startCreate('API Services');
  await apps.field('App integration name').fill('Pets worker');
  await expect(apps.grant('Client Credentials')).toBeChecked();
  await expect(apps.uriList('Sign-in')).toHaveCount(0);
  await expect(apps.field('Require PKCE as additional verification')).toHaveCount(0);
  await expect(apps.wizard.getByRole('group', { name: 'Assignments' })).toHaveCount(0);
  await apps.field('Client authentication').selectOption('Client secret (in the request body)');
  await apps.save();

  await expect(apps.heading).toContainText('Pets worker');
  const stored = await getApp(authbox, apps.appIdFromUrl());
  expect(stored.settings.oauthClient).toMatchObject({
    application_type: 'service',
    grant_types: ['client_credentials'],
    response_types: ['token'],
    redirect_uris: [],
  });
  expect(stored.credentials.oauthClient.token_endpoint_auth_method).toBe('client_secret_post');
  expect(stored.credentials.oauthClient.client_secret).toMatch(/^.{40}$/);
  await expect(apps.clientSecret).toHaveAttribute('type', 'password');
});

test('checks redirect URIs as they are typed, and shows the server’s cause under its field, keeping what was typed', async ({
  page,
  authbox,
}) => {
  const apps = new ApplicationsPage(page);
  await apps.open(authbox.uiUrl);
  await apps.startCreate('Web Application');
  await apps.field('App integration name').fill('Half done');
  await apps.uriRow('Sign-in', 1).fill('localhost/callback');
  await expect(apps.uriRow('Sign-in', 1)).toHaveAccessibleDescription("'localhost/callback' must be an absolute URI");
  await apps.wizard.getByRole('button', { name: 'Remove sign-in redirect URI 1' }).click();
  await expect(apps.uriRow('Sign-in', 1)).toHaveCount(0);
  await apps.save();

  await expect(apps.uriList('Sign-in')).toHaveAccessibleDescription(
    /at least one redirect URI is required for authorization_code and implicit grants/,
  );
  await expect(apps.wizard).toBeVisible();
  await expect(apps.field('App integration name')).toHaveValue('Half done');
  const list = await authbox.api<AppBody[]>('GET', '/api/v1/apps');
  expect(list.body).toEqual([]);

  await apps.wizard.getByRole('button', { name: 'Add sign-in redirect URI' }).click();
  await apps.uriRow('Sign-in', 1).fill('http://localhost:3000/cb');
  await apps.save();
  await expect(apps.heading).toContainText('Half done');
});

test('edits an app on its General tab (DPoP required too), and shows a refused grace period under its field', async ({
  page,
  authbox,
}) => {
  const app = await createWebApp(authbox, 'Orders portal');
  const apps = new ApplicationsPage(page);
  await apps.openApp(authbox.uiUrl, app.id);
  const form = apps.generalForm;
  await apps.field('App integration name', form).fill('Orders portal 2');
  await apps.grant('Refresh Token', form).check();
  await form.getByRole('radio', { name: 'Rotate token after every use' }).check();
  await apps.field('Grace period for token rotation (seconds)', form).fill('90');
  await apps.save(form);

  await expect(apps.field('Grace period for token rotation (seconds)', form)).toHaveAccessibleDescription(
    /must be from 0 to 60 seconds/,
  );
  await expect(apps.field('App integration name', form)).toHaveValue('Orders portal 2');
  expect((await getApp(authbox, app.id)).label).toBe('Orders portal');

  await apps.field('Grace period for token rotation (seconds)', form).fill('10');
  await form
    .getByRole('checkbox', { name: 'Require Demonstrating Proof of Possession (DPoP) header in token requests' })
    .check();
  await apps.save(form);
  await expect(form.getByRole('status')).toHaveText('Saved.');
  await expect(apps.heading).toContainText('Orders portal 2');
  const stored = await getApp(authbox, app.id);
  expect(stored.label).toBe('Orders portal 2');
  expect(stored.settings.oauthClient).toMatchObject({
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: ['http://localhost:8080/callback'],
    refresh_token: { rotation_type: 'ROTATE', leeway: 10 },
    dpop_bound_access_tokens: true,
  });
  expect(stored.credentials.oauthClient.client_id).toBe(app.clientId);
});

test('assigns people through Assign to People, and removes one after confirming', async ({ page, authbox }) => {
  const app = await createWebApp(authbox, 'Orders portal');
  await createUser(authbox, 'john.smith@example.com', { firstName: 'John', lastName: 'Smith' });
  const adaId = await createUser(authbox, 'ada@example.com', { firstName: 'Ada', lastName: 'Lovelace' });
  await assignUser(authbox, app.id, adaId);
  const apps = new ApplicationsPage(page);
  await apps.openApp(authbox.uiUrl, app.id, 'assignments');
  await expect(apps.assignedPeople()).toContainText('Ada Lovelace');

  await page.getByRole('button', { name: 'Assign to People' }).click();
  const people = apps.assignDialog('People');
  await expect(people.getByRole('button', { name: 'Ada Lovelace is assigned' })).toBeDisabled();
  await people.getByLabel('Search people').fill('john');
  await expect(people.getByRole('button', { name: 'Ada Lovelace is assigned' })).toHaveCount(0);
  await people.getByRole('button', { name: 'Assign John Smith' }).click();
  await expect(people.getByRole('button', { name: 'John Smith is assigned' })).toBeDisabled();
  await people.getByRole('button', { name: 'Done' }).click();
  await expect(apps.assignedPeople()).toContainText('John Smith');

  await apps.assignedPeople().getByRole('button', { name: 'Remove Ada Lovelace' }).click();
  await expect(apps.confirmRemove).toContainText('Ada Lovelace');
  await apps.confirmRemove.getByRole('button', { name: 'Cancel' }).click();
  await expect(apps.assignedPeople()).toContainText('Ada Lovelace');
  await apps.assignedPeople().getByRole('button', { name: 'Remove Ada Lovelace' }).click();
  await apps.confirmRemove.getByRole('button', { name: 'Remove' }).click();
  await expect(apps.assignedPeople()).not.toContainText('Ada Lovelace');

  const users = await authbox.api<{ credentials: { userName: string } }[]>('GET', `/api/v1/apps/${app.id}/users`);
  expect(users.body.map((u) => u.credentials.userName)).toEqual(['john.smith@example.com']);
});

test('assigns a group through Assign to Groups, its members listed as through a group, and removes it', async ({
  page,
  authbox,
}) => {
  const app = await createWebApp(authbox, 'Orders portal');
  const johnId = await createUser(authbox, 'john.smith@example.com', { firstName: 'John', lastName: 'Smith' });
  await createGroup(authbox, 'Engineering', [johnId]);
  const apps = new ApplicationsPage(page);
  await apps.openApp(authbox.uiUrl, app.id, 'assignments');
  await expect(page.getByText('No group is assigned yet — Assign to Groups.')).toBeVisible();
  await expect(page.getByText('Nobody is assigned yet')).toBeVisible();

  await page.getByRole('button', { name: 'Assign to Groups' }).click();
  const groups = apps.assignDialog('Groups');
  await groups.getByRole('button', { name: 'Assign Engineering' }).click();
  await expect(groups.getByRole('button', { name: 'Engineering is assigned' })).toBeDisabled();
  await groups.getByRole('button', { name: 'Done' }).click();
  await expect(apps.assignedGroups()).toContainText('Engineering');
  await expect(apps.assignedPeople().getByRole('row', { name: /John Smith/ })).toContainText('Through a group');

  await apps.assignedGroups().getByRole('button', { name: 'Remove Engineering' }).click();
  await apps.confirmRemove.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('No group is assigned yet — Assign to Groups.')).toBeVisible();
  const assigned = await authbox.api<unknown[]>('GET', `/api/v1/apps/${app.id}/groups`);
  expect(assigned.body).toEqual([]);
});

test('refuses Delete while the app is active, and deletes it once deactivated and confirmed', async ({
  page,
  authbox,
}) => {
  const app = await createWebApp(authbox, 'Old portal');
  const apps = new ApplicationsPage(page);
  await apps.openApp(authbox.uiUrl, app.id);
  await expect(apps.deleteButton).toBeDisabled();
  await expect(apps.deleteButton).toHaveAccessibleDescription('Deactivate the app before deleting it.');

  await apps.deactivate.click();
  await expect(apps.activate).toBeVisible();
  expect((await getApp(authbox, app.id)).status).toBe('INACTIVE');
  await apps.deleteButton.click();
  await expect(apps.confirmDelete).toContainText('Old portal');
  await apps.confirmDelete.getByRole('button', { name: 'Cancel' }).click();
  await expect(apps.confirmDelete).toBeHidden();
  await apps.deleteButton.click();
  await apps.confirmDelete.getByRole('button', { name: 'Delete' }).click();

  await expect(apps.table).toHaveCount(0);
  await expect(page.getByText('No applications yet')).toBeVisible();
  expect((await authbox.api('GET', `/api/v1/apps/${app.id}`)).status).toBe(404);
});

test('lists apps with their type, client ID and status, and searches by name or client ID', async ({
  page,
  authbox,
}) => {
  const web = await createWebApp(authbox, 'Orders portal');
  const worker = await createServiceApp(authbox, 'Orders worker');
  await createWebApp(authbox, 'Billing portal');
  const apps = new ApplicationsPage(page);
  await apps.open(authbox.uiUrl);
  await expect(page.getByRole('link', { name: 'Applications' })).toHaveAttribute('aria-current', 'page');
  await expect(apps.row('Orders portal')).toContainText('Web Application');
  await expect(apps.row('Orders portal')).toContainText(web.clientId);
  await expect(apps.row('Orders worker')).toContainText('API Services');
  await expect(apps.row('Orders worker')).toContainText('Active');

  await apps.search.fill('orders');
  await expect(apps.table.getByRole('row')).toHaveCount(3);
  await apps.search.fill(worker.clientId);
  await expect(apps.table.getByRole('row')).toHaveCount(2);
  await expect(apps.row('Orders worker')).toHaveCount(1);
  await apps.search.fill('nothing like it');
  await expect(page.getByText('No application matches “nothing like it”.')).toBeVisible();

  await apps.search.fill('');
  // Made elsewhere while the screen is open: it shows once the window has the focus again.
  await createWebApp(authbox, 'Shipping portal');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(apps.row('Shipping portal')).toContainText('Web Application');
  await apps.row('Billing portal').getByRole('link').click();
  await expect(apps.heading).toContainText('Billing portal');
  await page.goBack();
  await expect(apps.table).toBeVisible();
});
