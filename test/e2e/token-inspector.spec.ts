/**
 * The Token Inspector in Chromium with real tokens from the real server: the seed's implicit flow
 * (`response_type=id_token`, `scope=openid profile`, `state=WM6D`, `nonce=YsG76jo`) signed in on the
 * sign-in page gives an ID token whose nonce and custom claim `preferred_honorific` show highlighted
 * with their labels, the claim's definition linking to the Claims tab, and the signature verified;
 * one payload character changed gives a bad signature; malformed input gets a message naming the
 * fault; Compare shows the scope difference of two access tokens; Token Preview opens its tokens here.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { TokenInspectorPage } from './pages/token-inspector-page.js';
import { TokenPreviewPage } from './pages/token-preview-page.js';
import { SEED_NONCE, seedImplicitIdToken } from './support/implicit-flow.js';
import { createScope, createServiceApp, createUser, requestToken } from './support/sandbox-setup.js';

// Each test starts from a fresh sandbox: one Authbox per file and worker, reset before each test.
test.use({ authboxPerFile: true });

/** Ada (honorific Commodore, which the seed's claim `preferred_honorific` reads) signs in to the seed's implicit flow. */
async function seedIdToken(authbox: Authbox, page: Page): Promise<string> {
  const id = await createUser(authbox, 'ada@example.com', {
    firstName: 'Ada',
    lastName: 'Lovelace',
    honorific: 'Commodore',
  });
  return seedImplicitIdToken(authbox, page, { id, login: 'ada@example.com', password: 'Correct-Horse-9' });
}

test('an ID token from the seed flow: nonce and custom claim highlighted, signature verified, tampering caught', async ({
  authbox,
  page,
}) => {
  const idToken = await seedIdToken(authbox, page);
  const inspector = new TokenInspectorPage(page);
  await inspector.open(authbox.uiUrl);
  await expect(page).toHaveURL(/#\/token-inspector$/);
  await inspector.inspect(idToken, SEED_NONCE);

  await expect(inspector.inspection.getByRole('heading', { name: 'ID token' })).toBeVisible();
  await expect(inspector.verdict).toContainText('Signature valid');
  await expect(inspector.verdict).toContainText("Signed with the server's ACTIVE key");
  const nonce = inspector.claim('nonce');
  await expect(nonce.getByRole('rowheader')).toContainText('nonce');
  await expect(nonce.locator('.highlight--nonce')).toHaveText('◎ nonce');
  await expect(nonce).toContainText('matches the nonce that was sent');
  const honorific = inspector.claim('preferred_honorific');
  await expect(honorific.locator('.highlight--custom')).toHaveText('★ custom');
  await expect(honorific).toContainText('"Commodore"');
  await expect(honorific).toContainText('Claim preferred_honorific (IDENTITY, EXPRESSION)');
  await expect(honorific).toContainText('user.honorific');
  await expect(honorific).toContainText('included for profile');
  await expect(inspector.claim('aud').locator('.highlight--security')).toHaveText('⚑ security');
  await expect(inspector.claim('iss')).toContainText('Issuer: the authorization server that issued the token');
  await expect(inspector.claim('exp')).toContainText(/in (59|60) minutes?/);
  await expect(inspector.inspection.getByLabel('Expiry')).toContainText('Expires in');

  // One payload character changed: decoded as before, but the signature no longer holds.
  const [header, payload, signature] = idToken.split('.') as [string, string, string];
  const json = Buffer.from(payload, 'base64url').toString().replace('Commodore', 'Commodorf');
  await inspector.inspect(`${header}.${Buffer.from(json).toString('base64url')}.${signature}`);
  await expect(inspector.verdict).toContainText('Bad signature');
  await expect(inspector.claim('preferred_honorific')).toContainText('"Commodorf"');

  // The definition links to the server's Claims tab.
  await inspector.inspect(idToken);
  await inspector
    .claim('preferred_honorific')
    .getByRole('link', { name: /Open in Claims/ })
    .click();
  await expect(page).toHaveURL(/#\/authorization-servers\/default\/claims$/);
});

test('malformed input gets a message naming the fault', async ({ authbox, page }) => {
  const inspector = new TokenInspectorPage(page);
  await inspector.open(authbox.uiUrl);
  const cases: [string, string][] = [
    ['abc.def', 'A JWT has three parts separated by dots (header.payload.signature); this one has 2.'],
    ['a.b.c.d.e', 'This is an encrypted token (JWE, five parts'],
    ['ab+c.e30.sig', "The header is not base64url: the character '+' at position 3"],
    [`${Buffer.from('not json').toString('base64url')}.e30.sig`, 'The header is not JSON: '],
    [`e30.${'A'.repeat(70_000)}.sig`, 'the inspector reads tokens of up to 65,536'],
  ];
  for (const [token, message] of cases) {
    await inspector.inspect(token);
    await expect(inspector.fault).toContainText(message);
    await expect(inspector.inspection).toHaveCount(0);
  }
});

test('Compare shows the difference between two access tokens with different scopes', async ({ authbox, page }) => {
  await createScope(authbox, 'default', 'orders:read');
  await createScope(authbox, 'default', 'orders:write');
  const client = await createServiceApp(authbox, 'Orders worker');
  const narrow = await requestToken(authbox, 'default', client, 'orders:read');
  const wide = await requestToken(authbox, 'default', client, 'orders:read orders:write');
  expect([narrow.status, wide.status]).toEqual([200, 200]);

  const inspector = new TokenInspectorPage(page);
  await inspector.open(authbox.uiUrl);
  await inspector.compare(String(narrow.body['access_token']), String(wide.body['access_token']));
  await expect(page).toHaveURL(/#\/token-inspector\/compare$/);
  await expect(inspector.comparison.getByRole('status')).toHaveText(/changed/);
  const scp = inspector.diffRow('scp');
  await expect(scp).toHaveAttribute('data-change', 'changed');
  await expect(scp).toContainText('~ changed');
  await expect(scp).toContainText('["orders:read","orders:write"]');
  await expect(inspector.diffRow('cid')).toContainText('= same');
  await expect(inspector.diffRow('jti')).toContainText('~ changed');
});

test('Token Preview opens a previewed token in the inspector, unsigned and said so', async ({ authbox, page }) => {
  const client = await createServiceApp(authbox, 'Orders worker');
  await createUser(authbox, 'ada@example.com', { firstName: 'Ada', lastName: 'Lovelace', honorific: 'Commodore' });
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, 'default');
  await preview.preview(`Orders worker (${client.clientId})`, 'ada@example.com', 'openid profile');
  await page.getByRole('button', { name: 'Open Token Preview: ID token (not signed) in Token Inspector' }).click();
  const inspector = new TokenInspectorPage(page);
  await expect(page).toHaveURL(/#\/token-inspector$/);
  await expect(inspector.form).toContainText('Opened from Token Preview: ID token (not signed)');
  await expect(inspector.verdict).toContainText('Unsigned (alg none)');
  await expect(inspector.claim('preferred_honorific').locator('.highlight--custom')).toBeVisible();
});
