/** The authorize request's parameter steps, each refusal with its exact text. */
import { describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../../../src-main/core/ports/apps.js';
import { checkClient, checkRedirectUri } from '../../../../../src-main/core/protocol/authorize/check-client.js';
import { checkNonce, checkPkce, checkPrompt } from '../../../../../src-main/core/protocol/authorize/check-request.js';
import {
  checkResponseMode,
  checkResponseType,
  grantTypeOf,
  lenientMode,
  responseTypesOf,
} from '../../../../../src-main/core/protocol/authorize/response-type.js';
import type { OAuthError } from '../../../../../src-main/core/protocol/oauth-errors.js';

function app(
  overrides: {
    authMethod?: AppRecord['authMethod'];
    pkceRequired?: boolean;
    responseTypes?: string[];
    grants?: string[];
    status?: 'ACTIVE' | 'INACTIVE';
  } = {},
): AppRecord {
  return {
    id: '0oaApp',
    label: 'App',
    status: overrides.status ?? 'ACTIVE',
    clientId: 'client-1',
    clientSecret: 'secret-secret-secret',
    authMethod: overrides.authMethod ?? 'client_secret_basic',
    applicationType: 'web',
    created: new Date(0),
    lastUpdated: new Date(0),
    document: {
      profile: {},
      visibility: {},
      accessibility: {},
      features: [],
      userNameTemplate: { template: '', type: '' },
      autoKeyRotation: true,
      pkceRequired: overrides.pkceRequired ?? false,
      oauth: {
        redirect_uris: ['https://app.example.com/cb'],
        post_logout_redirect_uris: [],
        consent_method: 'TRUSTED',
        issuer_mode: 'ORG_URL',
        wildcard_redirect: 'DISABLED',
        application_type: 'web',
        response_types: (overrides.responseTypes ?? ['code', 'token', 'id_token']) as never,
        grant_types: (overrides.grants ?? ['authorization_code', 'implicit']) as never,
      } as never,
    },
  };
}

function refusal(run: () => unknown): { error: string; description: string } {
  try {
    run();
  } catch (e) {
    return { error: (e as OAuthError).error, description: (e as OAuthError).description };
  }
  throw new Error('expected a refusal');
}

describe('client and redirect URI', () => {
  const apps = (found?: AppRecord) => ({ apps: { byClientId: () => found } });
  it('refuses a missing, unknown or INACTIVE client', () => {
    expect(refusal(() => checkClient(apps(), {}))).toEqual({
      error: 'invalid_request',
      description: "The 'client_id' parameter is required.",
    });
    expect(refusal(() => checkClient(apps(), { client_id: 'x' }))).toEqual({
      error: 'invalid_client',
      description: "Invalid value for 'client_id' parameter.",
    });
    expect(refusal(() => checkClient(apps(app({ status: 'INACTIVE' })), { client_id: 'client-1' })).error).toBe(
      'invalid_client',
    );
  });

  it('accepts only an exactly registered redirect URI', () => {
    expect(checkRedirectUri(app(), { redirect_uri: 'https://app.example.com/cb' })).toBe('https://app.example.com/cb');
    for (const uri of ['https://app.example.com/cb/', 'https://APP.example.com/cb', 'https://app.example.com/cb?x=1']) {
      expect(refusal(() => checkRedirectUri(app(), { redirect_uri: uri }))).toEqual({
        error: 'invalid_request',
        description: "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.",
      });
    }
  });
});

describe('response type and mode', () => {
  it('parses sets of code, id_token and token only', () => {
    expect(responseTypesOf('code id_token')).toEqual(['code', 'id_token']);
    expect(responseTypesOf('code code')).toBeUndefined();
    expect(responseTypesOf('code  token')).toBeUndefined();
    expect(responseTypesOf('device')).toBeUndefined();
  });

  it('needs the app to list every member and have its grant', () => {
    expect(checkResponseType(app(), { response_type: 'id_token token' })).toEqual(['id_token', 'token']);
    expect(refusal(() => checkResponseType(app({ responseTypes: ['code'] }), { response_type: 'token' }))).toEqual({
      error: 'unsupported_response_type',
      description: 'The response type is not supported by the authorization server. Configured response types: [code].',
    });
    expect(
      refusal(() => checkResponseType(app({ grants: ['authorization_code'] }), { response_type: 'code token' })),
    ).toEqual({
      error: 'unauthorized_client',
      description:
        'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code].',
    });
    expect(refusal(() => checkResponseType(app(), {})).description).toBe("The 'response_type' parameter is required.");
  });

  it('defaults to query for code and fragment otherwise, and never puts tokens in a query', () => {
    expect(checkResponseMode({}, ['code'])).toBe('query');
    expect(checkResponseMode({}, ['code', 'id_token'])).toBe('fragment');
    expect(checkResponseMode({ response_mode: 'form_post' }, ['token'])).toBe('form_post');
    expect(refusal(() => checkResponseMode({ response_mode: 'query' }, ['code', 'token']))).toEqual({
      error: 'unsupported_response_mode',
      description: "'query' response mode cannot be used with either the 'id_token' or 'token' response types.",
    });
    expect(refusal(() => checkResponseMode({ response_mode: 'web_message' }, ['code'])).error).toBe(
      'unsupported_response_mode',
    );
  });

  it('sends errors in the asked mode when it exists, else by the response type', () => {
    expect(lenientMode({ response_mode: 'form_post', response_type: 'nonsense' })).toBe('form_post');
    expect(lenientMode({ response_mode: 'nonsense', response_type: 'id_token' })).toBe('fragment');
    expect(lenientMode({ response_type: 'nonsense' })).toBe('query');
  });

  it('evaluates policies for authorization_code when a code is issued, else implicit', () => {
    expect(grantTypeOf(['code', 'id_token'])).toBe('authorization_code');
    expect(grantTypeOf(['id_token', 'token'])).toBe('implicit');
  });
});

describe('nonce, PKCE and prompt', () => {
  it('requires a nonce whenever tokens come back from /authorize', () => {
    expect(checkNonce({}, ['code'])).toBeUndefined();
    expect(refusal(() => checkNonce({}, ['code', 'token']))).toEqual({
      error: 'invalid_request',
      description:
        "The 'nonce' parameter is required for authorize requests with either the 'id_token' or 'token' response types..",
    });
    // Okta's text really ends in two periods.
  });

  it('requires a challenge for public clients and pkce_required apps, and checks its method and shape', () => {
    const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
    expect(checkPkce(app(), {}, ['code'])).toBeUndefined();
    expect(refusal(() => checkPkce(app({ authMethod: 'none' }), {}, ['code']))).toEqual({
      error: 'invalid_request',
      description: 'PKCE code challenge is required by the application.',
    });
    expect(refusal(() => checkPkce(app({ pkceRequired: true }), {}, ['code'])).description).toBe(
      'PKCE code challenge is required by the application.',
    );
    expect(checkPkce(app(), { code_challenge: challenge, code_challenge_method: 'S256' }, ['code'])).toEqual({
      challenge,
      method: 'S256',
    });
    expect(checkPkce(app(), { code_challenge: challenge }, ['code'])).toEqual({ challenge, method: 'plain' });
    expect(
      refusal(() => checkPkce(app(), { code_challenge: challenge, code_challenge_method: 'S512' }, ['code']))
        .description,
    ).toBe("The 'code_challenge_method' parameter must be 'S256' or 'plain'.");
    expect(refusal(() => checkPkce(app(), { code_challenge: 'short' }, ['code'])).description).toBe(
      "The 'code_challenge' parameter must be 43 to 128 characters of [A-Z] / [a-z] / [0-9] / '-' / '.' / '_' / '~'.",
    );
    expect(checkPkce(app({ authMethod: 'none' }), {}, ['id_token'])).toBeUndefined();
  });

  it('reads prompt and max_age', () => {
    expect([...checkPrompt({ prompt: 'login consent' }).prompt]).toEqual(['login', 'consent']);
    expect(checkPrompt({ max_age: '0' }).maxAge).toBe(0);
    expect(refusal(() => checkPrompt({ prompt: 'none login' })).description).toBe(
      "The 'prompt' parameter must be 'none', 'login' or 'consent', and 'none' cannot be combined with another value.",
    );
    expect(refusal(() => checkPrompt({ prompt: 'select_account' })).error).toBe('invalid_request');
    expect(refusal(() => checkPrompt({ max_age: '-1' })).description).toBe(
      "The 'max_age' parameter must be a non-negative integer.",
    );
  });
});
