/**
 * Scope claims of an ID token (Okta "OpenID Connect & OAuth 2.0 API"). When an access token is issued with the ID token
 * (every /token grant), Okta puts only the thin set in it: `email` (scope email), `name` and
 * `preferred_username` (scope profile); the rest comes from /userinfo.
 */
import type { UserProfile } from '../../contracts/user.js';
import type { ClaimTrace } from './trace.js';

export interface ScopeClaims {
  claims: Record<string, unknown>;
  trace: ClaimTrace[];
}

/** `firstName lastName` as Okta shows a user's full name; undefined when both are empty. */
export function fullName(profile: UserProfile): string | undefined {
  const parts = [profile.firstName, profile.lastName].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return parts.length ? parts.join(' ') : undefined;
}

/** The thin ID-token claims for the granted scopes, each traced to the scope that put it there. */
export function thinScopeClaims(profile: UserProfile, grantedScopes: readonly string[]): ScopeClaims {
  const candidates: [claim: string, scope: string, value: unknown][] = [
    ['email', 'email', profile.email],
    ['name', 'profile', fullName(profile)],
    ['preferred_username', 'profile', profile.login],
  ];
  const claims: Record<string, unknown> = {};
  const trace: ClaimTrace[] = [];
  for (const [name, scope, value] of candidates) {
    if (!grantedScopes.includes(scope)) continue;
    if (value === undefined || value === null) {
      trace.push({
        name,
        token: 'id_token',
        source: `scope ${scope}`,
        omitted: 'the user profile has no value for it',
      });
      continue;
    }
    claims[name] = value;
    trace.push({ name, token: 'id_token', source: `scope ${scope}`, value });
  }
  return { claims, trace };
}

type Candidate = [claim: string, scope: string, value: unknown];

/** Okta's mapping of the profile to the OIDC standard claims of each scope (Okta "OpenID Connect & OAuth 2.0 API", OIDC Core §5.4). */
function standardCandidates(profile: UserProfile, updatedAt: Date | undefined): Candidate[] {
  const address = addressOf(profile);
  return [
    ['name', 'profile', fullName(profile)],
    ['family_name', 'profile', profile['lastName']],
    ['given_name', 'profile', profile['firstName']],
    ['middle_name', 'profile', profile['middleName']],
    ['nickname', 'profile', profile['nickName']],
    ['preferred_username', 'profile', profile.login],
    ['profile', 'profile', profile['profileUrl']],
    ['zoneinfo', 'profile', profile['timezone']],
    ['locale', 'profile', profile['locale']],
    ['updated_at', 'profile', updatedAt ? Math.floor(updatedAt.getTime() / 1000) : undefined],
    ['email', 'email', profile.email],
    ['email_verified', 'email', typeof profile.email === 'string' && profile.email !== '' ? true : undefined],
    ['address', 'address', address],
    ['phone_number', 'phone', profile['mobilePhone'] ?? profile['primaryPhone']],
  ];
}

function addressOf(profile: UserProfile): Record<string, unknown> | undefined {
  const parts: [string, unknown][] = [
    ['street_address', profile['streetAddress']],
    ['locality', profile['city']],
    ['region', profile['state']],
    ['postal_code', profile['zipCode']],
    ['country', profile['countryCode']],
  ];
  const present = parts.filter(([, value]) => value !== undefined && value !== null && value !== '');
  return present.length ? Object.fromEntries(present) : undefined;
}

/**
 * The fat ID-token claims: every standard claim of the granted scopes, as when Okta issues an ID
 * token alone (`response_type=id_token`, Okta "OpenID Connect & OAuth 2.0 API"). Claims without a value are left out and traced.
 */
export function fullScopeClaims(profile: UserProfile, grantedScopes: readonly string[], updatedAt?: Date): ScopeClaims {
  const claims: Record<string, unknown> = {};
  const trace: ClaimTrace[] = [];
  for (const [name, scope, value] of standardCandidates(profile, updatedAt)) {
    if (!grantedScopes.includes(scope)) continue;
    if (value === undefined || value === null || value === '') {
      trace.push({
        name,
        token: 'id_token',
        source: `scope ${scope}`,
        omitted: 'the user profile has no value for it',
      });
      continue;
    }
    claims[name] = value;
    trace.push({ name, token: 'id_token', source: `scope ${scope}`, value });
  }
  return { claims, trace };
}
