/**
 * The device verification URI /oauth2/{serverId}/v1/device (RFC 8628 §3.3, reference §3), behind
 * the authorize endpoint's sign-in (its session cookie): GET shows the code form (prefilled from
 * `verification_uri_complete`), or the sign-in form first; POST checks the code and asks to allow
 * or deny; the decision approves (policy evaluated for device_code) or denies the device. Every
 * form repeats the browser's CSRF cookie; one event per request.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { approveDevice } from '../../core/protocol/device-authorize.js';
import { AccessDenied, InvalidRequest, OAuthError } from '../../core/protocol/oauth-errors.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import type { SessionRecord } from '../../core/ports/sessions.js';
import { SESSION_LIFETIME_MINUTES } from '../../core/protocol/sessions.js';
import type { HttpContext } from '../context.js';
import { issuerOf } from '../management/presenters.js';
import { queryParams } from './authorize.js';
import { CSRF_COOKIE, readCookie, SESSION_COOKIE, setCookie } from './authorize-cookies.js';
import { sendErrorPage } from './authorize-error-page.js';
import { FORM_EXPIRED } from './authorize-interaction.js';
import { DEVICE_CODE_REFUSED, sendApprovePage, sendCodePage, sendDeviceOutcomePage } from './device-pages.js';
import { oauthEndpoint } from './endpoint.js';
import { acceptRawBodies, parseForm } from './form.js';
import { sendSignInPage, SIGN_IN_FAILED } from './sign-in-page.js';
import { activeServer } from './server-lookup.js';

interface DeviceCall {
  ctx: HttpContext;
  request: FastifyRequest;
  reply: FastifyReply;
  server: AuthorizationServerRecord;
  csrf: string;
  session: SessionRecord | undefined;
}

type Step = (call: DeviceCall, params: Record<string, string>) => FastifyReply | Promise<FastifyReply>;

export async function registerDeviceVerificationRoutes(app: FastifyInstance, ctx: HttpContext): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    const route = (step: Step, form: boolean) => (request: FastifyRequest, reply: FastifyReply) =>
      deviceRequest(ctx, request, reply, step, form);
    oauthEndpoint(scope, '/oauth2/:serverId/v1/device', {
      GET: route(showCodeForm, false),
      POST: route(checkCode, true),
    });
    oauthEndpoint(scope, '/oauth2/:serverId/v1/device/sign-in', { POST: route(signIn, true) });
    oauthEndpoint(scope, '/oauth2/:serverId/v1/device/decision', { POST: route(decide, true) });
  });
}

/** The shared steps: ACTIVE server → parameters → CSRF (forms must repeat the cookie) → the page's own step. */
async function deviceRequest(
  ctx: HttpContext,
  request: FastifyRequest,
  reply: FastifyReply,
  step: Step,
  form: boolean,
): Promise<FastifyReply> {
  const server = activeServer(ctx, request);
  try {
    const params = form ? parseForm(request) : queryParams(request);
    let csrf = readCookie(request, CSRF_COOKIE);
    if (form && (!csrf || params['csrf_token'] !== csrf))
      throw new InvalidRequest(FORM_EXPIRED, "the form's CSRF token does not match the browser's CSRF cookie");
    if (!csrf) {
      csrf = ctx.services.authorize.sessions.newCsrfToken();
      setCookie(reply, server.id, CSRF_COOKIE, csrf);
    }
    const session = ctx.services.authorize.sessions.find(server.id, readCookie(request, SESSION_COOKIE));
    return await step({ ctx, request, reply, server, csrf, session }, params);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    recordDeviceEvent(ctx, server.id, error, error.detail ?? null);
    return sendErrorPage(reply, error);
  }
}

/** Not signed in yet: the authorize endpoint's sign-in form, posting back here with the typed code. */
function signInFirst(call: DeviceCall, userCode: string, failed = false, username?: string): FastifyReply {
  const { server, csrf, reply, ctx, request } = call;
  return sendSignInPage(reply, {
    serverId: server.id,
    appLabel: 'your device',
    pendingId: userCode,
    csrf,
    failed,
    username,
    redirectUri: `${issuerOf(server, ctx.origins(request))}/v1/device`,
    action: `/oauth2/${encodeURIComponent(server.id)}/v1/device/sign-in`,
  });
}

