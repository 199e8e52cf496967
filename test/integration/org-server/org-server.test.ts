/**
 * The org authorization server (Okta "Authorization servers": org vs custom) on a real server: its
 * discovery at the org URL, its own keys, ID tokens without custom claims, access tokens whose
 * audience is the org URL, introspection and revocation under `/oauth2/v1`, and no trace of it in
 * the Authorization Servers API.
 */
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { addMember, createGroup } from '../../support/directory.js';
import { FORM, PASSWORD, assignUser, basic, createPasswordClient, createUser } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

let t: TestApp;
let client: TestClient;
let orla: string;

beforeAll(async () => {
  t = await startTestApp();
  client = await createPasswordClient(t);
  // `honorific` makes the default server's sample custom claim appear; the org server must leave it out.
  orla = await createUser(t, 'orla@example.com', { honorific: 'Dr.' });
  await assignUser(t, client.id, orla);
});

afterAll(async () => {
  await t?.close();
});

function orgToken(params: Record<string, string>): Promise<Response> {
  return fetch(`${t.origin}/oauth2/v1/token`, {
    method: 'POST',
    headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
    body: new URLSearchParams(params).toString(),
  });
}

const passwordGrant = (scope: string) =>
  orgToken({ grant_type: 'password', username: 'orla@example.com', password: PASSWORD, scope });

