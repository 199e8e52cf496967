/**
 * The device authorization request and its approval (RFC 8628 §3.1–§3.3, Okta "OpenID Connect & OAuth 2.0 API"), as steps:
 * the authenticated app must be registered for the device_code grant (`unauthorized_client`, Okta's
 * text) → the scopes must exist on the server (`invalid_scope`) → a pending authorization. When
 * the signed-in user approves: the user must be assigned to the app → the server's policies are
 * evaluated for grant type device_code (once; Okta "Authorization Server Rules" API) → the authorization is approved.
 */
import type { AppRecord } from '../ports/apps.js';
import type { AppAssignments } from '../app-assignments.js';
import type { AuthorizationServerRecord } from '../ports/authorization-servers.js';
import type { UserRecord } from '../ports/users.js';
import { DEVICE_CODE_GRANT, DEVICE_CODE_LIFETIME_SECONDS, formatUserCode } from './device-authorizations.js';
import type { DeviceAuthorizationRecord } from '../ports/device-authorizations.js';
import type { DeviceAuthorizations } from './device-authorizations.js';
import type { OAuthError } from './oauth-errors.js';
import { AccessDenied, InvalidScope, OKTA_TEXT, UnauthorizedClient } from './oauth-errors.js';
import { endpointBase } from '../org-server.js';
import { decideForApp, offeredScopes, requestedScopes } from './policy/decide-for-app.js';
import type { PolicyDeps } from './policy/decide-for-app.js';
import type { DecisionTrace } from './trace.js';

export interface DeviceDeps extends PolicyDeps {
  devices: DeviceAuthorizations;
  appAssignments: Pick<AppAssignments, 'isUserAssigned'>;
}

/** RFC 8628 §3.2's response. */
export interface DeviceAuthorizationResponse {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** @throws UnauthorizedClient, InvalidScope */
export function startDeviceAuthorization(
  deps: DeviceDeps,
  server: AuthorizationServerRecord,
  issuer: string,
  client: AppRecord,
  params: Record<string, string>,
): DeviceAuthorizationResponse {
  const allowed: readonly string[] = client.document.oauth.grant_types;
  if (!allowed.includes(DEVICE_CODE_GRANT))
    throw new UnauthorizedClient(
      OKTA_TEXT.grantNotAllowed([...allowed]),
      `the app ${client.id} is not registered for ${DEVICE_CODE_GRANT}`,
    );
  checkScopesExist(deps, server.id, client, params['scope']);
  const { deviceCode, record } = deps.devices.start({
    serverId: server.id,
    appId: client.id,
    clientId: client.clientId,
    scope: params['scope'] ?? null,
  });
  const verification = `${endpointBase(server, issuer)}/device`;
  return {
    device_code: deviceCode,
    user_code: formatUserCode(record.userCode),
    verification_uri: verification,
    verification_uri_complete: `${verification}?user_code=${formatUserCode(record.userCode)}`,
    expires_in: DEVICE_CODE_LIFETIME_SECONDS,
    interval: record.intervalSeconds,
  };
}

/** Okta "OpenID Connect & OAuth 2.0 API": a scope the server does not have is `invalid_scope` with Okta's text. */
function checkScopesExist(deps: DeviceDeps, serverId: string, client: AppRecord, scope: string | undefined): void {
  const names = new Set(offeredScopes(deps, serverId, client).map((s) => s.name));
  const unknown = (requestedScopes(scope) ?? []).filter((name) => !names.has(name));
  if (unknown.length > 0) throw new InvalidScope(OKTA_TEXT.unknownScopes, `unknown scopes: ${unknown.join(', ')}`);
}

export type ApprovalResult =
  { ok: true; trace: DecisionTrace } | { ok: false; error: OAuthError; trace?: DecisionTrace };

/** The user approved on the device page: assignment, then the policy for device_code; a refusal denies the device. */
export function approveDevice(
  deps: DeviceDeps,
  record: DeviceAuthorizationRecord,
  client: AppRecord,
  user: UserRecord,
  session: { authTime: Date; amr: string[] },
): ApprovalResult {
  if (!deps.appAssignments.isUserAssigned(client.id, user.id)) {
    deps.devices.deny(record);
    return {
      ok: false,
      error: new AccessDenied(OKTA_TEXT.notAssigned, `user ${user.id} is not assigned to the app ${client.id}`),
    };
  }
  const result = decideForApp(deps, record.serverId, client, DEVICE_CODE_GRANT, user, record.scope ?? undefined);
  if (!result.ok) {
    deps.devices.deny(record);
    return { ok: false, error: result.error, trace: result.trace };
  }
  const approved = deps.devices.approve(record, {
    userId: user.id,
    authTime: session.authTime,
    amr: session.amr,
    scopes: result.scopes,
    lifetimes: result.lifetimes,
  });
  if (!approved)
    return {
      ok: false,
      error: new AccessDenied(
        DEVICE_TEXT.codeInvalid,
        'the device authorization was answered by another request first',
      ),
    };
  return { ok: true, trace: result.trace };
}

export const DEVICE_TEXT = {
  codeInvalid: 'The code is invalid or has expired. Check the code shown on your device and try again.',
} as const;
