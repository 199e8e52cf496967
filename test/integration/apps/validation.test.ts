/**
 * Every rule of an OIDC app body answers 400 E0000001 with a cause naming the field path, and a
 * refused request writes nothing (Okta "Applications" API, "Error codes"). Raw HTTP, since the SDK would drop bad keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { counts, createPolicyNaming } from './directory.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

type Body = Record<string, unknown>;
type OAuth = Record<string, unknown>;

function app(oauth: OAuth = {}, client: Body = {}, top: Body = {}): Body {
  return {
    name: 'oidc_client',
    label: 'Test app',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic', ...client } },
    settings: {
      oauthClient: {
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['https://app.example.com/cb'],
        ...oauth,
      },
    },
    ...top,
  };
}

async function post(body: unknown, path = '/api/v1/apps', method = 'POST') {
  const response = await t.api(path, { method, body: JSON.stringify(body) });
  return {
    status: response.status,
    body: (await response.json()) as Body & { errorCauses?: { errorSummary: string }[] },
  };
}

async function expectRefused(body: unknown, cause: string, path?: string, method?: string) {
  const before = counts(t);
  const { status, body: error } = await post(body, path, method);
  expect(status).toBe(400);
  expect(error.errorCode).toBe('E0000001');
  expect(error.errorCauses?.map((c) => c.errorSummary)).toContain(cause);
  expect(counts(t)).toEqual(before);
}

const CASES: [string, Body, string][] = [
  [
    'a non-OIDC signOnMode',
    app({}, {}, { signOnMode: 'SAML_2_0' }),
    "signOnMode: 'SAML_2_0' is not supported; Authbox models OpenID Connect apps only (OPENID_CONNECT)",
  ],
  ['a missing signOnMode', app({}, {}, { signOnMode: undefined }), 'signOnMode: The field cannot be left blank'],
  [
    'a name other than oidc_client',
    app({}, {}, { name: 'bookmark' }),
    "name: must be 'oidc_client' (Authbox models OpenID Connect apps only)",
  ],
  ['a blank label', app({}, {}, { label: '  ' }), 'label: The field cannot be left blank'],
  ['a missing label', app({}, {}, { label: undefined }), 'label: The field cannot be left blank'],
  ['missing settings', app({}, {}, { settings: undefined }), 'settings: The field cannot be left blank'],
  [
    'an unknown application_type',
    app({ application_type: 'desktop' }),
    'settings.oauthClient.application_type: must be one of web, native, browser, service',
  ],
  [
    'a redirect URI with a fragment',
    app({ redirect_uris: ['https://x/#frag'] }),
    "settings.oauthClient.redirect_uris: 'https://x/#frag' must not contain a fragment",
  ],
  [
    'a relative redirect URI',
    app({ redirect_uris: ['/callback'] }),
    "settings.oauthClient.redirect_uris: '/callback' must be an absolute URI",
  ],
  [
    'an http redirect URI without a host',
    app({ redirect_uris: ['http:/cb'] }),
    "settings.oauthClient.redirect_uris: 'http:/cb' must be an absolute http(s) URL with a host",
  ],
  [
    'a post-logout URI with a fragment',
    app({ post_logout_redirect_uris: ['https://x/out#f'] }),
    "settings.oauthClient.post_logout_redirect_uris: 'https://x/out#f' must not contain a fragment",
  ],
  [
    'a bad logo_uri',
    app({ logo_uri: 'logo.png' }),
    "settings.oauthClient.logo_uri: 'logo.png' must be an absolute URI",
  ],
  [
    'an unknown response type',
    app({ response_types: ['code', 'device'] }),
    'settings.oauthClient.response_types: must be one of code, token, id_token',
  ],
  [
    'an unknown grant type',
    app({ grant_types: ['authorization_code', 'urn:ietf:params:oauth:grant-type:jwt-bearer'] }),
    'settings.oauthClient.grant_types: must contain only authorization_code, implicit, password, refresh_token, client_credentials, urn:ietf:params:oauth:grant-type:device_code',
  ],
  ['no grant type', app({ grant_types: [] }), 'settings.oauthClient.grant_types: must contain at least one grant type'],
  [
    'client_credentials on a browser app',
    app(
      { application_type: 'browser', grant_types: ['authorization_code', 'client_credentials'] },
      { token_endpoint_auth_method: 'none' },
    ),
    'settings.oauthClient.grant_types: client_credentials is not allowed for a browser application (allowed: authorization_code, implicit, refresh_token)',
  ],
  [
    'password on a web app',
    app({ grant_types: ['authorization_code', 'password'] }),
    'settings.oauthClient.grant_types: password is not allowed for a web application (allowed: authorization_code, implicit, refresh_token, client_credentials)',
  ],
  [
    'device_code on a web app',
    app({ grant_types: ['authorization_code', 'urn:ietf:params:oauth:grant-type:device_code'] }),
    'settings.oauthClient.grant_types: urn:ietf:params:oauth:grant-type:device_code is not allowed for a web application (allowed: authorization_code, implicit, refresh_token, client_credentials)',
  ],
  [
    'a web app without authorization_code',
    app({ grant_types: ['implicit'], response_types: ['token'] }),
    'settings.oauthClient.grant_types: a web application must include authorization_code',
  ],
  [
    'a native app without authorization_code',
    app({ application_type: 'native', grant_types: ['password'] }),
    'settings.oauthClient.grant_types: a native application must include authorization_code',
  ],
  [
    'authorization_code on a service app',
    app({ application_type: 'service', grant_types: ['authorization_code'] }),
    'settings.oauthClient.grant_types: authorization_code is not allowed for a service application (allowed: client_credentials)',
  ],
  [
    'a browser app with only refresh_token',
    app({ application_type: 'browser', grant_types: ['refresh_token'] }, { token_endpoint_auth_method: 'none' }),
    'settings.oauthClient.grant_types: a browser application must include authorization_code or implicit',
  ],
  [
    'authorization_code without a redirect URI',
    app({ redirect_uris: [] }),
    'settings.oauthClient.redirect_uris: at least one redirect URI is required for authorization_code and implicit grants',
  ],
  [
    'authorization_code without the code response type',
    app({ response_types: [] }),
    'settings.oauthClient.response_types: must include code for the authorization_code grant',
  ],
  [
    'implicit without token or id_token',
    app({ grant_types: ['authorization_code', 'implicit'], response_types: ['code'] }),
    'settings.oauthClient.response_types: must include token or id_token for the implicit grant',
  ],
  [
    'id_token without the implicit grant',
    app({ response_types: ['code', 'id_token'] }),
    'settings.oauthClient.response_types: id_token needs the implicit grant',
  ],
  [
    'an unknown auth method',
    app({}, { token_endpoint_auth_method: 'tls_client_auth' }),
    'credentials.oauthClient.token_endpoint_auth_method: must be one of client_secret_basic, client_secret_post, client_secret_jwt, private_key_jwt, none',
  ],
  [
    'none on a web app',
    app({}, { token_endpoint_auth_method: 'none' }),
    'credentials.oauthClient.token_endpoint_auth_method: none is not allowed for a web application, which is a confidential client',
  ],
  [
    'none on a service app',
    app(
      { application_type: 'service', grant_types: ['client_credentials'], redirect_uris: [] },
      { token_endpoint_auth_method: 'none' },
    ),
    'credentials.oauthClient.token_endpoint_auth_method: none is not allowed for a service application, which is a confidential client',
  ],
  [
    'none without PKCE',
    app({ application_type: 'native' }, { token_endpoint_auth_method: 'none', pkce_required: false }),
    'credentials.oauthClient.pkce_required: must be true when token_endpoint_auth_method is none',
  ],
  [
    'private_key_jwt without keys',
    app({}, { token_endpoint_auth_method: 'private_key_jwt' }),
    'settings.oauthClient.jwks: private_key_jwt needs jwks with at least one key, or a jwks_uri',
  ],
  [
    'private_key_jwt with an empty key set',
    app({ jwks: { keys: [] } }, { token_endpoint_auth_method: 'private_key_jwt' }),
    'settings.oauthClient.jwks.keys: must contain at least one key',
  ],
  [
    'a secret with a public client',
    app({ application_type: 'native' }, { token_endpoint_auth_method: 'none', client_secret: 'a-long-enough-secret' }),
    'credentials.oauthClient.client_secret: must not be set when token_endpoint_auth_method is none',
  ],
  [
    'a too-short given secret',
    app({}, { client_secret: 'short' }),
    'credentials.oauthClient.client_secret: must be at least 14 characters',
  ],
  [
    'a client_id with spaces',
    app({}, { client_id: 'my client' }),
    'credentials.oauthClient.client_id: may contain only letters, digits and . _ ~ -',
  ],
  [
    'a refresh leeway over 60 seconds',
    app({
      grant_types: ['authorization_code', 'refresh_token'],
      refresh_token: { rotation_type: 'ROTATE', leeway: 61 },
    }),
    'settings.oauthClient.refresh_token.leeway: must be from 0 to 60 seconds',
  ],
  [
    'a negative refresh leeway',
    app({ refresh_token: { rotation_type: 'ROTATE', leeway: -1 } }),
    'settings.oauthClient.refresh_token.leeway: must be from 0 to 60 seconds',
  ],
  [
    'an unknown rotation type',
    app({ refresh_token: { rotation_type: 'SOMETIMES' } }),
    'settings.oauthClient.refresh_token.rotation_type: must be one of ROTATE, STATIC',
  ],
  [
    'an unknown consent method',
    app({ consent_method: 'MAYBE' }),
    'settings.oauthClient.consent_method: must be one of TRUSTED, REQUIRED',
  ],
  [
    'a wildcard redirect',
    app({ wildcard_redirect: 'SUBDOMAIN' }),
    'settings.oauthClient.wildcard_redirect: only DISABLED is supported (redirect URIs match exactly)',
  ],
  ['a non-object profile', app({}, {}, { profile: 'vip' }), 'profile: must be an object'],
  ['a non-JSON-object body', [] as unknown as Body, 'body: must be a JSON object'],
];

describe('creating an app refuses bad fields with 400 E0000001 naming the field, writing nothing', () => {
  it.each(CASES)('%s', async (_name, body, cause) => {
    await expectRefused(body, cause);
  });

  it('a given client_id must be unique', async () => {
    const first = await post(app({}, { client_id: 'orders-web' }));
    expect(first.status).toBe(200);
    await expectRefused(
      app({}, { client_id: 'orders-web' }),
      'credentials.oauthClient.client_id: An object with this field already exists in the current organization',
    );
  });

  it('?activate must be true or false', async () => {
    await expectRefused(app(), 'activate: must be true or false', '/api/v1/apps?activate=yes');
  });
});

describe('defaults and accepted shapes', () => {
  it('a native public client gets PKCE and no secret; custom-scheme redirect URIs are accepted', async () => {
    const { status, body } = await post(
      app(
        {
          application_type: 'native',
          redirect_uris: ['com.example.app:/callback'],
          grant_types: ['authorization_code', 'password', 'refresh_token'],
        },
        { token_endpoint_auth_method: 'none' },
      ),
    );
    expect(status).toBe(200);
    const credentials = (body['credentials'] as { oauthClient: Body }).oauthClient;
    expect(credentials['client_secret']).toBeUndefined();
    expect(credentials['pkce_required']).toBe(true);
  });

  it('a native app may use the device authorization grant (as on Okta)', async () => {
    const grants = ['authorization_code', 'urn:ietf:params:oauth:grant-type:device_code'];
    const { status, body } = await post(
      app(
        { application_type: 'native', redirect_uris: ['com.example.tv:/callback'], grant_types: grants },
        { token_endpoint_auth_method: 'none' },
      ),
    );
    expect(status).toBe(200);
    expect((body['settings'] as { oauthClient: Body }).oauthClient['grant_types']).toEqual(grants);
  });

  it('a service app needs no redirect URI and defaults to client_credentials', async () => {
    const { status, body } = await post(
      app({ application_type: 'service', grant_types: undefined, response_types: undefined, redirect_uris: undefined }),
    );
    expect(status).toBe(200);
    const oauth = (body['settings'] as { oauthClient: Body }).oauthClient;
    expect(oauth['grant_types']).toEqual(['client_credentials']);
    expect(oauth['response_types']).toEqual(['token']);
  });

  it('a browser app may use refresh tokens, which then ROTATE by default', async () => {
    const { status, body } = await post(
      app(
        { application_type: 'browser', grant_types: ['authorization_code', 'refresh_token'] },
        { token_endpoint_auth_method: 'none' },
      ),
    );
    expect(status).toBe(200);
    expect((body['settings'] as { oauthClient: Body }).oauthClient['refresh_token']).toEqual({
      rotation_type: 'ROTATE',
      leeway: 30,
    });
  });

  it('private_key_jwt with a jwks_uri or a key set gets no secret', async () => {
    const byUri = await post(
      app({ jwks_uri: 'https://app.example.com/jwks' }, { token_endpoint_auth_method: 'private_key_jwt' }),
    );
    expect(byUri.status).toBe(200);
    expect((byUri.body['credentials'] as { oauthClient: Body }).oauthClient['client_secret']).toBeUndefined();
    const byKeys = await post(
      app(
        { jwks: { keys: [{ kty: 'RSA', e: 'AQAB', n: 'abc', kid: 'k1' }] } },
        { token_endpoint_auth_method: 'private_key_jwt' },
      ),
    );
    expect(byKeys.status).toBe(200);
  });

  it('client_secret_post and client_secret_jwt get a generated secret; a given secret is kept', async () => {
    for (const method of ['client_secret_post', 'client_secret_jwt']) {
      const { body } = await post(app({}, { token_endpoint_auth_method: method }));
      expect((body['credentials'] as { oauthClient: Body }).oauthClient['client_secret']).toMatch(/^[0-9A-Za-z]{40}$/);
    }
    const { body } = await post(app({}, { client_secret: 'my-own-secret-value' }));
    expect((body['credentials'] as { oauthClient: Body }).oauthClient['client_secret']).toBe('my-own-secret-value');
  });
});

describe('replacing an app', () => {
  async function created(oauth: OAuth = {}, client: Body = {}) {
    const { body } = await post(app(oauth, client));
    return body as Body & { id: string };
  }

  it('refuses to change application_type, writing nothing', async () => {
    const { id } = await created();
    await expectRefused(
      app({ application_type: 'native' }),
      'settings.oauthClient.application_type: cannot be changed after the app is created (it is web)',
      `/api/v1/apps/${id}`,
      'PUT',
    );
    expect(
      ((await post(undefined, `/api/v1/apps/${id}`, 'GET')).body['settings'] as { oauthClient: Body }).oauthClient[
        'application_type'
      ],
    ).toBe('web');
  });

  it('refuses to change client_id', async () => {
    const { id } = await created();
    await expectRefused(
      app({}, { client_id: 'something-else' }),
      `credentials.oauthClient.client_id: cannot be changed after the app is created (it is ${id})`,
      `/api/v1/apps/${id}`,
      'PUT',
    );
  });

  it('applies the same field rules as create', async () => {
    const { id } = await created();
    await expectRefused(
      app({ redirect_uris: ['https://x/#frag'] }),
      "settings.oauthClient.redirect_uris: 'https://x/#frag' must not contain a fragment",
      `/api/v1/apps/${id}`,
      'PUT',
    );
  });

  it('keeps the type when the body omits it, changes a given secret, and drops the secret for private_key_jwt', async () => {
    const { id } = await created();
    const { application_type: _omit, ...oauth } = (app()['settings'] as { oauthClient: OAuth }).oauthClient;
    const kept = await post({ ...app(), settings: { oauthClient: oauth } }, `/api/v1/apps/${id}`, 'PUT');
    expect(kept.status).toBe(200);
    expect((kept.body['settings'] as { oauthClient: Body }).oauthClient['application_type']).toBe('web');
    const changed = await post(app({}, { client_secret: 'a-brand-new-secret' }), `/api/v1/apps/${id}`, 'PUT');
    expect((changed.body['credentials'] as { oauthClient: Body }).oauthClient['client_secret']).toBe(
      'a-brand-new-secret',
    );
    const keyed = await post(
      app({ jwks_uri: 'https://app.example.com/jwks' }, { token_endpoint_auth_method: 'private_key_jwt' }),
      `/api/v1/apps/${id}`,
      'PUT',
    );
    expect((keyed.body['credentials'] as { oauthClient: Body }).oauthClient['client_secret']).toBeUndefined();
  });

  it('an unknown id gives 404 E0000007', async () => {
    const { status, body } = await post(app(), '/api/v1/apps/0oaunknown', 'PUT');
    expect(status).toBe(404);
    expect(body.errorCode).toBe('E0000007');
  });
});

describe('deleting an app an access policy names', () => {
  it('is refused with 400 E0000001 naming the policy, and the app stays', async () => {
    const { body } = await post(app());
    const id = body['id'] as string;
    await createPolicyNaming(t, id, id, 'Orders only');
    await t.api(`/api/v1/apps/${id}/lifecycle/deactivate`, { method: 'POST' });
    const before = counts(t);
    const refused = await t.api(`/api/v1/apps/${id}`, { method: 'DELETE' });
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
    expect(error.errorCode).toBe('E0000001');
    expect(error.errorCauses[0]!.errorSummary).toBe(
      `id: app ${id} is used by policy 'Orders only' of authorization server default; remove it there first`,
    );
    expect(counts(t)).toEqual(before);
  });
});

describe('JSON and methods', () => {
  it('answers 200 with Content-Type application/json and 405 E0000022 for an unsupported verb', async () => {
    const created = await t.api('/api/v1/apps', { method: 'POST', body: JSON.stringify(app()) });
    expect(created.status).toBe(200);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const patch = await t.api('/api/v1/apps', { method: 'PATCH', body: '{}' });
    expect(patch.status).toBe(405);
    expect(((await patch.json()) as Body)['errorCode']).toBe('E0000022');
  });
});
