import { expect, test } from './fixtures.js';
import { PeoplePage } from './pages/people-page.js';
import { PersonPage } from './pages/person-page.js';
import { assignUser, createGroup, createUser, createWebApp } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

interface UserBody {
  id: string;
  status: string;
  profile: Record<string, unknown>;
}

const findUser = async (
  authbox: { api: <T>(m: string, p: string) => Promise<{ status: number; body: T }> },
  login: string,
) => (await authbox.api<UserBody>('GET', `/api/v1/users/${encodeURIComponent(login)}`)).body;

test('shows what to do when nobody is in the directory yet', async ({ page, authbox }) => {
  const people = new PeoplePage(page);
  await people.open(authbox.uiUrl);
  await expect(page).toHaveURL(/#\/people$/);
  await expect(page.getByText('No people yet — Add Person to have someone sign in.')).toBeVisible();
});

test('adds a person with Add Person, confirms it, lists and finds them by search', async ({ page, authbox }) => {
  await createUser(authbox, 'ada@example.com', { firstName: 'Ada', lastName: 'Lovelace' });
  const people = new PeoplePage(page);
  await people.open(authbox.uiUrl);
  await expect(people.row('Ada Lovelace')).toBeVisible();

  await people.add({
    'First name': 'John',
    'Last name': 'Smith',
    Username: 'john.smith@example.com',
    'Primary email': 'john.smith@example.com',
    Password: 'Sandbox-Passw0rd!',
  });
  await expect(people.dialog).toBeHidden();
  await expect(people.notice).toHaveText('Added John Smith.');
  await expect(people.row('John Smith')).toContainText('Active');
  const john = await findUser(authbox, 'john.smith@example.com');
  expect(john).toMatchObject({
    status: 'ACTIVE',
    profile: { firstName: 'John', lastName: 'Smith', login: 'john.smith@example.com', email: 'john.smith@example.com' },
  });

  await people.search.fill('jo');
  await expect.poll(() => people.names()).toEqual(['John Smith']);
  await people.search.fill('zz');
  await expect(page.getByText('No one’s name, username or email starts with “zz”.')).toBeVisible();
  await people.search.fill('');
  await expect.poll(() => people.names()).toEqual(['Ada Lovelace', 'John Smith']);

  await people.notice.getByRole('link', { name: 'John Smith' }).click();
  await expect(page).toHaveURL(new RegExp(`#/people/${john.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('John Smith Active');
});

test('Add Person shows the server’s causes under the fields and keeps what was typed', async ({ page, authbox }) => {
  await createUser(authbox, 'taken@example.com');
  const people = new PeoplePage(page);
  await people.open(authbox.uiUrl);
  await people.add({ 'First name': 'Grace', 'Primary email': 'not-an-email', Password: 'short' });

  await expect(people.dialog).toBeVisible();
  await expect(people.field('Username')).toHaveAccessibleDescription(/The field cannot be left blank/);
  await expect(people.field('Primary email')).toHaveAccessibleDescription(/must be a valid email address/);
  await expect(people.field('Password')).toHaveAccessibleDescription(/Password requirements were not met/);
  await expect(people.field('First name')).toHaveValue('Grace');
  await expect(people.field('Primary email')).toHaveValue('not-an-email');

  await people.field('Username').fill('taken@example.com');
  await people.field('Primary email').fill('grace@example.com');
  await people.field('Password').fill('Sandbox-Passw0rd!');
  await people.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(people.field('Username')).toHaveAccessibleDescription(/already exists/);
  await expect(people.field('Password')).toHaveValue('Sandbox-Passw0rd!');

  await people.field('Username').fill('grace@example.com');
  await people.field('Activate now').uncheck();
  await people.dialog.getByRole('button', { name: 'Save' }).click();
  await expect(people.notice).toHaveText('Added Grace.');
  expect((await findUser(authbox, 'grace@example.com')).status).toBe('STAGED');
});

test('edits custom attribute rows: add honorific = Commodore, change it, remove it', async ({ page, authbox }) => {
  const id = await createUser(authbox, 'john@example.com', { firstName: 'John', lastName: 'Smith', team: 'blue' });
  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, id);
  await expect(person.attributeRows()).toHaveCount(1);
  await expect(person.attribute(1).getByLabel('Attribute name')).toHaveValue('team');

  await person.addAttribute('honorific', 'Commodore');
  await person.profileField('First name').fill('Johnny');
  await person.saveProfile();
  await expect(person.profile.getByRole('status')).toHaveText('Profile saved.');
  expect((await findUser(authbox, 'john@example.com')).profile).toMatchObject({
    firstName: 'Johnny',
    honorific: 'Commodore',
    team: 'blue',
  });

  await page.reload();
  await expect(person.attribute(2).getByLabel('Attribute value')).toHaveValue('Commodore');
  await person.attribute(2).getByLabel('Attribute value').fill('Admiral');
  await person.attribute(1).getByRole('button', { name: 'Remove attribute team' }).click();
  await person.saveProfile();
  await expect(person.profile.getByRole('status')).toHaveText('Profile saved.');
  const profile = (await findUser(authbox, 'john@example.com')).profile;
  expect(profile['honorific']).toBe('Admiral');
  expect(profile).not.toHaveProperty('team');
  await expect(person.attributeRows()).toHaveCount(1);
});

test('profile problems show under their fields: a blank attribute name, a duplicate, and the server’s causes', async ({
  page,
  authbox,
}) => {
  const id = await createUser(authbox, 'john@example.com', { firstName: 'John', lastName: 'Smith' });
  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, id);

  await person.addAttribute('', 'Commodore');
  await person.addAttribute('login', 'x');
  await person.saveProfile();
  await expect(person.attribute(1).getByLabel('Attribute name')).toHaveAccessibleDescription(
    'Enter the attribute’s name',
  );
  await expect(person.attribute(2).getByLabel('Attribute name')).toHaveAccessibleDescription(
    'login is already set above',
  );
  await person.attribute(1).getByLabel('Attribute name').fill('honorific');
  await person.attribute(2).getByRole('button', { name: 'Remove attribute login' }).click();

  await person.profileField('Username').fill('');
  await person.profileField('Primary email').fill('nope');
  await person.saveProfile();
  await expect(person.profileField('Username')).toHaveAccessibleDescription('The field cannot be left blank');
  await expect(person.profileField('Primary email')).toHaveAccessibleDescription('must be a valid email address');
  await expect(person.attribute(1).getByLabel('Attribute value')).toHaveValue('Commodore');
  expect((await findUser(authbox, 'john@example.com')).profile).not.toHaveProperty('honorific');
});

test('sets a password; a short one shows the server’s rule under the field', async ({ page, authbox }) => {
  const id = await createUser(authbox, 'john@example.com');
  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, id);
  const field = person.passwordForm.getByLabel('New password');
  await field.fill('short');
  await person.passwordForm.getByRole('button', { name: 'Set password' }).click();
  await expect(field).toHaveAccessibleDescription(/Password requirements were not met/);
  await expect(field).toHaveValue('short');

  await field.fill('Another-Passw0rd!');
  await person.passwordForm.getByRole('button', { name: 'Set password' }).click();
  await expect(person.passwordForm.getByRole('status')).toHaveText('Password set.');
  await expect(field).toHaveValue('');
});

test('offers only the status actions the status allows, confirms the destructive ones, and deletes', async ({
  page,
  authbox,
}) => {
  const id = await createUser(authbox, 'john@example.com', { firstName: 'John', lastName: 'Smith' });
  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, id);
  await expect.poll(() => person.shownActions()).toEqual(['Suspend', 'Expire password', 'Deactivate']);

  await person.action('Suspend').click();
  await expect(person.confirm).toHaveAccessibleName('Suspend person');
  await person.confirm.getByRole('button', { name: 'Cancel' }).click();
  expect((await findUser(authbox, 'john@example.com')).status).toBe('ACTIVE');
  await person.action('Suspend').click();
  await person.confirm.getByRole('button', { name: 'Suspend' }).click();
  await expect(person.heading).toHaveText('John Smith Suspended');
  await expect(page.getByRole('status').filter({ hasText: 'Suspended.' })).toBeVisible();
  expect((await findUser(authbox, 'john@example.com')).status).toBe('SUSPENDED');
  await expect.poll(() => person.shownActions()).toEqual(['Unsuspend', 'Deactivate']);

  await person.action('Unsuspend').click();
  await expect(person.heading).toHaveText('John Smith Active');

  await person.action('Expire password').click();
  await person.confirm.getByRole('button', { name: 'Expire password' }).click();
  await expect(person.heading).toHaveText('John Smith Password expired');
  expect((await findUser(authbox, 'john@example.com')).status).toBe('PASSWORD_EXPIRED');

  await person.action('Deactivate').click();
  await person.confirm.getByRole('button', { name: 'Deactivate' }).click();
  await expect(person.heading).toHaveText('John Smith Deactivated');
  await expect.poll(() => person.shownActions()).toEqual(['Activate', 'Delete']);

  await person.action('Delete').click();
  await expect(person.confirm).toHaveAccessibleName('Delete person');
  await person.confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/#\/people$/);
  expect((await authbox.api('GET', `/api/v1/users/${id}`)).status).toBe(404);
});

test('lists the person’s groups and apps, each linking to its page', async ({ page, authbox }) => {
  const id = await createUser(authbox, 'john@example.com', { firstName: 'John', lastName: 'Smith' });
  await createGroup(authbox, 'Pilots', [id]);
  const app = await createWebApp(authbox, 'Orders web');
  await assignUser(authbox, app.id, id);
  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, id);
  await expect(person.groups.getByRole('link', { name: 'Pilots' })).toBeVisible();
  await expect(person.groups.getByRole('link', { name: 'Everyone' })).toBeVisible();
  await expect(person.apps).toContainText('Orders web');
  await person.groups.getByRole('link', { name: 'Pilots' }).click();
  await expect(page).toHaveURL(/#\/groups\/00g/);
  await page.goBack();
  await person.apps.getByRole('link', { name: 'Orders web' }).click();
  await expect(page).toHaveURL(new RegExp(`#/applications/${app.id}/general$`));
});

test('adds a person with the keyboard alone; Escape closes the dialog', async ({ page, authbox }) => {
  const people = new PeoplePage(page);
  await people.open(authbox.uiUrl);
  await people.addButton.focus();
  await page.keyboard.press('Enter');
  await expect(people.field('First name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(people.dialog).toBeHidden();

  await people.addButton.focus();
  await page.keyboard.press('Enter');
  for (const text of ['Grace', 'Hopper', 'grace@example.com', 'grace@example.com', 'Sandbox-Passw0rd!']) {
    await page.keyboard.type(text);
    await page.keyboard.press('Tab');
  }
  await expect(people.field('Activate now')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(people.notice).toHaveText('Added Grace Hopper.');
  expect((await findUser(authbox, 'grace@example.com')).status).toBe('ACTIVE');
});
