/**
 * A token family gets a `token_families` row only once something is stored about it: the owner of
 * its refresh tokens, or its revocation. A token without a refresh token (client_credentials, a code
 * exchanged without `offline_access`) writes none, and stays as revocable as before: by its jti at
 * /revoke, and with its family when its authorization code is replayed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  Browser,
  REDIRECT_URI,
  authorizeUrl,
  codeAfterSignIn,
  createWebClient,
  redirectParams,
  signInThrough,
} from '../authorize/fixtures.js';
import { basic, createClient, createScope, decodeJwt, events, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { assignedUser, clientAuth, postForm } from '../token/issued-tokens.js';
import type { TokenBody } from '../token/issued-tokens.js';

let t: TestApp;
let service: TestClient;
let web: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  await createScope(t, 'default', 'orders:read');
  service = await createClient(t, { label: 'Family rows' });
  web = await createWebClient(t);
  await assignedUser(t, web, 'family@example.com');
});

afterAll(async () => {
  await t?.close();
});

const families = () => (t.app.database.prepare('SELECT count(*) AS n FROM token_families').get() as { n: number }).n;
const familyOf = (accessToken: string) =>
  (
    t.app.database
      .prepare('SELECT family_id FROM access_tokens WHERE jti = ?')
      .get(decodeJwt(accessToken).payload['jti']) as { family_id: string }
  ).family_id;
const familyRow = (id: string) => t.app.database.prepare('SELECT * FROM token_families WHERE id = ?').get(id);

async function active(client: TestClient, token: string): Promise<boolean> {
  const response = await postForm(t, 'introspect', { token }, clientAuth(client));
  return ((await response.json()) as { active: boolean }).active;
}

const exchange = (code: string) =>
  postToken(
    t,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
    { authorization: basic(web.clientId, web.clientSecret!) },
  );

/** A code for `openid` only: its exchange earns no refresh token. */
async function codeWithoutOfflineAccess(state: string): Promise<string> {
  const url = authorizeUrl(t, {
    client_id: web.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    state,
  });
  return redirectParams(await signInThrough(t, new Browser(), url, 'family@example.com'))['code']!;
}

describe('token family rows', () => {
  it('stores no family row for a client_credentials token, which its event and introspection still name', async () => {
    const before = families();
    const response = await postToken(
      t,
      { grant_type: 'client_credentials', scope: 'orders:read' },
      { authorization: basic(service.clientId, service.clientSecret!) },
    );
    expect(response.status).toBe(200);
    const { access_token: token } = (await response.json()) as TokenBody;
    expect(families()).toBe(before);
    expect(familyOf(token)).toMatch(/^tfm/);
    expect(events(t).at(-1)).toMatchObject({ endpoint: 'token', outcome: 'success', family_id: familyOf(token) });
    expect(await active(service, token)).toBe(true);
    expect((await postForm(t, 'revoke', { token }, clientAuth(service))).status).toBe(200);
    expect(await active(service, token)).toBe(false);
  });

  it('stores the family row of a refresh token, with its owner', async () => {
    const before = families();
    const response = await exchange(await codeAfterSignIn(t, web, 'family@example.com', 'with-refresh'));
    const body = (await response.json()) as TokenBody;
    expect(body.refresh_token).toBeDefined();
    expect(families()).toBe(before + 1);
    expect(familyRow(familyOf(body.access_token))).toMatchObject({ client_id: web.clientId, revoked: null });
  });

  it("revokes a code's tokens when it is replayed, though their family had no row", async () => {
    const code = await codeWithoutOfflineAccess('no-refresh');
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const body = (await first.json()) as TokenBody;
    expect(body.refresh_token).toBeUndefined();
    const family = familyOf(body.access_token);
    expect(familyRow(family)).toBeUndefined();
    expect(await active(web, body.access_token)).toBe(true);
    expect((await exchange(code)).status).toBe(400);
    expect(familyRow(family)).toMatchObject({ revoked_reason: expect.stringContaining('authorization code replayed') });
    expect(await active(web, body.access_token)).toBe(false);
  });
});
