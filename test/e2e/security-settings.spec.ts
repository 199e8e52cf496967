/**
 * The Security settings on the Sandbox screen, in Chromium, on one Authbox: the defaults shown, a
 * refused value's cause under its field, a saved lockout threshold of 3 that the server then
 * applies (three wrong passwords lock the user out), and the Event Log saying so.
 */
import { expect, test } from './fixtures.js';
import { assignUser, createUser } from './support/sandbox-setup.js';

test('edits the lockout threshold and throttle, and the Event Log shows the lockout it causes', async ({
  page,
  authbox,
}) => {
  await page.goto(authbox.uiUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox' }).click();
  const card = page.getByRole('region', { name: 'Security' });
  const threshold = card.getByLabel('Lock out user after failed sign-ins');
  const firstDelay = card.getByLabel('First delay (seconds)');
  const longest = card.getByLabel('Longest delay (seconds)');
  await expect(threshold).toHaveValue('10');
  await expect(card.getByLabel('Failed attempts per address before delays')).toHaveValue('20');

  await threshold.fill('101');
  await firstDelay.fill('30');
  await longest.fill('10');
  await card.getByRole('button', { name: 'Save security settings' }).click();
  await expect(threshold).toHaveAccessibleDescription(/must be from 0 to 100/);
  await threshold.fill('3');
  await card.getByRole('button', { name: 'Save security settings' }).click();
  await expect(longest).toHaveAccessibleDescription(/must be at least the first delay/);
  await longest.fill('300');
  await card.getByRole('button', { name: 'Save security settings' }).click();
  await expect(card.getByRole('status')).toHaveText('Saved the security settings.');
  const saved = await authbox.api('GET', '/api/sandbox/v1/settings/security');
  expect(saved.body).toEqual({
    lockoutThreshold: 3,
    clientFreeFailures: 10,
    addressFreeFailures: 20,
    firstDelaySeconds: 30,
    maxDelaySeconds: 300,
  });

  // The server applies it: the third wrong password locks the user out.
  const userId = await createUser(authbox, 'locked@example.com');
  const app = await authbox.api<{ id: string; credentials: { oauthClient: { client_id: string } } }>(
    'POST',
    '/api/v1/apps',
    {
      name: 'oidc_client',
      label: 'Password app',
      signOnMode: 'OPENID_CONNECT',
      credentials: { oauthClient: { token_endpoint_auth_method: 'none', pkce_required: true } },
      settings: {
        oauthClient: {
          application_type: 'native',
          grant_types: ['authorization_code', 'password'],
          response_types: ['code'],
          redirect_uris: ['com.example.app:/callback'],
        },
      },
    },
  );
  expect(app.status, JSON.stringify(app.body)).toBe(200);
  await assignUser(authbox, app.body.id, userId);
  for (let i = 0; i < 3; i += 1) {
    const response = await fetch(`${authbox.origin}/oauth2/default/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: app.body.credentials.oauthClient.client_id,
        username: 'locked@example.com',
        password: 'wrong-password',
        scope: 'openid',
      }).toString(),
    });
    expect(response.status).toBe(400);
  }
  const user = await authbox.api<{ status: string }>('GET', `/api/v1/users/${userId}`);
  expect(user.body.status).toBe('LOCKED_OUT');
  const events = await authbox.api<{ id: string }[]>('GET', '/api/sandbox/v1/events?limit=1');
  await page.evaluate((hash) => (window.location.hash = hash), `#/events/${events.body[0]!.id}`);
  await expect(page.getByRole('region', { name: 'Event details' })).toContainText(
    'user locked out after 3 failed sign-ins',
  );
});
