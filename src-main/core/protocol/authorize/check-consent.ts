/**
 * Consent (OIDC Core §3.1.2.4, Okta "Authorization Server Scopes" API, "OpenID Connect & OAuth 2.0 API"): granted scopes whose `consent` is REQUIRED need
 * the user's consent for the app once (remembered per user, app and scope); `prompt=consent` asks
 * again. With `prompt=none` a needed consent ends the request with `consent_required`; Deny on the
 * consent page ends it with `access_denied` (RFC 6749 §4.1.2.1).
 */
import type { ScopeRecord } from '../../ports/scopes.js';
import type { UserRecord } from '../../ports/users.js';
import { AccessDenied, ConsentRequired } from '../oauth-errors.js';
import { AUTHORIZE_TEXT } from './texts.js';
import type { AuthorizeDeps, AuthorizeRequest, CheckedRequest } from './types.js';

/** The scopes the consent page must show, or an empty list when no consent is needed. */
export function checkConsent(
  deps: Pick<AuthorizeDeps, 'scopes' | 'sessions'>,
  request: AuthorizeRequest,
  checked: CheckedRequest,
  user: UserRecord,
  granted: string[],
): ScopeRecord[] {
  const answer = request.interaction?.consent;
  if (answer === 'deny')
    throw new AccessDenied(AUTHORIZE_TEXT.consentDenied, `user ${user.id} denied consent on the consent page`);
  const byName = new Map(deps.scopes.byNames(request.server.id, granted).map((s) => [s.name, s]));
  const required = granted.map((name) => byName.get(name)).filter((s): s is ScopeRecord => s?.consent === 'REQUIRED');
  if (required.length === 0) return [];
  if (answer === 'allow') {
    deps.sessions.recordConsent(
      request.server.id,
      checked.client.id,
      user.id,
      required.map((s) => s.name),
    );
    return [];
  }
  const given = new Set(deps.sessions.consentedScopes(request.server.id, checked.client.id, user.id));
  const show = checked.prompt.has('consent') ? required : required.filter((s) => !given.has(s.name));
  if (show.length === 0) return [];
  if (checked.prompt.has('none')) {
    const names = show.map((s) => s.name);
    throw new ConsentRequired(
      AUTHORIZE_TEXT.consentRequired(names),
      `user ${user.id} has not consented to ${names.join(', ')} for the app ${checked.client.id}`,
    );
  }
  return show;
}
