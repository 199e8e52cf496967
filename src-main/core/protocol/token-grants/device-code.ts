/**
 * The device_code grant (RFC 8628 §3.4–§3.5, Okta "OpenID Connect & OAuth 2.0 API"), as a script: `device_code` required →
 * known and issued to this client (`invalid_grant`) → expired (`expired_token`) → denied
 * (`access_denied`) → redeemed before (`invalid_grant`) → still pending: `slow_down` when polled
 * sooner than `interval` after the last poll, `authorization_pending` otherwise → approved: used up
 * once, with the scopes and lifetimes decided at approval (policy evaluated once, Okta "Authorization Server Rules" API).
 */
import type { DeviceAuthorizationRecord } from '../../ports/device-authorizations.js';
import type { DeviceAuthorizations } from '../device-authorizations.js';
import {
  AccessDenied,
  AuthorizationPending,
  ExpiredToken,
  InvalidGrant,
  InvalidRequest,
  SlowDown,
} from '../oauth-errors.js';
import { missingParameter } from './check-grant-type.js';
import type { GrantHandler } from './types.js';

/** Okta's pending text (developer docs, device authorization guide); RFC 8628 §3.5 wording for the rest. */
export const DEVICE_GRANT_TEXT = {
  pending: 'The device authorization is pending. Please try again later.',
  slowDown: 'The client is polling too frequently and should slow down.',
  expired: 'The device code has expired.',
  denied: 'The resource owner or authorization server denied the request.',
  invalid: 'The device code is invalid or has expired.',
} as const;

export const deviceCodeGrant: GrantHandler = (deps, request, client, progress) => {
  const presented = request.params['device_code'];
  if (presented === undefined)
    throw new InvalidRequest(missingParameter('device_code'), 'the request has no device_code');
  const { devices } = deps;
  const found = devices.byDeviceCode(presented);
  if (!found || found.clientId !== client.clientId || found.serverId !== request.server.id) {
    throw new InvalidGrant(
      DEVICE_GRANT_TEXT.invalid,
      found
        ? `the device code belongs to client ${found.clientId} on server ${found.serverId}`
        : 'no device code has this value',
    );
  }
  const record = answered(devices, found);
  if (!devices.consume(record))
    throw new InvalidGrant(DEVICE_GRANT_TEXT.invalid, 'another poll redeemed the device code first');
  const approval = record.approval!;
  const user = deps.users.find(approval.userId);
  if (!user || user.status !== 'ACTIVE')
    throw new InvalidGrant(
      DEVICE_GRANT_TEXT.invalid,
      `the approving user ${approval.userId} is ${user ? user.status : 'deleted'}`,
    );
  progress.user = user;
  return {
    user,
    authTime: approval.authTime,
    amr: approval.amr,
    // The device authorization's id is its family's id, as an authorization code's is: the event of
    // the approval on the device page opened the family, so the event log links this grant to it.
    family: { id: record.id },
    decided: { scopes: approval.scopes, lifetimes: approval.lifetimes },
  };
};

/** RFC 8628 §3.5: the approved authorization, or the error that tells the device what to do next. */
function answered(devices: DeviceAuthorizations, record: DeviceAuthorizationRecord): DeviceAuthorizationRecord {
  if (record.status === 'used')
    throw new InvalidGrant(DEVICE_GRANT_TEXT.invalid, 'the device code was already redeemed');
  if (devices.expired(record))
    throw new ExpiredToken(DEVICE_GRANT_TEXT.expired, `the device code expired at ${record.expiresAt.toISOString()}`);
  if (record.status === 'denied')
    throw new AccessDenied(DEVICE_GRANT_TEXT.denied, 'the user denied the device, or the policy refused it');
  const tooSoon = devices.polledTooSoon(record);
  if (record.status === 'approved') return record;
  if (tooSoon)
    throw new SlowDown(
      DEVICE_GRANT_TEXT.slowDown,
      `polled sooner than ${record.intervalSeconds} s after the previous poll`,
    );
  throw new AuthorizationPending(DEVICE_GRANT_TEXT.pending, 'the user has not answered yet');
}
