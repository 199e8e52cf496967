/**
 * The authorize endpoint's error descriptions: Okta's exact texts where Okta "OpenID Connect & OAuth 2.0 API" gives one
 * (the nonce text keeps Okta's double period), plain statements of the problem otherwise.
 */
export const AUTHORIZE_TEXT = {
  redirectUriNotRegistered: "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.",
  invalidClientId: "Invalid value for 'client_id' parameter.",
  missing: (name: string) => `The '${name}' parameter is required.`,
  nonceRequired:
    "The 'nonce' parameter is required for authorize requests with either the 'id_token' or 'token' response types..",
  queryModeRefused: "'query' response mode cannot be used with either the 'id_token' or 'token' response types.",
  responseTypeUnsupported: (types: string[]) =>
    `The response type is not supported by the authorization server. Configured response types: [${types.join(', ')}].`,
  responseModeUnsupported: (modes: readonly string[]) =>
    `The response mode is not supported by the authorization server. Configured response modes: [${modes.join(', ')}].`,
  pkceChallengeRequired: 'PKCE code challenge is required by the application.',
  pkceMethodUnsupported: "The 'code_challenge_method' parameter must be 'S256' or 'plain'.",
  pkceChallengeInvalid:
    "The 'code_challenge' parameter must be 43 to 128 characters of [A-Z] / [a-z] / [0-9] / '-' / '.' / '_' / '~'.",
  openidRequired: "Requests for ID tokens or access tokens with OpenID scopes require the 'openid' scope.",
  promptInvalid:
    "The 'prompt' parameter must be 'none', 'login' or 'consent', and 'none' cannot be combined with another value.",
  maxAgeInvalid: "The 'max_age' parameter must be a non-negative integer.",
  loginRequired: 'The client specified not to prompt, but the user is not logged in.',
  consentRequired: (scopes: string[]) => `The following scopes require user consent: [${scopes.join(', ')}].`,
  consentDenied: 'The resource owner or authorization server denied the request.',
} as const;
