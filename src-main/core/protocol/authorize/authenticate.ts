/**
 * Who the request is for (OIDC Core §3.1.2.1 and §3.1.2.3; Okta "OpenID Connect & OAuth 2.0 API"). The server's session
 * stands for the user unless `prompt=login` asks for a new sign-in, `max_age` is older than the
 * session's auth_time, or the user may no longer sign in (only ACTIVE users may). When a sign-in is
 * needed, `prompt=none` ends the request with `login_required`; otherwise the sign-in page is shown.
 * A sign-in made on this request's own page satisfies `prompt=login` and `max_age`.
 */
import type { UserRecord } from '../../ports/users.js';
import { LoginRequired } from '../oauth-errors.js';
import type { SessionRecord } from '../../ports/sessions.js';
import { AUTHORIZE_TEXT } from './texts.js';
import type { AuthorizeDeps, AuthorizeRequest, CheckedRequest } from './types.js';

export type Authentication = { user: UserRecord; session: SessionRecord } | { signIn: true };

function whySignIn(
  deps: Pick<AuthorizeDeps, 'clock'>,
  request: AuthorizeRequest,
  checked: CheckedRequest,
  user: UserRecord | undefined,
): string | undefined {
  const { session } = request;
  if (!session) return 'there is no session for this authorization server';
  if (!user || user.status !== 'ACTIVE') return `the session's user ${session.userId} may no longer sign in`;
  if (request.interaction?.signedIn) return undefined;
  if (checked.prompt.has('login')) return 'prompt=login asks for a new sign-in';
  const ageSeconds = (deps.clock.now().getTime() - session.authTime.getTime()) / 1000;
  if (checked.maxAge !== undefined && ageSeconds > checked.maxAge)
    return `the session is ${Math.floor(ageSeconds)} s old, more than max_age ${checked.maxAge}`;
  return undefined;
}

export function authenticate(
  deps: Pick<AuthorizeDeps, 'users' | 'clock'>,
  request: AuthorizeRequest,
  checked: CheckedRequest,
): Authentication {
  const user = request.session ? deps.users.find(request.session.userId) : undefined;
  const reason = whySignIn(deps, request, checked, user);
  if (reason === undefined) return { user: user!, session: request.session! };
  if (checked.prompt.has('none')) throw new LoginRequired(AUTHORIZE_TEXT.loginRequired, `prompt=none, but ${reason}`);
  return { signIn: true };
}
