import { expect, test } from './fixtures.js';
import { ServersPage } from './pages/servers-page.js';
import { TokenPrompt } from './pages/token-prompt.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

test('asks for the admin token when the address has a wrong one, then loads the list with the right one', async ({
  page,
  authbox,
}) => {
  await page.goto(`${authbox.origin}/#token=not-the-right-token`);

  const prompt = new TokenPrompt(page);
  await expect(prompt.heading).toBeVisible();
  await expect(prompt.refusal).toContainText('Invalid token provided');
  expect(page.url()).not.toContain('not-the-right-token');

  await prompt.enter(authbox.token);
  const servers = new ServersPage(page);
  await expect(servers.cell('default', 1)).toHaveText('api://default');
  await expect(prompt.heading).toBeHidden();
});

test('asks for the admin token when there is none, and keeps it for this tab after a reload', async ({
  page,
  authbox,
}) => {
  await page.goto(`${authbox.origin}/`);

  const prompt = new TokenPrompt(page);
  await expect(prompt.input).toBeVisible();
  await expect(prompt.refusal).toHaveCount(0);
  await prompt.save.click();
  await expect(prompt.input).toHaveAccessibleDescription('Paste the admin token here');

  await prompt.enter(authbox.token);
  const servers = new ServersPage(page);
  await expect(servers.row('default')).toBeVisible();

  await page.reload();
  await expect(servers.row('default')).toBeVisible();
  await expect(prompt.input).toBeHidden();
});

test('Change admin token returns to the prompt', async ({ page, authbox }) => {
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);
  await expect(servers.row('default')).toBeVisible();
  await page.getByRole('button', { name: 'Change admin token' }).click();
  await expect(new TokenPrompt(page).input).toBeVisible();
});
