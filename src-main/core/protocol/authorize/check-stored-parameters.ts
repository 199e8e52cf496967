/**
 * Limits on what an unauthenticated authorize request may make the server keep: the request waits
 * server-side for up to 15 minutes while its sign-in or consent page is shown, and `state` and
 * `nonce` travel on into redirects and ID tokens. Okta refuses a bad `state` with `invalid_request`
 * and "The authentication request has an invalid 'state' parameter." (Okta Support, "The
 * Authentication Request Has an Invalid 'state' Parameter") but publishes no length; Authbox's
 * limits are far above what any client library sends (okta-auth-js: 64 characters) and below what
 * fits in a browser's address bar, so a GET and a POST carry the same at most.
 */
import { InvalidRequest } from '../oauth-errors.js';

/** Characters one parameter may have (`state`, `nonce`, `login_hint` and every other). */
export const MAX_PARAMETER_LENGTH = 2048;
/** Characters all names and values of one request may have together (Node's 16 KiB request-line and header limit for a GET). */
export const MAX_PARAMETERS_LENGTH = 16_384;

export const invalidParameter = (name: string) => `The authentication request has an invalid '${name}' parameter.`;

/** @throws InvalidRequest naming the first parameter over its limit, or the request when all together are */
export function checkStoredParameters(params: Record<string, string>): void {
  let total = 0;
  for (const [name, value] of Object.entries(params)) {
    if (value.length > MAX_PARAMETER_LENGTH)
      throw new InvalidRequest(
        invalidParameter(name),
        `${name} has ${value.length} characters; at most ${MAX_PARAMETER_LENGTH} are kept`,
      );
    total += name.length + value.length;
  }
  if (total > MAX_PARAMETERS_LENGTH)
    throw new InvalidRequest(
      'The authentication request is too large.',
      `the parameters have ${total} characters together; at most ${MAX_PARAMETERS_LENGTH} are kept`,
    );
}
