/**
 * Discovery documents of a custom authorization server (Okta "OpenID Connect & OAuth 2.0 API"; RFC 8414, OpenID Connect
 * Discovery 1.0). URLs are absolute on the issuer; only scopes published to ALL_CLIENTS are listed.
 * Okta also lists dynamic registration and PAR; Authbox has neither, so it does not advertise them.
 */

export const RESPONSE_TYPES = [
  'code',
  'id_token',
  'code id_token',
  'code token',
  'id_token token',
  'code id_token token',
];
export const RESPONSE_MODES = ['query', 'fragment', 'form_post', 'okta_post_message'];
export const GRANT_TYPES = [
  'authorization_code',
  'implicit',
  'refresh_token',
  'password',
  'client_credentials',
  'urn:ietf:params:oauth:grant-type:device_code',
];
export const CLIENT_AUTH_METHODS = [
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
];
export const ACCESS_TOKEN_CLAIMS = ['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'uid', 'scp', 'sub'];
const ID_TOKEN_CLAIMS = [
  'iss',
  'ver',
  'sub',
  'aud',
  'iat',
  'exp',
  'jti',
  'auth_time',
  'amr',
  'idp',
  'nonce',
  'name',
  'nickname',
  'preferred_username',
  'given_name',
  'middle_name',
  'family_name',
  'email',
  'email_verified',
  'profile',
  'zoneinfo',
  'locale',
  'address',
  'phone_number',
  'picture',
  'website',
  'gender',
  'birthdate',
  'updated_at',
  'at_hash',
  'c_hash',
];
const SIGNING_ALGS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

/** The scopes every custom authorization server has (Okta "Authorization Server Scopes" API), all published. */
export const SYSTEM_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'];

export interface MetadataInput {
  /** `<origin>/oauth2/<id>`, without a trailing slash. */
  issuer: string;
  /** Names of the scopes whose metadataPublish is ALL_CLIENTS, system scopes included. */
  publishedScopes: string[];
  /** Where the endpoints sit when not at `<issuer>/v1` (the org server's: `<org URL>/oauth2/v1`). */
  endpoints?: string;
  /** The proof algorithms of a server that takes DPoP proofs (RFC 9449 §5.1: `dpop_signing_alg_values_supported`). */
  dpopAlgs?: readonly string[];
  /** Claims its ID tokens may carry besides the standard ones (the org server's `groups`, for its groups scope). */
  extraIdTokenClaims?: readonly string[];
}

/** `/.well-known/oauth-authorization-server` (RFC 8414): no userinfo and no ID token members. */
export function authorizationServerMetadata(input: MetadataInput): Record<string, unknown> {
  const v1 = input.endpoints ?? `${input.issuer}/v1`;
  return {
    issuer: input.issuer,
    authorization_endpoint: `${v1}/authorize`,
    token_endpoint: `${v1}/token`,
    jwks_uri: `${v1}/keys`,
    response_types_supported: RESPONSE_TYPES,
    response_modes_supported: RESPONSE_MODES,
    grant_types_supported: GRANT_TYPES,
    subject_types_supported: ['public'],
    scopes_supported: input.publishedScopes,
    token_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    claims_supported: ACCESS_TOKEN_CLAIMS,
    code_challenge_methods_supported: ['S256'],
    introspection_endpoint: `${v1}/introspect`,
    introspection_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    revocation_endpoint: `${v1}/revoke`,
    revocation_endpoint_auth_methods_supported: CLIENT_AUTH_METHODS,
    end_session_endpoint: `${v1}/logout`,
    request_parameter_supported: true,
    request_object_signing_alg_values_supported: SIGNING_ALGS,
    device_authorization_endpoint: `${v1}/device/authorize`,
    ...(input.dpopAlgs ? { dpop_signing_alg_values_supported: input.dpopAlgs } : {}),
  };
}

/** `/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3). */
export function openIdConfiguration(input: MetadataInput): Record<string, unknown> {
  const base = authorizationServerMetadata(input);
  return {
    ...base,
    userinfo_endpoint: `${input.endpoints ?? `${input.issuer}/v1`}/userinfo`,
    id_token_signing_alg_values_supported: ['RS256'],
    claims_supported: [...ID_TOKEN_CLAIMS, ...(input.extraIdTokenClaims ?? [])],
  };
}
