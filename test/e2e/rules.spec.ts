import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { AccessPoliciesPage } from './pages/access-policies-page.js';
import { createGroup, createServer, createServiceApp } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface RuleBody {
  id: string;
  name: string;
  priority: number;
  status: string;
  conditions: {
    people: { users: { include: string[]; exclude: string[] }; groups: { include: string[]; exclude: string[] } };
    grantTypes: { include: string[] };
    scopes: { include: string[] };
  };
  actions: {
    token: {
      accessTokenLifetimeMinutes: number;
      refreshTokenLifetimeMinutes: number;
      refreshTokenWindowMinutes: number;
    };
  };
}

/** A server with scope pets:read and one policy for all clients; its ids. */
async function serverWithPolicy(authbox: Authbox): Promise<{ serverId: string; policyId: string }> {
  const serverId = await createServer(authbox, 'Pets');
  await authbox.api('POST', `/api/v1/authorizationServers/${serverId}/scopes`, { name: 'pets:read' });
  const policy = await authbox.api<{ id: string }>('POST', `/api/v1/authorizationServers/${serverId}/policies`, {
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name: 'Pets policy',
    description: 'Every client',
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
  });
  return { serverId, policyId: policy.body.id };
}

const rulesOf = async (authbox: Authbox, serverId: string, policyId: string) =>
  (await authbox.api<RuleBody[]>('GET', `/api/v1/authorizationServers/${serverId}/policies/${policyId}/rules`)).body;

async function addRules(authbox: Authbox, serverId: string, policyId: string, names: string[]) {
  for (const name of names)
    await authbox.api('POST', `/api/v1/authorizationServers/${serverId}/policies/${policyId}/rules`, {
      type: 'RESOURCE_ACCESS',
      name,
      conditions: { grantTypes: { include: ['authorization_code'] }, scopes: { include: ['*'] } },
    });
}

test('creates the seed’s rule with the Add Rule form, then edits it', async ({ page, authbox }) => {
  const { serverId, policyId } = await serverWithPolicy(authbox);
  const groupId = await createGroup(authbox, 'Pet owners');
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId, policyId);
  await expect(page.getByText('No rules yet — Add Rule')).toBeVisible();

  await policies.addRule.click();
  const form = policies.ruleDialog;
  await policies.ruleField('Rule Name').fill('Web sign-in');
  await form.getByRole('checkbox', { name: 'Implicit' }).check();
  await expect(form.getByRole('checkbox', { name: 'Authorization Code' })).toBeChecked();
  await form.getByRole('radio', { name: 'Any user assigned the app' }).check();
  await form.getByRole('radio', { name: 'The following scopes:' }).check();
  for (const scope of ['openid', 'profile', 'pets:read']) await form.getByRole('checkbox', { name: scope }).check();
  // The default is 1 hour: 30 hours would be out of range, and says so at once.
  await policies.ruleField('THEN Access token lifetime is').fill('30');
  await expect(policies.errorOf(policies.ruleField('THEN Access token lifetime is'))).toHaveText(
    'Must be between 5 minutes and 1 day.',
  );
  await policies.unitOf('THEN Access token lifetime is').selectOption('minutes');
  await form.getByRole('button', { name: 'Create Rule' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('Created rule Web sign-in.');

  await expect(policies.ruleRow('Web sign-in')).toContainText('Authorization Code, Implicit, Refresh Token');
  await expect(policies.ruleRow('Web sign-in')).toContainText('30 minutes');
  const [rule] = await rulesOf(authbox, serverId, policyId);
  expect(rule).toMatchObject({
    name: 'Web sign-in',
    status: 'ACTIVE',
    conditions: {
      people: { users: { include: [], exclude: [] }, groups: { include: ['EVERYONE'], exclude: [] } },
      grantTypes: { include: ['authorization_code', 'implicit', 'refresh_token'] },
      scopes: { include: ['openid', 'profile', 'pets:read'] },
    },
    actions: { token: { accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 0 } },
  });

  await policies.ruleRow('Web sign-in').getByRole('button', { name: 'Edit rule Web sign-in' }).click();
  await expect(policies.ruleField('Rule Name')).toHaveValue('Web sign-in');
  await form.getByRole('radio', { name: 'Assigned the app and a member of one of the following:' }).check();
  await form.getByRole('group', { name: 'Groups' }).getByRole('checkbox', { name: 'Pet owners' }).check();
  await policies.ruleField('Unlimited').uncheck();
  await policies.ruleField('Refresh token lifetime').fill('30');
  await policies.unitOf('Refresh token lifetime').selectOption('days');
  await policies.ruleField('but will expire if not used every').fill('1');
  await policies.unitOf('but will expire if not used every').selectOption('days');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(policies.ruleRow('Web sign-in')).toContainText('Pet owners');
  await expect(policies.ruleRow('Web sign-in')).toContainText('30 days, expires if not used every 1 day');
  expect((await rulesOf(authbox, serverId, policyId))[0]).toMatchObject({
    conditions: { people: { groups: { include: [groupId] } } },
    actions: { token: { refreshTokenLifetimeMinutes: 43200, refreshTokenWindowMinutes: 1440 } },
  });
});

test('checks lifetimes as they are typed and shows the server’s causes under their fields', async ({
  page,
  authbox,
}) => {
  const { serverId, policyId } = await serverWithPolicy(authbox);
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId, policyId);
  await policies.addRule.click();
  const access = policies.ruleField('THEN Access token lifetime is');
  await access.fill('2');
  await policies.unitOf('THEN Access token lifetime is').selectOption('days');
  await expect(policies.errorOf(access)).toHaveText('Must be between 5 minutes and 1 day.');
  await policies.unitOf('THEN Access token lifetime is').selectOption('hours');
  await expect(policies.errorOf(access)).toHaveCount(0);

  await policies.ruleDialog.getByRole('button', { name: 'Create Rule' }).click();
  await expect(policies.errorOf(policies.ruleField('Rule Name'))).toHaveText('The field cannot be left blank');
  await expect(access).toHaveValue('2');
  expect(await rulesOf(authbox, serverId, policyId)).toEqual([]);
});

