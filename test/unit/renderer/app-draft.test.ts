import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { appDraftOf, appProblemsOf, emptyAppDraft, toAppWrite } from '../../../src-renderer/state/app-draft.js';
import { FakeAppData } from './fake-apps.js';

const stored = (draft = emptyAppDraft('web')) => new FakeAppData().appFrom(toAppWrite({ ...draft, label: 'Portal' }));

describe('app draft', () => {
  it('starts each type with Okta’s defaults', () => {
    expect(emptyAppDraft('browser')).toMatchObject({
      grantTypes: ['authorization_code'],
      authMethod: 'none',
      pkceRequired: true,
      rotationType: 'ROTATE',
      assignment: 'everyone',
    });
    expect(emptyAppDraft('service')).toMatchObject({
      grantTypes: ['client_credentials'],
      redirectUris: [],
      authMethod: 'client_secret_basic',
      pkceRequired: false,
      assignment: 'skip',
    });
    expect(emptyAppDraft('native').redirectUris).toEqual(['com.okta.example:/callback']);
  });

  it('derives the response types from the grants and drops blank redirect rows', () => {
    const body = toAppWrite({
      ...emptyAppDraft('web'),
      label: 'Portal',
      grantTypes: ['authorization_code', 'implicit'],
      redirectUris: [' http://localhost/cb ', '', '  '],
    });
    expect(body.settings.oauthClient).toMatchObject({
      grant_types: ['authorization_code', 'implicit'],
      response_types: ['code', 'token', 'id_token'],
      redirect_uris: ['http://localhost/cb'],
    });
    expect(body.settings.oauthClient).not.toHaveProperty('refresh_token');
    expect(toAppWrite(emptyAppDraft('service')).settings.oauthClient.response_types).toEqual(['token']);
    const idTokenOnly = toAppWrite({
      ...emptyAppDraft('browser'),
      grantTypes: ['implicit'],
      implicitTokens: ['id_token'],
    });
    expect(idTokenOnly.settings.oauthClient.response_types).toEqual(['id_token']);
  });

  it('keeps a narrower implicit response type and the members the form does not show on PUT', () => {
    const app = stored();
    const base = {
      ...app,
      settings: {
        ...app.settings,
        oauthClient: {
          ...app.settings.oauthClient,
          response_types: ['code', 'id_token'] as ('code' | 'id_token')[],
          logo_uri: 'https://x/logo.png',
        },
      },
    };
    const body = toAppWrite({ ...appDraftOf(base), grantTypes: ['authorization_code', 'implicit'] }, base);
    expect(body.settings.oauthClient.response_types).toEqual(['code', 'id_token']);
    expect(body.settings.oauthClient).toMatchObject({ logo_uri: 'https://x/logo.png' });
    expect(body.credentials.oauthClient).toMatchObject({ client_id: app.credentials.oauthClient.client_id });
  });

  it('reads and sends “Require Demonstrating Proof of Possession (DPoP) header in token requests”', () => {
    expect(emptyAppDraft('service').dpopBoundAccessTokens).toBe(false);
    expect(toAppWrite(emptyAppDraft('service')).settings.oauthClient.dpop_bound_access_tokens).toBe(false);
    const app = stored({ ...emptyAppDraft('service'), dpopBoundAccessTokens: true });
    expect(app.settings.oauthClient.dpop_bound_access_tokens).toBe(true);
    const draft = appDraftOf(app);
    expect(draft.dpopBoundAccessTokens).toBe(true);
    const cleared = toAppWrite({ ...draft, dpopBoundAccessTokens: false }, app);
    expect(cleared.settings.oauthClient.dpop_bound_access_tokens).toBe(false);
  });

  it('always requires PKCE of a public client, never of a service app, and sends a JWKS URI only with private_key_jwt', () => {
    expect(toAppWrite({ ...emptyAppDraft('native'), pkceRequired: false }).credentials.oauthClient.pkce_required).toBe(
      true,
    );
    expect(toAppWrite({ ...emptyAppDraft('service'), pkceRequired: true }).credentials.oauthClient.pkce_required).toBe(
      false,
    );
    const keyed = toAppWrite({ ...emptyAppDraft('web'), authMethod: 'private_key_jwt', jwksUri: ' https://x/jwks ' });
    expect(keyed.settings.oauthClient).toMatchObject({ jwks_uri: 'https://x/jwks' });
    const secret = toAppWrite({ ...emptyAppDraft('web'), jwksUri: 'https://x/jwks' });
    expect(secret.settings.oauthClient).not.toHaveProperty('jwks_uri');
  });

  it('reads a stored app back into the same draft', () => {
    const draft = {
      ...emptyAppDraft('browser'),
      label: 'Portal',
      grantTypes: ['authorization_code', 'refresh_token'] as const,
    };
    const app = new FakeAppData().appFrom(toAppWrite({ ...draft, grantTypes: [...draft.grantTypes] }));
    expect(appDraftOf(app)).toEqual({ ...draft, grantTypes: [...draft.grantTypes], assignment: 'skip' });
  });

  it('sends a grace period that is not a number as typed, for the server to name', () => {
    const body = toAppWrite({
      ...emptyAppDraft('browser'),
      grantTypes: ['authorization_code', 'refresh_token'],
      leeway: 'soon',
    });
    expect(body.settings.oauthClient.refresh_token).toEqual({ rotation_type: 'ROTATE', leeway: 'soon' });
  });

  it('lands each cause under its field, and the rest above the form', () => {
    const error = new ApiError(400, 'E0000001', 'Api validation failed: settings.oauthClient', [
      { field: 'settings.oauthClient.refresh_token.leeway', message: 'must be from 0 to 60 seconds' },
      {
        field: 'credentials.oauthClient.pkce_required',
        message: 'must be true when token_endpoint_auth_method is none',
      },
      {
        field: 'settings.oauthClient.response_types',
        message: 'must include token or id_token for the implicit grant',
      },
      { field: 'settings.oauthClient.logo_uri', message: "'x' must be an absolute URI" },
    ]);
    expect(appProblemsOf(error)).toEqual({
      fieldErrors: {
        leeway: 'must be from 0 to 60 seconds',
        pkceRequired: 'must be true when token_endpoint_auth_method is none',
        implicitTokens: 'must include token or id_token for the implicit grant',
      },
      formError:
        "Api validation failed: settings.oauthClient (settings.oauthClient.logo_uri: 'x' must be an absolute URI)",
    });
  });
});
