/** The grant / application-type table of the Okta Apps API, applied by `validateApp`. */
import { describe, expect, it } from 'vitest';
import { APPLICATION_TYPES, GRANT_TYPES, GRANTS_BY_APP_TYPE } from '../../../src-main/contracts/app.js';
import { validateApp } from '../../../src-main/contracts/app-rules.js';

const body = (type: string, grants: string[]) => ({
  name: 'oidc_client',
  label: 'x',
  signOnMode: 'OPENID_CONNECT',
  credentials: {
    oauthClient: { token_endpoint_auth_method: type === 'web' || type === 'service' ? 'client_secret_basic' : 'none' },
  },
  settings: {
    oauthClient: {
      application_type: type,
      grant_types: grants,
      redirect_uris: ['https://a.example/cb'],
      response_types: grants.includes('implicit') ? ['code', 'token', 'id_token'] : undefined,
    },
  },
});

describe('grant types per application type', () => {
  it.each(APPLICATION_TYPES)('accepts every allowed grant on a %s app, alongside the required ones', (type) => {
    const { allowed, required } = GRANTS_BY_APP_TYPE[type];
    for (const grant of allowed) {
      const base = required.length ? [...required] : ['authorization_code'];
      const grants = [...new Set([...base, grant])];
      if (type === 'service' && grants.some((g) => g !== 'client_credentials')) continue;
      const result = validateApp(body(type, grants));
      expect(result.ok ? 'ok' : result.issues).toBe('ok');
    }
  });

  it.each(APPLICATION_TYPES)('refuses every other grant on a %s app, naming grant_types', (type) => {
    const { allowed, required } = GRANTS_BY_APP_TYPE[type];
    for (const grant of GRANT_TYPES.filter((g) => !allowed.includes(g))) {
      const result = validateApp(body(type, [...required, grant]));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]!.field).toBe('settings.oauthClient.grant_types');
    }
  });

  it('defaults to a web app with authorization_code, code and a secret method', () => {
    const result = validateApp({
      name: 'oidc_client',
      label: 'x',
      signOnMode: 'OPENID_CONNECT',
      settings: { oauthClient: { redirect_uris: ['https://a.example/cb'] } },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.oauth).toMatchObject({
      application_type: 'web',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    });
    expect(result.value.authMethod).toBe('client_secret_basic');
    expect(result.value.pkceRequired).toBe(false);
  });
});
