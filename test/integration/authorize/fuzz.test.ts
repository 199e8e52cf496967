/**
 * Random authorize parameters (GET and POST, with and without a session) and random code
 * exchanges never get a 5xx: every answer is a page, a redirect or an OAuth error.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { assertProperty } from '../../support/property.js';
import { basic, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createBrowserClient,
  createWebClient,
  signInThrough,
} from './fixtures.js';

let t: TestApp;
let web: TestClient;
let spa: TestClient;
let signedIn: Browser;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  spa = await createBrowserClient(t);
  await assignedUser(t, web, 'alice@example.com');
  signedIn = new Browser();
  await signInThrough(
    t,
    signedIn,
    authorizeUrl(t, {
      client_id: web.clientId,
      redirect_uri: REDIRECT_URI,
      response_type: 'code',
      scope: 'openid',
      state: 's',
    }),
    'alice@example.com',
  );
});

afterAll(async () => {
  await t?.close();
});

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constant(''));
const pick = (values: string[]) => fc.oneof(fc.constantFrom(...values), text);

const authorizeParams = () =>
  fc.record(
    {
      client_id: fc.oneof(fc.constant('WEB'), fc.constant('SPA'), text),
      redirect_uri: pick([REDIRECT_URI, 'https://evil.example.com/', 'com.example.app:/cb']),
      response_type: pick([
        'code',
        'id_token',
        'token',
        'code id_token',
        'code token',
        'id_token token',
        'code id_token token',
        'code code',
      ]),
      response_mode: pick(['query', 'fragment', 'form_post', 'okta_post_message']),
      scope: pick(['openid', 'openid profile email', 'offline_access', 'nope', 'openid  profile']),
      state: text,
      nonce: text,
      code_challenge: pick(['a'.repeat(43), 'short']),
      code_challenge_method: pick(['S256', 'plain', 'S512']),
      prompt: pick(['none', 'login', 'consent', 'none login', 'login consent']),
      max_age: pick(['0', '60', '-1', '1e3', '99999999999']),
      login_hint: text,
    },
    { requiredKeys: [] },
  );

function withClients(params: Record<string, string>): Record<string, string> {
  const out = { ...params };
  if (out['client_id'] === 'WEB') out['client_id'] = web.clientId;
  if (out['client_id'] === 'SPA') out['client_id'] = spa.clientId;
  return out;
}

describe('fuzzing', () => {
  it('no authorize request gets a 5xx', async () => {
    await assertProperty(
      fc.asyncProperty(authorizeParams(), fc.boolean(), fc.boolean(), async (params, post, session) => {
        const browser = session ? signedIn : new Browser();
        const full = withClients(params);
        const answer = post
          ? await browser.post(`${t.origin}/oauth2/default/v1/authorize`, full)
          : await browser.get(authorizeUrl(t, full));
        expect(answer.status).toBeLessThan(500);
        await answer.arrayBuffer();
      }),
      { numRuns: 150 },
    );
  });

  it('no code exchange gets a 5xx', async () => {
    await assertProperty(
      fc.asyncProperty(
        fc.record(
          {
            code: text,
            redirect_uri: pick([REDIRECT_URI]),
            code_verifier: text,
            client_id: pick([web.clientId]),
            scope: text,
          },
          { requiredKeys: [] },
        ),
        async (params) => {
          const answer = await postToken(
            t,
            { grant_type: 'authorization_code', ...params },
            { authorization: basic(web.clientId, web.clientSecret!) },
          );
          expect(answer.status).toBeLessThan(500);
          await answer.arrayBuffer();
        },
      ),
      { numRuns: 100 },
    );
  });
});
