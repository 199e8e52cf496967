/**
 * A person's status actions per status: a person locked out by wrong passwords (Okta's lockout,
 * "Lock out user after 10 unsuccessful attempts") is offered Unlock, and Unlock lets them sign in
 * again; a staged person is offered Activate. One Authbox for the file.
 */
import { test as base, expect } from '@playwright/test';
import { PersonPage } from './pages/person-page.js';
import { startAuthbox } from './support/authbox-process.js';
import type { Authbox } from './support/authbox-process.js';
import { assignUser, createUser } from './support/sandbox-setup.js';

const test = base.extend<object, { authbox: Authbox }>({
  authbox: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
    async ({}, use) => {
      const authbox = await startAuthbox();
      try {
        await use(authbox);
      } finally {
        await authbox.stop();
      }
    },
    { scope: 'worker' },
  ],
  // As in fixtures.ts: the page must not throw while the test runs.
  page: async ({ page }, use) => {
    const thrown: string[] = [];
    page.on('pageerror', (error) => thrown.push(error.message));
    await use(page);
    expect(thrown, 'errors the page threw').toEqual([]);
  },
});

const LOCKOUT_THRESHOLD = 10;
const PASSWORD = 'Correct-Horse-9';

interface PasswordClient {
  id: string;
  clientId: string;
  clientSecret: string;
}

/** A native app with the password grant (Okta's Resource Owner Password), a client secret. */
async function passwordClient(authbox: Authbox): Promise<PasswordClient> {
  const app = await authbox.api<{
    id: string;
    credentials: { oauthClient: { client_id: string; client_secret: string } };
  }>('POST', '/api/v1/apps', {
    name: 'oidc_client',
    label: 'Password app',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
    settings: {
      oauthClient: {
        application_type: 'native',
        grant_types: ['authorization_code', 'password'],
        response_types: ['code'],
        redirect_uris: ['com.example.app:/callback'],
      },
    },
  });
  expect(app.status).toBe(200);
  const { client_id: clientId, client_secret: clientSecret } = app.body.credentials.oauthClient;
  return { id: app.body.id, clientId, clientSecret };
}

/** A password grant on the default server; its status. */
async function passwordGrant(authbox: Authbox, client: PasswordClient, login: string, password: string) {
  const response = await fetch(`${authbox.origin}/oauth2/default/v1/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'password', username: login, password, scope: 'openid' }).toString(),
  });
  return response.status;
}

const statusOf = async (authbox: Authbox, id: string) =>
  (await authbox.api<{ status: string }>('GET', `/api/v1/users/${id}`)).body.status;

test('a person locked out by wrong passwords is offered Unlock, and Unlock lets them sign in again', async ({
  page,
  authbox,
}) => {
  const client = await passwordClient(authbox);
  const id = await createUser(authbox, 'locked@example.com', { firstName: 'Lee', lastName: 'Locke' });
  await assignUser(authbox, client.id, id);
  for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1)
    expect(await passwordGrant(authbox, client, 'locked@example.com', 'wrong-password')).toBe(400);
  expect(await statusOf(authbox, id)).toBe('LOCKED_OUT');

  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, id);
  await expect(person.heading).toHaveText('Lee Locke Locked out');
  await expect.poll(() => person.shownActions()).toEqual(['Unlock', 'Deactivate']);

  await person.action('Unlock').click();
  await expect(person.heading).toHaveText('Lee Locke Active');
  await expect(page.getByRole('status').filter({ hasText: 'Unlocked.' })).toBeVisible();
  await expect.poll(() => person.shownActions()).toEqual(['Suspend', 'Expire password', 'Deactivate']);
  expect(await statusOf(authbox, id)).toBe('ACTIVE');
  expect(await passwordGrant(authbox, client, 'locked@example.com', PASSWORD)).toBe(200);
});

test('a staged person is offered Activate and Deactivate; Activate makes them active', async ({ page, authbox }) => {
  const created = await authbox.api<{ id: string; status: string }>('POST', '/api/v1/users?activate=false', {
    profile: { login: 'staged@example.com', email: 'staged@example.com', firstName: 'Sam', lastName: 'Staged' },
    credentials: { password: { value: PASSWORD } },
  });
  expect(created.body.status).toBe('STAGED');
  const person = new PersonPage(page);
  await person.open(authbox.uiUrl, created.body.id);
  await expect(person.heading).toHaveText('Sam Staged Staged');
  await expect.poll(() => person.shownActions()).toEqual(['Activate', 'Deactivate']);

  await person.action('Activate').click();
  await expect(person.heading).toHaveText('Sam Staged Active');
  expect(await statusOf(authbox, created.body.id)).toBe('ACTIVE');
});
