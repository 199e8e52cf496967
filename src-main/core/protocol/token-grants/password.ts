/**
 * The resource owner password grant (RFC 6749 §4.3): `username` and `password` are required
 * (`invalid_request` naming the missing one); a wrong password, an unknown login and a user who
 * may not sign in all get one `invalid_grant` text, so the answer never tells whether the user
 * exists (the reason is kept in `detail`); the user must be assigned to the app (Okta "Application Users" and "Application Groups" APIs).
 */
import { AccessDenied, InvalidGrant, InvalidRequest, OKTA_TEXT } from '../oauth-errors.js';
import { missingParameter } from './check-grant-type.js';
import { TOO_MANY_SIGN_INS } from '../sign-in.js';
import type { GrantHandler } from './types.js';

export const INVALID_CREDENTIALS = 'The credentials provided were invalid.';

const REASONS = {
  unknown_user: 'no user has this login',
  wrong_password: 'the password is wrong',
  not_allowed: 'the user may not sign in in their current status',
  locked_out: 'the password is wrong',
  throttled: 'refused unchecked',
} as const;

/** The password grant while the address is throttled (429, `Retry-After`). */
export class TooManySignIns extends InvalidGrant {
  override readonly status = 429;
}

export const passwordGrant: GrantHandler = async (deps, request, client, progress) => {
  const { username, password } = request.params;
  for (const [name, value] of [
    ['username', username],
    ['password', password],
  ] as const) {
    if (value === undefined || value === '')
      throw new InvalidRequest(missingParameter(name), `the request has no ${name}`);
  }
  const check = await deps.users.checkPassword(username!, password!, request.credentials.address);
  if (!check.ok && check.reason === 'throttled') {
    const error = new TooManySignIns(TOO_MANY_SIGN_INS, `${check.note}: '${username}'`);
    error.retryAfterSeconds = check.retryAfterSeconds;
    throw error;
  }
  if (!check.ok) {
    const status = check.user ? ` (${check.user.id}, ${check.user.status})` : '';
    const note = check.note ? `; ${check.note}` : '';
    throw new InvalidGrant(INVALID_CREDENTIALS, `${REASONS[check.reason]}: '${username}'${status}${note}`);
  }
  const user = check.user;
  progress.user = user;
  if (!deps.appAssignments.isUserAssigned(client.id, user.id)) {
    throw new AccessDenied(
      OKTA_TEXT.notAssigned,
      `user ${user.id} is assigned to the app ${client.id} neither directly nor through a group`,
    );
  }
  return { user: deps.users.recordLogin(user.id), authTime: deps.clock.now(), amr: ['pwd'] };
};
