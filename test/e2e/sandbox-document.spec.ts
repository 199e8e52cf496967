/**
 * The sandbox document in Chromium: `--demo` then the seed's implicit flow signs John Smith in and
 * returns an ID token with the nonce and `preferred_honorific`; Load the demo on a fresh sandbox;
 * Export downloads the document; Import shows a broken document's faults with their paths, and
 * checks, then applies, a good one.
 */
import { readFileSync } from 'node:fs';
import { startAuthbox } from './support/authbox-process.js';
import { expect, test } from './fixtures.js';
import { SignInPage } from './pages/sign-in-page.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');
const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

test("--demo, then the seed's implicit request returns an ID token with the nonce and preferred_honorific", async ({
  page,
}) => {
  const demo = await startAuthbox({ args: ['--demo'] });
  try {
    const redirectUri = `${demo.origin}/flow-runner/callback`;
    const authorize = new URL(`${demo.origin}/oauth2/ausDemoPets0000000001/v1/authorize`);
    authorize.search = new URLSearchParams({
      client_id: '0oaDemoPetsWeb000001',
      response_type: 'id_token',
      scope: 'openid profile',
      redirect_uri: redirectUri,
      state: 'WM6D',
      nonce: 'YsG76jo',
    }).toString();
    await page.goto(authorize.href);
    await new SignInPage(page).signInAs('john.smith@example.com', 'Commodore-1');
    await page.waitForURL((url) => url.href.startsWith(redirectUri));
    const fragment = new URLSearchParams(new URL(page.url()).hash.slice(1));
    expect(fragment.get('state')).toBe('WM6D');
    const claims = payloadOf(fragment.get('id_token') ?? '');
    expect(claims['nonce']).toBe('YsG76jo');
    expect(claims['preferred_honorific']).toBe('Commodore');
    expect(claims['iss']).toBe(`${demo.origin}/oauth2/ausDemoPets0000000001`);
  } finally {
    await demo.stop();
  }
});

test('Load the demo on a fresh sandbox, then export it', async ({ authbox, page }) => {
  await page.goto(authbox.uiUrl);
  await page.getByRole('button', { name: 'Load the demo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The demo is loaded.' })).toBeVisible();
  await expect(page.getByText('john.smith@example.com')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Pets API' })).toBeVisible();
  const servers = await authbox.api<{ name: string }[]>('GET', '/api/v1/authorizationServers');
  expect(servers.body.map((s) => s.name)).toEqual(['default', 'Pets API']);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  await page.getByLabel('What to export').selectOption({ label: 'Pets API and what it references' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('authbox-ausDemoPets0000000001.json');
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  const exported = JSON.parse(text) as { servers: { name: string }[]; users: { profile: { login: string } }[] };
  expect(exported.servers.map((s) => s.name)).toEqual(['Pets API']);
  expect(exported.users.map((u) => u.profile.login)).toEqual(['john.smith@example.com']);
  await expect(
    page.getByRole('status').filter({ hasText: 'Exported authbox-ausDemoPets0000000001.json' }),
  ).toBeVisible();
});

test('Import shows every fault with its path, then checks and applies a good document', async ({ authbox, page }) => {
  await page.goto(authbox.uiUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  const broken = JSON.parse(example('machine-to-machine.json'));
  broken.servers[0].policies[0].rules[0].grantTypes = ['client_credentials', 'magic'];
  broken.apps[0].clientSecret = 'short';
  await page.getByLabel('Or paste the document').fill(JSON.stringify(broken));
  await page.getByRole('button', { name: 'Check' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The document is refused' });
  await expect(refusal).toContainText('$.servers[0].policies[0].rules[0].grantTypes');
  await expect(refusal).toContainText("'magic' is not supported");
  await expect(refusal).toContainText('$.apps[0].clientSecret');
  await expect(page.getByRole('button', { name: 'Import' })).toBeDisabled();

  await page.getByLabel('Or paste the document').fill(example('machine-to-machine.json'));
  await page.getByRole('button', { name: 'Check' }).click();
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText(
    'The document is valid. Importing it creates 1 server, 2 scopes, 1 claim, 1 policy, 1 rule, 2 apps.',
  );
  const before = await authbox.api<unknown[]>('GET', '/api/v1/authorizationServers');
  expect(before.body).toHaveLength(1);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('region', { name: 'Import' }).getByRole('status')).toHaveText(
    'Imported: 1 server, 2 scopes, 1 claim, 1 policy, 1 rule, 2 apps.',
  );
  const after = await authbox.api<{ name: string }[]>('GET', '/api/v1/authorizationServers');
  expect(after.body.map((s) => s.name)).toEqual(['default', 'Inventory API']);
});
