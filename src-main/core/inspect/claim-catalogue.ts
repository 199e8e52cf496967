/**
 * What each registered claim name means, and where it is registered: RFC 7519 §4.1 (JWT), RFC 9068
 * §2.2 and RFC 7800 §3.1, OpenID Connect Core 1.0 §2 and §5.1 (whose standard claims the `profile`,
 * `email`, `address` and `phone` scopes grant, §5.4), and Okta's own claims (Okta docs, "Token
 * reference"). Every other name is custom.
 */
import type { ClaimCategory, ClaimHighlight } from '../../contracts/inspect.js';

export interface CatalogueEntry {
  category: Exclude<ClaimCategory, 'custom'>;
  description: string;
  /** For the standard claims of OIDC Core §5.4: the scope that grants them. */
  scope?: string;
}

const jwt = (description: string): CatalogueEntry => ({ category: 'jwt', description });
const oidc = (description: string): CatalogueEntry => ({ category: 'oidc', description });
const okta = (description: string): CatalogueEntry => ({ category: 'okta', description });
const scoped = (scope: string, description: string): CatalogueEntry => ({ category: 'scope', description, scope });

export const CLAIM_CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  iss: jwt('Issuer: the authorization server that issued the token'),
  sub: jwt('Subject: the user (or, with no user, the client) the token is about'),
  aud: jwt('Audience: who the token is meant for — the API (access token) or the client (ID token)'),
  exp: jwt('Expiration time: the token must not be accepted after it'),
  nbf: jwt('Not before: the token must not be accepted before it'),
  iat: jwt('Issued at: when the token was minted'),
  jti: jwt('JWT ID: the unique id of this token (Okta: AT.… access tokens, ID.… ID tokens)'),
  client_id: jwt('The client the access token was issued to (RFC 9068)'),
  scope: jwt('The granted scopes, space separated (RFC 9068)'),
  cnf: jwt('Confirmation: the key the token is bound to, e.g. a DPoP key thumbprint (RFC 7800, RFC 9449)'),
  auth_time: oidc('When the user last authenticated'),
  nonce: oidc('The value the client sent in the authorization request, echoed back to stop replay'),
  acr: oidc('Authentication context class reference: how strongly the user was authenticated'),
  amr: oidc('Authentication methods used, e.g. pwd (password), mfa'),
  azp: oidc('Authorized party: the client the ID token was issued to, when aud has several values'),
  at_hash: oidc('Access token hash: the left half of the SHA-256 of the access token issued with it'),
  c_hash: oidc('Code hash: the left half of the SHA-256 of the authorization code issued with it'),
  sid: oidc('Session id at the issuer'),
  ver: okta('Okta token format version'),
  cid: okta('Client id of the app the access token was issued to'),
  uid: okta('Okta user id of the user the access token is for'),
  scp: okta('The granted scopes, as an array'),
  idp: okta('The identity provider that authenticated the user (the org id for Okta users)'),
  name: scoped('profile', 'Full name'),
  given_name: scoped('profile', 'Given (first) name'),
  family_name: scoped('profile', 'Family (last) name'),
  middle_name: scoped('profile', 'Middle name'),
  nickname: scoped('profile', 'Casual name'),
  preferred_username: scoped('profile', 'The name the user prefers to be shown (Okta: the login)'),
  profile: scoped('profile', 'URL of the profile page'),
  picture: scoped('profile', 'URL of a profile picture'),
  website: scoped('profile', 'URL of a web page or blog'),
  gender: scoped('profile', 'Gender'),
  birthdate: scoped('profile', 'Birthday, YYYY-MM-DD'),
  zoneinfo: scoped('profile', 'Time zone, e.g. Europe/Paris'),
  locale: scoped('profile', 'Locale, e.g. en-US'),
  updated_at: scoped('profile', 'When the profile was last updated'),
  email: scoped('email', 'Email address'),
  email_verified: scoped('email', 'Whether the email address was verified'),
  address: scoped('address', 'Postal address'),
  phone_number: scoped('phone', 'Phone number'),
  phone_number_verified: scoped('phone', 'Whether the phone number was verified'),
};

/** Claims a relying party must check itself (OIDC Core §3.1.3.7, §3.2.2.11, §3.3.2.12). */
const SECURITY_CLAIMS = new Set(['at_hash', 'c_hash', 'aud', 'azp', 'nonce']);

/** NumericDate claims: seconds since the epoch (RFC 7519 §2). */
export const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);

export interface ClaimClass {
  category: ClaimCategory;
  description: string | null;
  scope: string | null;
  highlights: ClaimHighlight[];
}

/** Where `name` is registered, its description, and the highlights it gets. */
export function classifyClaim(name: string): ClaimClass {
  const entry = Object.hasOwn(CLAIM_CATALOGUE, name) ? CLAIM_CATALOGUE[name] : undefined;
  const highlights: ClaimHighlight[] = [];
  if (name === 'nonce') highlights.push('nonce');
  if (!entry) highlights.push('custom');
  if (entry?.category === 'scope') highlights.push('scope-derived');
  if (SECURITY_CLAIMS.has(name)) highlights.push('security');
  return {
    category: entry?.category ?? 'custom',
    description: entry?.description ?? null,
    scope: entry?.scope ?? null,
    highlights,
  };
}
