import { expect, test } from './fixtures.js';
import { GroupsPage } from './pages/groups-page.js';
import { createGroup, createUser, createWebApp } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface GroupBody {
  id: string;
  profile: { name: string; description: string | null };
}

const EVERYONE = '00gEVERYONE000000000';

test('adds, edits and deletes a group; bad names show the server’s cause under Name', async ({ page, authbox }) => {
  await createGroup(authbox, 'Pilots');
  const groups = new GroupsPage(page);
  await groups.open(authbox.uiUrl);
  await expect(page).toHaveURL(/#\/groups$/);
  await expect(groups.link('Everyone')).toBeVisible();

  await groups.addButton.click();
  await groups.fill({ Description: 'Ship captains' });
  await expect(groups.field('Name')).toHaveAccessibleDescription('The field cannot be left blank');
  await groups.fill({ Name: 'Pilots' });
  await expect(groups.field('Name')).toHaveAccessibleDescription(
    'An object with this field already exists in the current organization',
  );
  await expect(groups.field('Description')).toHaveValue('Ship captains');
  await groups.fill({ Name: 'Captains' });
  await expect(groups.dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Added Captains.' })).toBeVisible();
  const listed = await authbox.api<GroupBody[]>('GET', '/api/v1/groups?q=Captains');
  expect(listed.body.map((g) => g.profile)).toEqual([{ name: 'Captains', description: 'Ship captains' }]);

  await groups.link('Captains').click();
  await expect(page).toHaveURL(new RegExp(`#/groups/${listed.body[0]!.id}$`));
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(groups.dialog).toHaveAccessibleName('Edit Group');
  await groups.fill({ Name: 'Pilots' });
  await expect(groups.field('Name')).toHaveAccessibleDescription(/already exists/);
  await groups.fill({ Name: 'Commodores', Description: '' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Commodores Okta group');
  await expect(page.getByRole('status').filter({ hasText: 'Group saved.' })).toBeVisible();
  const saved = await authbox.api<GroupBody>('GET', `/api/v1/groups/${listed.body[0]!.id}`);
  expect(saved.body.profile).toEqual({ name: 'Commodores', description: null });

  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(groups.confirm).toHaveAccessibleName('Delete Group');
  await groups.confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/#\/groups$/);
  await expect(groups.link('Commodores')).toHaveCount(0);
  expect((await authbox.api('GET', `/api/v1/groups/${listed.body[0]!.id}`)).status).toBe(404);
});

test('adds members by search and removes one after confirming', async ({ page, authbox }) => {
  const john = await createUser(authbox, 'john@example.com', { firstName: 'John', lastName: 'Smith' });
  await createUser(authbox, 'joan@example.com', { firstName: 'Joan', lastName: 'Jones' });
  await createUser(authbox, 'ada@example.com', { firstName: 'Ada', lastName: 'Lovelace' });
  const groupId = await createGroup(authbox, 'Pilots');
  const groups = new GroupsPage(page);
  await groups.openGroup(authbox.uiUrl, groupId);
  await expect(page.getByText('No members yet — find people above and Add them.')).toBeVisible();

  await groups.memberSearch.fill('jo');
  const found = page.getByRole('list', { name: 'People found' });
  await expect(found.getByRole('listitem')).toHaveCount(2);
  await found.getByRole('button', { name: 'Add john@example.com' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added John Smith.' })).toBeVisible();
  await expect(groups.member('john@example.com')).toBeVisible();
  await expect(found.getByRole('listitem').filter({ hasText: 'john@example.com' })).toContainText('Member');
  await found.getByRole('button', { name: 'Add joan@example.com' }).click();
  await expect(groups.member('joan@example.com')).toBeVisible();
  const members = await authbox.api<{ profile: { login: string } }[]>('GET', `/api/v1/groups/${groupId}/users`);
  expect(members.body.map((u) => u.profile.login).sort()).toEqual(['joan@example.com', 'john@example.com']);

  await groups.member('john@example.com').getByRole('button', { name: 'Remove john@example.com' }).click();
  await expect(groups.confirm).toHaveAccessibleName('Remove member');
  await groups.confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(groups.member('john@example.com')).toBeVisible();
  await groups.member('john@example.com').getByRole('button', { name: 'Remove john@example.com' }).click();
  await groups.confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(groups.member('john@example.com')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed John Smith.' })).toBeVisible();
  const after = await authbox.api<{ id: string }[]>('GET', `/api/v1/groups/${groupId}/users`);
  expect(after.body.map((u) => u.id)).not.toContain(john);
});

test('shows Everyone as built in and read-only, with every person as a member', async ({ page, authbox }) => {
  await createUser(authbox, 'john@example.com', { firstName: 'John', lastName: 'Smith' });
  const groups = new GroupsPage(page);
  await groups.open(authbox.uiUrl);
  await expect(page.getByText('No groups of your own yet — Add Group to gather people.')).toBeVisible();
  await expect(groups.table.getByRole('row').filter({ hasText: 'Everyone' })).toContainText('Built-in');
  await groups.link('Everyone').click();
  await expect(page).toHaveURL(new RegExp(`#/groups/${EVERYONE}$`));
  await expect(page.getByText('Everyone is built in: every person is a member')).toBeVisible();
  await expect(groups.member('john@example.com')).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Edit|Delete|Remove .*)$/ })).toHaveCount(0);
  await expect(groups.memberSearch).toHaveCount(0);
});

test('lists the apps assigned to a group, each linking to its page', async ({ page, authbox }) => {
  const groupId = await createGroup(authbox, 'Pilots');
  const app = await createWebApp(authbox, 'Orders web');
  const assigned = await authbox.api('PUT', `/api/v1/apps/${app.id}/groups/${groupId}`, {});
  expect(assigned.status).toBe(200);
  const groups = new GroupsPage(page);
  await groups.openGroup(authbox.uiUrl, groupId);
  await expect(groups.apps).toContainText('Orders web');
  await groups.apps.getByRole('link', { name: 'Orders web' }).click();
  await expect(page).toHaveURL(new RegExp(`#/applications/${app.id}/general$`));
});
