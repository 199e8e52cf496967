/**
 * Consent for scopes whose `consent` is REQUIRED: the page lists them with display name and
 * description; Allow issues the code and is remembered per user, app and scope; Deny answers
 * access_denied; prompt=none answers consent_required; prompt=consent asks again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { createScope } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  answerConsent,
  assignedUser,
  authorizeUrl,
  createWebClient,
  redirectParams,
  signInThrough,
} from './fixtures.js';

let t: TestApp;
let web: TestClient;
let login = 0;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  await createScope(t, 'default', 'orders:read', {
    consent: 'REQUIRED',
    displayName: 'Read <your> orders',
    description: 'See what you bought',
  });
});

afterAll(async () => {
  await t?.close();
});

const request = (extra: Record<string, string> = {}) =>
  authorizeUrl(t, {
    client_id: web.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid orders:read',
    state: 's',
    ...extra,
  });

/** A new assigned user signed in through the form, at the consent page. */
async function atConsent(extra: Record<string, string> = {}): Promise<{ browser: Browser; page: Response }> {
  const user = `user${++login}@example.com`;
  await assignedUser(t, web, user);
  const browser = new Browser();
  return { browser, page: await signInThrough(t, browser, request(extra), user) };
}

describe('consent', () => {
  it('lists the REQUIRED scopes, escaped, with Allow and Deny', async () => {
    const { page } = await atConsent();
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(
      '<li><strong>Read &lt;your&gt; orders</strong> (<code>orders:read</code>) — See what you bought</li>',
    );
    expect(html).not.toContain('<code>openid</code>');
    expect(html).toContain('<button type="submit" name="decision" value="allow">Allow</button>');
    expect(html).toContain('<button type="submit" name="decision" value="deny" class="secondary">Deny</button>');
  });

  it('issues the code on Allow and remembers the consent', async () => {
    const { browser, page } = await atConsent();
    expect(redirectParams(await answerConsent(t, browser, page, 'allow'))).toMatchObject({
      code: expect.any(String),
      state: 's',
    });
    expect(redirectParams(await browser.get(request({ prompt: 'none' })))).toMatchObject({ code: expect.any(String) });
    expect((await browser.get(request({ prompt: 'consent' }))).status).toBe(200);
  });

  it('answers access_denied on Deny', async () => {
    const { browser, page } = await atConsent();
    expect(redirectParams(await answerConsent(t, browser, page, 'deny'))).toEqual({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: 's',
    });
  });

  it('answers consent_required to prompt=none while consent is missing', async () => {
    const { browser } = await atConsent();
    expect(redirectParams(await browser.get(request({ prompt: 'none' })))).toEqual({
      error: 'consent_required',
      error_description: 'The following scopes require user consent: [orders:read].',
      state: 's',
    });
  });
});
