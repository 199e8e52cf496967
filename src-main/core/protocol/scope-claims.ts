/**
 * Scope claims of an ID token (reference §4). When an access token is issued with the ID token
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
  const parts = [profile.firstName, profile.lastName].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
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
      trace.push({ name, token: 'id_token', source: `scope ${scope}`, omitted: 'the user profile has no value for it' });
      continue;
    }
    claims[name] = value;
    trace.push({ name, token: 'id_token', source: `scope ${scope}`, value });
  }
  return { claims, trace };
}
