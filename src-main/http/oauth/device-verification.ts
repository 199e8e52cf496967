/**
 * The device verification URI /oauth2/{serverId}/v1/device (RFC 8628 §3.3, Okta "OpenID Connect & OAuth 2.0 API"), behind
 * the authorize endpoint's sign-in (its session cookie): GET shows the code form (prefilled from
 * `verification_uri_complete`), or the sign-in form first; POST checks the code and asks to allow
 * or deny; the decision approves (policy evaluated for device_code) or denies the device. Every
 * form repeats the browser's CSRF cookie; the error page and the one event per request are the
 * protocol endpoint's (`protocol-endpoint.ts`).
 */
import { endpointBase, protocolPath } from '../../core/org-server.js';
import type { FastifyInstance } from 'fastify';
import { DEVICE_CODE_GRANT } from '../../core/protocol/device-authorizations.js';
import { approveDevice } from '../../core/protocol/device-authorize.js';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';
import type { SessionRecord } from '../../core/ports/sessions.js';
import type { HttpContext } from '../context.js';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE, setCookie } from './authorize-cookies.js';
import { DEVICE_CODE_REFUSED, sendApprovePage, sendCodePage, sendDeviceOutcomePage } from './device-pages.js';
import { FORM_EXPIRED } from './form.js';
import { passwordSignIn } from './password-sign-in.js';
import { pageSent, registerProtocolEndpoint } from './protocol-endpoint.js';
import type { PageSent, ProtocolCall, ProtocolSteps } from './protocol-endpoint.js';
import { sendSignInPage } from './sign-in-page.js';

interface DeviceCall extends ProtocolCall {
  csrf: string;
  session: SessionRecord | undefined;
}

type Step = (call: DeviceCall, params: Record<string, string>) => PageSent | Promise<PageSent>;

export async function registerDeviceVerificationRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  const route =
    (step: Step): ProtocolSteps =>
    (call) =>
      step(deviceCall(call), call.params);
  const page = { kind: 'page', event: 'device', grantType: DEVICE_CODE_GRANT, params: 'method' } as const;
  await registerProtocolEndpoint(app, ctx, {
    ...page,
    url: '/oauth2/:serverId/v1/device',
    verbs: { GET: route(showCodeForm), POST: route(checkCode) },
  });
  await registerProtocolEndpoint(app, ctx, {
    ...page,
    url: '/oauth2/:serverId/v1/device/sign-in',
    verbs: { POST: route(signIn) },
  });
  await registerProtocolEndpoint(app, ctx, {
    ...page,
    url: '/oauth2/:serverId/v1/device/decision',
    verbs: { POST: route(decide) },
  });
}

/** The shared step: forms must repeat the CSRF cookie (a first visit gets one); the server's session from its cookie. */
function deviceCall(call: ProtocolCall): DeviceCall {
  const { ctx, request, reply, server, params } = call;
  let csrf = readCookie(request, CSRF_COOKIE);
  if (request.method === 'POST' && (!csrf || params['csrf_token'] !== csrf))
    throw new InvalidRequest(FORM_EXPIRED, "the form's CSRF token does not match the browser's CSRF cookie");
  if (!csrf) {
    csrf = ctx.services.authorize.sessions.newCsrfToken();
    setCookie(reply, server.id, CSRF_COOKIE, csrf);
  }
  const session = ctx.services.authorize.sessions.find(server.id, readCookie(request, SESSION_COOKIE));
  return { ...call, csrf, session };
}

/** Not signed in yet: the authorize endpoint's sign-in form, posting back here with the typed code. */
function signInFirst(
  call: DeviceCall,
  userCode: string,
  failed = false,
  username?: string,
  retryAfterSeconds?: number,
): PageSent {
  const { ctx, server, issuer, csrf, reply } = call;
  ctx.services.users.expectSignIn();
  return pageSent(
    sendSignInPage(reply, {
      serverId: server.id,
      appLabel: 'your device',
      pendingId: userCode,
      csrf,
      failed,
      username,
      retryAfterSeconds,
      redirectUri: `${endpointBase(server, issuer)}/device`,
      action: `${protocolPath(server.id)}/v1/device/sign-in`,
    }),
  );
}

