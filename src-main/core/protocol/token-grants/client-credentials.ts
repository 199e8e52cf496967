/**
 * The client credentials grant (RFC 6749 §4.4): the client acts for itself, so there is no user
 * (Okta's rules skip the people condition, reference §1.4). Refusing `openid` and the other OIDC
 * scopes is the policy evaluator's (reference §5).
 */
import type { GrantHandler } from './types.js';

export const clientCredentialsGrant: GrantHandler = () => ({ user: null, authTime: null, amr: [] });