test('reorders rules by drag and drop and by keyboard; deactivates and deletes one', async ({ page, authbox }) => {
  const { serverId, policyId } = await serverWithPolicy(authbox);
  await addRules(authbox, serverId, policyId, ['Alpha', 'Beta', 'Gamma']);
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId, policyId);
  await expect.poll(() => policies.ruleNames()).toEqual(['Alpha', 'Beta', 'Gamma']);
  const stored = async () => (await rulesOf(authbox, serverId, policyId)).map((r) => `${r.priority} ${r.name}`);

  await policies.ruleRow('Gamma').dragTo(policies.ruleRow('Alpha'));
  await expect.poll(() => policies.ruleNames()).toEqual(['Gamma', 'Alpha', 'Beta']);
  await expect.poll(stored).toEqual(['1 Gamma', '2 Alpha', '3 Beta']);

  await policies.ruleHandle('Alpha').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => policies.ruleNames()).toEqual(['Alpha', 'Gamma', 'Beta']);
  await expect(policies.ruleHandle('Alpha')).toBeFocused();
  await policies.ruleRow('Beta').getByRole('button', { name: 'Move Beta up' }).click();
  await expect.poll(() => policies.ruleNames()).toEqual(['Alpha', 'Beta', 'Gamma']);
  await expect.poll(stored).toEqual(['1 Alpha', '2 Beta', '3 Gamma']);

  await policies.ruleRow('Beta').getByRole('button', { name: 'Deactivate rule Beta' }).click();
  await expect(policies.ruleRow('Beta')).toContainText('Inactive');
  expect((await rulesOf(authbox, serverId, policyId))[1]?.status).toBe('INACTIVE');

  await policies.ruleRow('Beta').getByRole('button', { name: 'Delete rule Beta' }).click();
  await policies.confirmDelete.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => policies.ruleNames()).toEqual(['Alpha', 'Gamma']);
  await expect.poll(stored).toEqual(['1 Alpha', '2 Gamma']);
});

test('a policy that covers a service app asks for a No user rule until one is active', async ({ page, authbox }) => {
  const { serverId, policyId } = await serverWithPolicy(authbox);
  await createServiceApp(authbox, 'Pets worker');
  await addRules(authbox, serverId, policyId, ['Users']);
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId, policyId);
  const note = page.getByRole('note');
  await expect(note).toContainText('need an active rule with No user');

  await policies.addRule.click();
  await policies.ruleField('Rule Name').fill('Machines');
  await policies.ruleDialog.getByRole('radio', { name: 'No user (client credentials)' }).check();
  await expect(policies.ruleDialog.getByRole('checkbox', { name: 'Client Credentials' })).toBeChecked();
  await expect(policies.ruleDialog.getByRole('checkbox', { name: 'Authorization Code' })).toBeDisabled();
  await policies.ruleDialog.getByRole('button', { name: 'Create Rule' }).click();
  await expect(policies.ruleRow('Machines')).toContainText('Client Credentials');
  await expect(note).toHaveCount(0);
  expect((await rulesOf(authbox, serverId, policyId))[1]?.conditions.grantTypes.include).toEqual([
    'client_credentials',
  ]);
});
