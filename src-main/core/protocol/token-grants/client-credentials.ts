/**
 * The client credentials grant (RFC 6749 §4.4): the client acts for itself, so there is no user
 * (Okta's rules skip the people condition, Okta "Authorization Server Rules" API). Refusing `openid` and the other OIDC
 * scopes is the policy evaluator's (Okta "OpenID Connect & OAuth 2.0 API").
 */
import type { GrantHandler } from './types.js';

export const clientCredentialsGrant: GrantHandler = () => ({ user: null, authTime: null, amr: [] });