const showCodeForm: Step = (call, params) => {
  noteDevice(call, call.session ? 'showed the code page' : 'showed the sign-in page', call.session?.userId);
  if (!call.session) return signInFirst(call, params['user_code'] ?? '');
  return pageSent(
    sendCodePage(call.reply, { serverId: call.server.id, csrf: call.csrf, userCode: params['user_code'] }),
  );
};

/** A good password opens the server's session (as at /authorize), then the code form. */
const signIn: Step = async (call, form) => {
  const outcome = await passwordSignIn(call, form);
  if (!outcome.ok) {
    call.event.error = outcome.error;
    return signInFirst(call, form['pending'] ?? '', true, form['username'], outcome.error.retryAfterSeconds);
  }
  noteDevice(call, 'signed in', outcome.user.id);
  return pageSent(sendCodePage(call.reply, { serverId: call.server.id, csrf: call.csrf, userCode: form['pending'] }));
};

/** RFC 8628 §3.3: the typed code names a pending authorization of this server; then allow or deny. */
const checkCode: Step = (call, form) => {
  const { ctx, server, reply, session, csrf } = call;
  if (!session) return signInFirst(call, form['user_code'] ?? '');
  const device = ctx.services.tokenGrants.devices.pendingByUserCode(server.id, form['user_code'] ?? '');
  const client = device && ctx.services.apps.byClientId(device.clientId);
  const user = ctx.services.users.find(session.userId);
  if (!device || !client || !user) {
    noteDevice(call, null, session.userId);
    call.event.error = new InvalidRequest(
      DEVICE_CODE_REFUSED,
      `no pending device authorization has the code '${form['user_code'] ?? ''}'`,
    );
    return pageSent(sendCodePage(reply, { serverId: server.id, csrf, userCode: form['user_code'], refused: true }));
  }
  noteDevice(call, 'showed the approve page', session.userId, device.clientId);
  return pageSent(
    sendApprovePage(reply, {
      serverId: server.id,
      csrf,
      userCode: form['user_code'] ?? '',
      appLabel: client.label,
      userLogin: user.profile.login,
      scope: device.scope,
    }),
  );
};

/** Deny ends the device's wait with access_denied; Allow evaluates the policy for device_code (RFC 8628 §3.3, §3.5). */
const decide: Step = (call, form) => {
  const { ctx, server, reply, session } = call;
  if (!session) return signInFirst(call, form['user_code'] ?? '');
  const { devices } = ctx.services.tokenGrants;
  const device = devices.pendingByUserCode(server.id, form['user_code'] ?? '');
  const client = device && ctx.services.apps.byClientId(device.clientId);
  const user = ctx.services.users.find(session.userId);
  if (!device || !client || !user)
    throw new InvalidRequest(
      DEVICE_CODE_REFUSED,
      `no pending device authorization has the code '${form['user_code'] ?? ''}'`,
    );
  if (form['decision'] !== 'allow') {
    devices.deny(device);
    noteDevice(call, 'the user denied the device', user.id, client.clientId);
    return pageSent(sendDeviceOutcomePage(reply, 'denied'));
  }
  const result = approveDevice(ctx.services.tokenGrants, device, client, user, session);
  noteDevice(call, 'the user approved the device', user.id, client.clientId);
  // The decision the device code redeems at /token: its trace, and the family its tokens join.
  call.event.trace = result.trace ?? null;
  if (!result.ok) throw result.error;
  call.event.familyId = device.id;
  return pageSent(sendDeviceOutcomePage(reply, 'approved'));
};

/** What the request's event says: what happened, and for whom. */
function noteDevice(call: DeviceCall, note: string | null, userId?: string, clientId?: string): void {
  call.event.note = note;
  call.event.userId = userId ?? null;
  call.event.clientId = clientId ?? null;
}