const showCodeForm: Step = (call, params) => {
  recordDeviceEvent(
    call.ctx,
    call.server.id,
    undefined,
    call.session ? 'showed the code page' : 'showed the sign-in page',
    call.session?.userId,
  );
  if (!call.session) return signInFirst(call, params['user_code'] ?? '');
  return sendCodePage(call.reply, { serverId: call.server.id, csrf: call.csrf, userCode: params['user_code'] });
};

/** A good password opens the server's session (as at /authorize), then the code form. */
const signIn: Step = async (call, form) => {
  const { ctx, server, reply } = call;
  const check = await ctx.services.users.checkPassword(form['username'] ?? '', form['password'] ?? '');
  if (!check.ok) {
    recordDeviceEvent(
      ctx,
      server.id,
      new AccessDenied(
        SIGN_IN_FAILED,
        `sign-in refused, ${check.reason}: '${form['username'] ?? ''}'${check.note ? `; ${check.note}` : ''}`,
      ),
      null,
    );
    return signInFirst(call, form['pending'] ?? '', true, form['username']);
  }
  ctx.services.users.recordLogin(check.user.id);
  const { token } = ctx.services.authorize.sessions.open(server.id, check.user.id, ['pwd']);
  setCookie(reply, server.id, SESSION_COOKIE, token, SESSION_LIFETIME_MINUTES * 60);
  recordDeviceEvent(ctx, server.id, undefined, 'signed in', check.user.id);
  return sendCodePage(reply, { serverId: server.id, csrf: call.csrf, userCode: form['pending'] });
};

/** RFC 8628 §3.3: the typed code names a pending authorization of this server; then allow or deny. */
const checkCode: Step = (call, form) => {
  const { ctx, server, reply, session, csrf } = call;
  if (!session) return signInFirst(call, form['user_code'] ?? '');
  const device = ctx.services.tokenGrants.devices.pendingByUserCode(server.id, form['user_code'] ?? '');
  const client = device && ctx.services.apps.byClientId(device.clientId);
  const user = ctx.services.users.find(session.userId);
  if (!device || !client || !user) {
    recordDeviceEvent(
      ctx,
      server.id,
      new InvalidRequest(
        DEVICE_CODE_REFUSED,
        `no pending device authorization has the code '${form['user_code'] ?? ''}'`,
      ),
      null,
      session.userId,
    );
    return sendCodePage(reply, { serverId: server.id, csrf, userCode: form['user_code'], refused: true });
  }
  recordDeviceEvent(ctx, server.id, undefined, 'showed the approve page', session.userId, device.clientId);
  return sendApprovePage(reply, {
    serverId: server.id,
    csrf,
    userCode: form['user_code'] ?? '',
    appLabel: client.label,
    userLogin: user.profile.login,
    scope: device.scope,
  });
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
    recordDeviceEvent(ctx, server.id, undefined, 'the user denied the device', user.id, client.clientId);
    return sendDeviceOutcomePage(reply, 'denied');
  }
  const result = approveDevice(ctx.services.tokenGrants, device, client, user, session);
  if (!result.ok) {
    recordDeviceEvent(ctx, server.id, result.error, result.error.detail ?? null, user.id, client.clientId);
    return sendErrorPage(reply, result.error);
  }
  recordDeviceEvent(ctx, server.id, undefined, 'the user approved the device', user.id, client.clientId);
  return sendDeviceOutcomePage(reply, 'approved');
};

function recordDeviceEvent(
  ctx: HttpContext,
  serverId: string,
  error: OAuthError | undefined,
  detail: string | null,
  userId?: string,
  clientId?: string,
): void {
  ctx.services.events.record({
    endpoint: 'device',
    serverId,
    clientId: clientId ?? null,
    userId: userId ?? null,
    grantType: 'urn:ietf:params:oauth:grant-type:device_code',
    outcome: error ? 'failure' : 'success',
    error: error?.error ?? null,
    errorDescription: error?.description ?? null,
    detail: error?.detail ?? detail,
    trace: null,
  });
}