describe('the org authorization server', () => {
  it('publishes its discovery documents at the org URL, with its endpoints under /oauth2/v1', async () => {
    for (const name of ['openid-configuration', 'oauth-authorization-server']) {
      const response = await fetch(`${t.origin}/.well-known/${name}`);
      expect(response.status).toBe(200);
      const doc = (await response.json()) as Record<string, unknown>;
      expect(doc['issuer']).toBe(t.origin);
      expect(doc['authorization_endpoint']).toBe(`${t.origin}/oauth2/v1/authorize`);
      expect(doc['token_endpoint']).toBe(`${t.origin}/oauth2/v1/token`);
      expect(doc['jwks_uri']).toBe(`${t.origin}/oauth2/v1/keys`);
      expect(doc['introspection_endpoint']).toBe(`${t.origin}/oauth2/v1/introspect`);
      expect(doc['revocation_endpoint']).toBe(`${t.origin}/oauth2/v1/revoke`);
      expect(doc['end_session_endpoint']).toBe(`${t.origin}/oauth2/v1/logout`);
      expect(doc['device_authorization_endpoint']).toBe(`${t.origin}/oauth2/v1/device/authorize`);
      expect(doc['scopes_supported']).toEqual(
        expect.arrayContaining(['openid', 'okta.users.read', 'okta.apps.manage']),
      );
      expect(doc['dpop_signing_alg_values_supported']).toContain('ES256');
    }
    const oidc = (await (await fetch(`${t.origin}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(oidc['userinfo_endpoint']).toBe(`${t.origin}/oauth2/v1/userinfo`);
  });

  it('signs with its own keys, made once on first use, not the default server’s', async () => {
    // The keys are generated on the first request that needs them: parallel first requests get the same set.
    const [org, ...others] = (await Promise.all(
      [1, 2, 3].map(async () => (await fetch(`${t.origin}/oauth2/v1/keys`)).json()),
    )) as JSONWebKeySet[];
    for (const other of others) expect(other).toEqual(org);
    const custom = (await (await fetch(`${t.origin}/oauth2/default/v1/keys`)).json()) as JSONWebKeySet;
    expect(org!.keys).toHaveLength(2);
    const customKids = new Set(custom.keys.map((k) => k.kid));
    expect(org!.keys.some((k) => customKids.has(k.kid))).toBe(false);
  });

  it('issues an ID token with the standard claims only and an access token for the org URL', async () => {
    const response = await passwordGrant('openid profile');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; id_token: string; scope: string };
    expect(body.scope).toBe('openid profile');
    const jwks = createLocalJWKSet((await (await fetch(`${t.origin}/oauth2/v1/keys`)).json()) as JSONWebKeySet);
    const { payload: id } = await jwtVerify(body.id_token, jwks, { issuer: t.origin, audience: client.clientId });
    expect(id['preferred_username']).toBe('orla@example.com');
    expect(id).not.toHaveProperty('preferred_honorific');
    const { payload: access } = await jwtVerify(body.access_token, jwks, { issuer: t.origin, audience: t.origin });
    expect(access['scp']).toEqual(['openid', 'profile']);

    // The default server, for the same user, adds its sample custom claim.
    const custom = await fetch(`${t.origin}/oauth2/default/v1/token`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
      body: new URLSearchParams({
        grant_type: 'password',
        username: 'orla@example.com',
        password: PASSWORD,
        scope: 'openid profile',
      }),
    });
    expect(decodeJwt(((await custom.json()) as { id_token: string }).id_token)['preferred_honorific']).toBe('Dr.');
  });

  it('refuses scopes it does not have, and Okta API scopes not granted to the app', async () => {
    for (const scope of ['openid api:read', 'okta.users.read']) {
      const response = await passwordGrant(scope);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_scope',
        error_description: 'One or more scopes are not configured for the authorization server resource.',
      });
    }
  });

  it('lists the groups scope and puts every group of the user in the ID token and /userinfo for it', async () => {
    const doc = (await (await fetch(`${t.origin}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc['scopes_supported']).toContain('groups');
    expect(doc['claims_supported']).toContain('groups');
    const custom = (await (await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`)).json()) as {
      claims_supported: string[];
    };
    expect(custom.claims_supported).not.toContain('groups');
    await addMember(t, await createGroup(t, 'Engineering'), orla);
    const response = await passwordGrant('openid groups');
    const body = (await response.json()) as { access_token: string; id_token: string; scope: string };
    expect(body.scope).toBe('openid groups');
    expect((decodeJwt(body.id_token)['groups'] as string[]).sort()).toEqual(['Engineering', 'Everyone']);
    // The org server's groups claim is for ID tokens only (Okta "Customize tokens returned from Okta with a groups claim").
    expect(decodeJwt(body.access_token)).not.toHaveProperty('groups');
    const userinfo = await fetch(`${t.origin}/oauth2/v1/userinfo`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(((await userinfo.json()) as { groups: string[] }).groups.sort()).toEqual(['Engineering', 'Everyone']);
    // Without the scope, no claim.
    const plain = (await (await passwordGrant('openid')).json()) as { id_token: string };
    expect(decodeJwt(plain.id_token)).not.toHaveProperty('groups');
  });

  it('previews its tokens with its own rules: the same claims as issued, assignment required, its scopes only', async () => {
    const PREVIEW = '/api/sandbox/v1/authorizationServers/org/claims/preview';
    const preview = (body: Record<string, unknown>) =>
      t.api(PREVIEW, { method: 'POST', body: JSON.stringify({ appId: client.id, userId: orla, ...body }) });
    const response = await preview({ grantType: 'password', scopes: ['openid', 'profile', 'groups'] });
    expect(response.status).toBe(200);
    const result = (await response.json()) as {
      ok: boolean;
      accessToken: Record<string, unknown>;
      idToken: Record<string, unknown>;
      decision: { policies: { name: string }[] };
    };
    expect(result.ok).toBe(true);
    expect(result.accessToken).toMatchObject({ iss: t.origin, aud: t.origin, scp: ['openid', 'profile', 'groups'] });
    expect(result.decision.policies.map((p) => p.name)).toEqual(['Org authorization server']);
    const issued = (await (await passwordGrant('openid profile groups')).json()) as { id_token: string };
    const real = decodeJwt(issued.id_token);
    for (const name of ['iss', 'aud', 'sub', 'preferred_username', 'groups'])
      expect(result.idToken[name]).toEqual(real[name]);
    expect(result.idToken).not.toHaveProperty('preferred_honorific');

    const stranger = await createUser(t, 'stranger@example.com');
    const refused = (await (await preview({ userId: stranger, grantType: 'password', scopes: ['openid'] })).json()) as {
      ok: boolean;
      error: { error: string; error_description: string };
    };
    expect(refused).toMatchObject({
      ok: false,
      error: { error: 'access_denied', error_description: 'User is not assigned to the client application.' },
    });
    const unknown = await preview({ scopes: ['openid', 'api:read'] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errorCauses: { errorSummary: string }[] }).errorCauses).toEqual([
      { errorSummary: "scopes: 'api:read' is not a scope of this authorization server" },
    ]);
  });

  it('introspects and revokes its own tokens under /oauth2/v1', async () => {
    const { access_token: token } = (await (await passwordGrant('openid')).json()) as { access_token: string };
    const introspect = () =>
      fetch(`${t.origin}/oauth2/v1/introspect`, {
        method: 'POST',
        headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const active = await introspect();
    expect(active).toMatchObject({ active: true, iss: t.origin, aud: t.origin, client_id: client.clientId });
    const userinfo = await fetch(`${t.origin}/oauth2/v1/userinfo`, { headers: { authorization: `Bearer ${token}` } });
    expect(userinfo.status).toBe(200);
    // A custom server does not take the org server's token.
    const elsewhere = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(elsewhere.status).toBe(401);

    const revoke = await fetch(`${t.origin}/oauth2/v1/revoke`, {
      method: 'POST',
      headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(revoke.status).toBe(200);
    expect(await introspect()).toEqual({ active: false });
  });

  it('is not a custom server: not listed, not found by id, not reachable under /oauth2/org', async () => {
    const list = (await (await t.api('/api/v1/authorizationServers')).json()) as { id: string }[];
    expect(list.map((s) => s.id)).toEqual(['default']);
    expect((await t.api('/api/v1/authorizationServers/org')).status).toBe(404);
    expect((await fetch(`${t.origin}/oauth2/org/v1/keys`)).status).toBe(404);
  });

  it('keeps its keys across a restart', async () => {
    const before = (await (await fetch(`${t.origin}/oauth2/v1/keys`)).json()) as JSONWebKeySet;
    await t.restart();
    const after = (await (await fetch(`${t.origin}/oauth2/v1/keys`)).json()) as JSONWebKeySet;
    expect(after.keys.map((k) => k.kid)).toEqual(before.keys.map((k) => k.kid));
  });
});
