/**
 * The rules of an OIDC app that span fields (Okta "Applications" API): per-type defaults,
 * grants allowed per application type, redirect URIs and response types the grants need, and what
 * each token endpoint auth method requires. Each problem names the field path it is about.
 */
import { appInput, GRANTS_BY_APP_TYPE, SECRET_METHODS } from './app.js';
import { fieldIssues } from './authorization-server.js';
import type { AppInput, ApplicationType, AuthMethod, GrantType, OAuthClientSettings, ResponseType } from './app.js';
import type { FieldIssue } from './okta-error.js';

const OAUTH = 'settings.oauthClient';
const CLIENT = 'credentials.oauthClient';

/** What replace (PUT) must keep from the stored app. */
export interface ExistingApp {
  applicationType: ApplicationType;
  clientId: string;
}

export interface ValidApp {
  input: AppInput;
  oauth: OAuthClientSettings;
  authMethod: AuthMethod;
  pkceRequired: boolean;
}

export type AppValidation = { ok: true; value: ValidApp } | { ok: false; issues: FieldIssue[] };

export function validateApp(body: unknown, existing?: ExistingApp): AppValidation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = appInput().safeParse(body);
  if (!parsed.success) return { ok: false, issues: fieldIssues(parsed.error) };
  const value = withDefaults(parsed.data, existing);
  const issues = [...immutableIssues(parsed.data, existing), ...grantIssues(value.oauth), ...authIssues(value)];
  return issues.length ? { ok: false, issues } : { ok: true, value };
}

/** Okta's defaults that depend on the application type (grant and response types, PKCE, refresh tokens). */
function withDefaults(input: AppInput, existing?: ExistingApp): ValidApp {
  const given = input.settings.oauthClient;
  const type = given.application_type ?? existing?.applicationType ?? 'web';
  const grants = given.grant_types ?? [type === 'service' ? 'client_credentials' : 'authorization_code'];
  const authMethod = input.credentials.oauthClient.token_endpoint_auth_method;
  const oauth: OAuthClientSettings = {
    ...given,
    application_type: type,
    grant_types: [...new Set(grants)],
    response_types: [...new Set(given.response_types ?? defaultResponseTypes(grants))],
  };
  // Okta returns refresh-token settings on apps that can use refresh tokens.
  if (!oauth.refresh_token && grants.includes('refresh_token')) {
    oauth.refresh_token = { rotation_type: type === 'browser' ? 'ROTATE' : 'STATIC', leeway: 30 };
  }
  const pkceDefault = type === 'browser' || type === 'native' || authMethod === 'none';
  return { input, oauth, authMethod, pkceRequired: input.credentials.oauthClient.pkce_required ?? pkceDefault };
}

function defaultResponseTypes(grants: readonly GrantType[]): ResponseType[] {
  const types: ResponseType[] = [];
  if (grants.includes('authorization_code')) types.push('code');
  if (grants.includes('implicit')) types.push('token', 'id_token');
  if (!types.length && grants.includes('client_credentials')) types.push('token');
  return types;
}

function immutableIssues(input: AppInput, existing?: ExistingApp): FieldIssue[] {
  if (!existing) return [];
  const issues: FieldIssue[] = [];
  const type = input.settings.oauthClient.application_type;
  if (type !== undefined && type !== existing.applicationType) {
    issues.push({
      field: `${OAUTH}.application_type`,
      message: `cannot be changed after the app is created (it is ${existing.applicationType})`,
    });
  }
  const clientId = input.credentials.oauthClient.client_id;
  if (clientId !== undefined && clientId !== existing.clientId) {
    issues.push({
      field: `${CLIENT}.client_id`,
      message: `cannot be changed after the app is created (it is ${existing.clientId})`,
    });
  }
  return issues;
}

/** Grants allowed per application type, and the redirect URIs and response types they need. */
function grantIssues(oauth: OAuthClientSettings): FieldIssue[] {
  const type = oauth.application_type;
  const grants = oauth.grant_types;
  const rule = GRANTS_BY_APP_TYPE[type];
  const field = `${OAUTH}.grant_types`;
  if (!grants.length) return [{ field, message: 'must contain at least one grant type' }];
  const refused = grants.find((g) => !rule.allowed.includes(g));
  if (refused)
    return [
      { field, message: `${refused} is not allowed for a ${type} application (allowed: ${rule.allowed.join(', ')})` },
    ];
  const missing = rule.required.find((g) => !grants.includes(g));
  if (missing) return [{ field, message: `a ${type} application must include ${missing}` }];
  if (type === 'browser' && !grants.some((g) => g === 'authorization_code' || g === 'implicit')) {
    return [{ field, message: 'a browser application must include authorization_code or implicit' }];
  }
  return [...redirectIssues(oauth), ...responseTypeIssues(oauth)];
}

/** Redirect-based grants need a redirect URI; only password / client_credentials apps may have none. */
function redirectIssues(oauth: OAuthClientSettings): FieldIssue[] {
  const redirecting = oauth.grant_types.some((g) => g === 'authorization_code' || g === 'implicit');
  if (redirecting && !oauth.redirect_uris.length) {
    return [
      {
        field: `${OAUTH}.redirect_uris`,
        message: 'at least one redirect URI is required for authorization_code and implicit grants',
      },
    ];
  }
  return [];
}

function responseTypeIssues(oauth: OAuthClientSettings): FieldIssue[] {
  const field = `${OAUTH}.response_types`;
  const { grant_types: grants, response_types: types } = oauth;
  if (grants.includes('authorization_code') && !types.includes('code')) {
    return [{ field, message: 'must include code for the authorization_code grant' }];
  }
  if (grants.includes('implicit') && !types.some((t) => t === 'token' || t === 'id_token')) {
    return [{ field, message: 'must include token or id_token for the implicit grant' }];
  }
  if (types.includes('code') && !grants.includes('authorization_code')) {
    return [{ field, message: 'code needs the authorization_code grant' }];
  }
  if (types.includes('id_token') && !grants.includes('implicit')) {
    return [{ field, message: 'id_token needs the implicit grant' }];
  }
  return [];
}

/** Public clients need PKCE; confidential app types cannot be public; private_key_jwt needs keys. */
function authIssues({ input, oauth, authMethod, pkceRequired }: ValidApp): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const type = oauth.application_type;
  if (authMethod === 'none' && (type === 'web' || type === 'service')) {
    issues.push({
      field: `${CLIENT}.token_endpoint_auth_method`,
      message: `none is not allowed for a ${type} application, which is a confidential client`,
    });
  }
  if (authMethod === 'none' && !pkceRequired) {
    issues.push({ field: `${CLIENT}.pkce_required`, message: 'must be true when token_endpoint_auth_method is none' });
  }
  if (authMethod === 'private_key_jwt' && !oauth.jwks && !oauth.jwks_uri) {
    issues.push({ field: `${OAUTH}.jwks`, message: 'private_key_jwt needs jwks with at least one key, or a jwks_uri' });
  }
  if (input.credentials.oauthClient.client_secret !== undefined && !SECRET_METHODS.includes(authMethod)) {
    issues.push({
      field: `${CLIENT}.client_secret`,
      message: `must not be set when token_endpoint_auth_method is ${authMethod}`,
    });
  }
  return issues;
}
