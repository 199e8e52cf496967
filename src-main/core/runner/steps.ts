/**
 * The runner's steps, each one request as a relying party sends it: discovery and the key set
 * (OIDC Discovery §4, RFC 7517), the authorize URL, the token request of each grant (RFC 6749 §4,
 * RFC 8628 §3.4), the device authorization request (RFC 8628 §3.1) and the follow-ups (UserInfo,
 * RFC 7662 introspection, RFC 7009 revocation, the refresh grant). Each records its exchange and
 * the ids of the events the server logged for the client while it was in flight.
 */
import type { FollowUp, RunTokens, StepName, WireRequest, WireResponse } from '../../contracts/flow-run.js';
import type { AppRecord } from '../ports/apps.js';
import type { DpopProofSigner, FlowRunRecord, HttpTransport } from '../ports/flow-runs.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import type { EventLog } from '../protocol/event-log.js';
import { base64url } from '../protocol/id-token.js';
import { authorizeUrl, clientFormPost, codeChallenge, getRequest, newCodeVerifier } from './requests.js';

export interface StepDeps {
  http: HttpTransport;
  events: Pick<EventLog, 'subscribe'>;
  crypto: Pick<Crypto, 'randomId' | 'sha256'>;
  clock: Clock;
  dpop: DpopProofSigner;
}

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** RFC 8628 §3.5: a `slow_down` answer adds 5 seconds to the interval for this and later polls. */
const SLOW_DOWN_SECONDS = 5;

const TITLES: Record<StepName, string> = {
  discovery: 'Discovery',
  keys: 'Key set (JWKS)',
  authorize: 'Authorize',
  callback: 'Callback',
  token: 'Token',
  'device-authorize': 'Device authorization',
  poll: 'Token (poll)',
  userinfo: 'UserInfo',
  introspect: 'Introspect',
  revoke: 'Revoke',
  refresh: 'Refresh',
};

function json(response: WireResponse): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(response.body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

const oauthError = (body: Record<string, unknown>, status: number): string =>
  typeof body.error === 'string'
    ? `${body.error}${typeof body.error_description === 'string' ? `: ${body.error_description}` : ''}`
    : `HTTP ${status}`;

/** Sends the request, collecting the events the server records for this client meanwhile. */
async function send(
  deps: StepDeps,
  run: FlowRunRecord,
  name: StepName,
  request: WireRequest,
): Promise<{ response: WireResponse | undefined; body: Record<string, unknown>; failure?: string }> {
  const eventIds: string[] = [];
  const stop = deps.events.subscribe((event) => {
    if (event.clientId === run.clientId) eventIds.push(event.id);
  });
  let response: WireResponse | undefined;
  let failure: string | undefined;
  try {
    response = await deps.http.send(request);
  } catch (error) {
    failure = `the request failed: ${(error as Error).message}`;
  } finally {
    stop();
  }
  const body = response ? json(response) : {};
  if (!failure && response && response.status >= 400) failure = oauthError(body, response.status);
  run.steps.push({
    name,
    title: TITLES[name],
    at: deps.clock.now().toISOString(),
    exchange: response ? { request, response } : { request },
    note: failure ?? `HTTP ${response!.status}`,
    ok: failure === undefined,
    eventIds,
  });
  return failure === undefined ? { response, body } : { response, body, failure };
}

/** True when the app requires DPoP-bound access tokens, so the run acts as a DPoP client (RFC 9449). */
const usesDpop = (app: AppRecord): boolean => app.document.oauth.dpop_bound_access_tokens;

/**
 * `request` with a DPoP proof of it (RFC 9449 §4.2) signed with the run's key, made at the first
 * proof: `htm`, `htu` (the URL without query and fragment), `iat`, a fresh `jti`, the server's last
 * nonce if it sent one (§8), and `ath` when an access token goes with the request (§7.1).
 */
async function withProof(deps: StepDeps, run: FlowRunRecord, request: WireRequest, accessToken?: string) {
  run.secrets.dpopKey ??= await deps.dpop.generateKey();
  const claims: Record<string, unknown> = {
    htm: request.method,
    htu: request.url.replace(/[?#].*$/, ''),
    iat: Math.floor(deps.clock.now().getTime() / 1000),
    jti: deps.crypto.randomId('', 32),
  };
  if (run.secrets.dpopNonce !== undefined) claims.nonce = run.secrets.dpopNonce;
  if (accessToken !== undefined) claims.ath = base64url(deps.crypto.sha256(accessToken));
  const proof = await deps.dpop.sign(run.secrets.dpopKey, claims);
  return { ...request, headers: { ...request.headers, dpop: proof } };
}

/**
 * A token-endpoint request as the app's client sends it: plain, or with a DPoP proof when the app
 * requires DPoP. A `use_dpop_nonce` answer (RFC 9449 §8) stays in the run as its own step, as a
 * client sees it, and the request goes again once with a proof carrying the server's nonce.
 */
async function sendToTokenEndpoint(
  deps: StepDeps,
  run: FlowRunRecord,
  app: AppRecord,
  name: StepName,
  request: WireRequest,
): ReturnType<typeof send> {
  if (!usesDpop(app)) return send(deps, run, name, request);
  const first = await send(deps, run, name, await withProof(deps, run, request));
  rememberNonce(run, first.response);
  if (first.body.error !== 'use_dpop_nonce' || run.secrets.dpopNonce === undefined) return first;
  const challenge = run.steps[run.steps.length - 1]!;
  challenge.ok = true;
  challenge.note = 'use_dpop_nonce: the server asks for its DPoP-Nonce in the proof; sending again';
  const second = await send(deps, run, name, await withProof(deps, run, request));
  rememberNonce(run, second.response);
  return second;
}

/** RFC 9449 §8.2: a client uses the nonce of the latest `DPoP-Nonce` header until the server sends another. */
function rememberNonce(run: FlowRunRecord, response: WireResponse | undefined): void {
  const nonce = response?.headers['dpop-nonce'];
  if (nonce) run.secrets.dpopNonce = nonce;
}

const endpoint = (run: FlowRunRecord, key: string): string => {
  const value = run.discovery?.[key];
  if (typeof value !== 'string') throw new Error(`discovery advertises no ${key}`);
  return value;
};

function fail(run: FlowRunRecord, reason: string): void {
  run.status = 'failed';
  run.error = reason;
  const last = run.steps[run.steps.length - 1];
  if (last) last.ok = false;
}

function clientOf(run: FlowRunRecord, app: AppRecord) {
  return { clientId: run.clientId, clientSecret: app.clientSecret, method: run.params.clientAuth };
}

function tokensOf(body: Record<string, unknown>): RunTokens {
  const tokens: RunTokens = {};
  for (const key of ['access_token', 'id_token', 'refresh_token', 'token_type', 'scope'] as const)
    if (typeof body[key] === 'string') tokens[key] = body[key] as string;
  if (typeof body.expires_in === 'number') tokens.expires_in = body.expires_in;
  return tokens;
}

/** The token request of the run's grant. */
function tokenForm(run: FlowRunRecord, refreshToken: string | undefined): Record<string, string> {
  const scope = run.params.scopes.join(' ');
  switch (run.flow) {
    case 'client-credentials':
      return { grant_type: 'client_credentials', ...(scope ? { scope } : {}) };
    case 'password':
      return {
        grant_type: 'password',
        username: run.params.username ?? '',
        password: run.secrets.password ?? '',
        scope,
      };
    case 'refresh':
      return { grant_type: 'refresh_token', refresh_token: refreshToken ?? '', ...(scope ? { scope } : {}) };
    default:
      return {
        grant_type: 'authorization_code',
        code: run.secrets.code ?? '',
        redirect_uri: run.params.redirectUri,
        ...(run.secrets.codeVerifier !== undefined ? { code_verifier: run.secrets.codeVerifier } : {}),
      };
  }
}

/** Runs the step `name` (the first of `run.next`) and moves the run on; a refusal fails the run. */
export async function runStep(
  deps: StepDeps,
  run: FlowRunRecord,
  app: AppRecord,
  name: StepName,
  refreshToken?: string,
): Promise<void> {
  try {
    await STEPS[name](deps, run, app, refreshToken);
  } catch (error) {
    fail(run, (error as Error).message);
  }
}

type Step = (deps: StepDeps, run: FlowRunRecord, app: AppRecord, refreshToken?: string) => Promise<void>;

const done = (run: FlowRunRecord) => {
  run.next.shift();
  run.status = 'ready';
};

const STEPS: Record<StepName, Step> = {
  async discovery(deps, run) {
    const url = `${run.origin}/oauth2/${encodeURIComponent(run.serverId)}/.well-known/openid-configuration`;
    const { body, failure } = await send(deps, run, 'discovery', getRequest(url));
    if (failure) return fail(run, `discovery failed: ${failure}`);
    run.discovery = body;
    done(run);
  },
  async keys(deps, run) {
    const { body, failure } = await send(deps, run, 'keys', getRequest(endpoint(run, 'jwks_uri')));
    if (failure || !Array.isArray(body.keys))
      return fail(run, `the key set could not be read: ${failure ?? 'no keys'}`);
    run.jwks = { keys: body.keys as Record<string, unknown>[] };
    done(run);
  },
  async authorize(deps, run) {
    let challenge: string | undefined;
    if (run.flow === 'code-pkce') {
      run.secrets.codeVerifier = newCodeVerifier(deps.crypto);
      challenge = codeChallenge(deps.crypto, run.secrets.codeVerifier, run.params.pkceMethod ?? 'S256');
    }
    const url = authorizeUrl({
      authorizationEndpoint: endpoint(run, 'authorization_endpoint'),
      clientId: run.clientId,
      params: run.params,
      responseType: run.params.responseType ?? 'code',
      codeChallenge: challenge,
    });
    run.authorizeUrl = url;
    run.steps.push({
      name: 'authorize',
      title: TITLES.authorize,
      at: deps.clock.now().toISOString(),
      exchange: { request: { method: 'GET', url, headers: {} } },
      note: 'sign in in the sign-in window; its redirect comes back as the callback',
      ok: true,
      eventIds: [],
    });
    run.next.shift();
    run.status = 'waiting-callback';
  },
  async callback() {
    throw new Error('the callback step is delivered by the sign-in window, not run');
  },
  async token(deps, run, app, refreshToken) {
    const request = clientFormPost(endpoint(run, 'token_endpoint'), tokenForm(run, refreshToken), clientOf(run, app));
    const { body, failure } = await sendToTokenEndpoint(deps, run, app, 'token', request);
    if (failure) return fail(run, `the token endpoint refused: ${failure}`);
    run.tokens = tokensOf(body);
    run.steps[run.steps.length - 1]!.note = `received ${Object.keys(run.tokens)
      .filter((k) => k.endsWith('_token'))
      .join(', ')}`;
    done(run);
  },
  async 'device-authorize'(deps, run, app) {
    const form = { scope: run.params.scopes.join(' ') };
    const request = clientFormPost(endpoint(run, 'device_authorization_endpoint'), form, clientOf(run, app));
    const { body, failure } = await send(deps, run, 'device-authorize', request);
    if (failure) return fail(run, `device authorization refused: ${failure}`);
    const interval = typeof body.interval === 'number' ? body.interval : 5;
    run.secrets.deviceCode = String(body.device_code);
    run.device = {
      user_code: String(body.user_code),
      verification_uri: String(body.verification_uri),
      ...(typeof body.verification_uri_complete === 'string'
        ? { verification_uri_complete: body.verification_uri_complete }
        : {}),
      interval,
      expires_in: Number(body.expires_in),
    };
    run.nextPollAt = new Date(deps.clock.now().getTime() + interval * 1000);
    done(run);
    run.status = 'polling';
  },
  async poll(deps, run, app) {
    const form = { grant_type: DEVICE_GRANT, device_code: run.secrets.deviceCode ?? '' };
    const request = clientFormPost(endpoint(run, 'token_endpoint'), form, clientOf(run, app));
    const { body, failure } = await sendToTokenEndpoint(deps, run, app, 'poll', request);
    const device = run.device!;
    if (body.error === 'authorization_pending' || body.error === 'slow_down') {
      if (body.error === 'slow_down') device.interval += SLOW_DOWN_SECONDS;
      const last = run.steps[run.steps.length - 1]!;
      last.ok = true;
      last.note = `${String(body.error)}: polling again in ${device.interval} s`;
      run.nextPollAt = new Date(deps.clock.now().getTime() + device.interval * 1000);
      run.status = 'polling';
      return;
    }
    if (failure) return fail(run, `the token endpoint refused: ${failure}`);
    run.tokens = tokensOf(body);
    run.nextPollAt = null;
    done(run);
  },
  userinfo: followUpOnly,
  introspect: followUpOnly,
  revoke: followUpOnly,
  refresh: followUpOnly,
};

async function followUpOnly(): Promise<void> {
  throw new Error('a follow-up is asked for, not a step of a flow');
}

const HINTS = { access_token: 'access_token', id_token: 'id_token', refresh_token: 'refresh_token' } as const;

/** UserInfo, Introspect, Revoke or Refresh on the run's tokens, recorded as a new step. @throws Error when the run holds no such token */
export async function runFollowUp(
  deps: StepDeps,
  run: FlowRunRecord,
  app: AppRecord,
  kind: FollowUp,
  which: keyof typeof HINTS = kind === 'refresh' ? 'refresh_token' : 'access_token',
): Promise<void> {
  const token = kind === 'refresh' ? run.tokens.refresh_token : run.tokens[which];
  if (token === undefined) throw new Error(`the run holds no ${kind === 'refresh' ? 'refresh_token' : which}`);
  const client = clientOf(run, app);
  const hint = { token, token_type_hint: HINTS[which] };
  switch (kind) {
    case 'userinfo': {
      // A DPoP-bound token goes as `Authorization: DPoP` with a proof carrying its hash (RFC 9449 §7.1).
      const request = getRequest(endpoint(run, 'userinfo_endpoint'), token);
      if (run.tokens.token_type !== 'DPoP' || run.secrets.dpopKey === undefined)
        return void (await send(deps, run, 'userinfo', request));
      request.headers.authorization = `DPoP ${token}`;
      await send(deps, run, 'userinfo', await withProof(deps, run, request, token));
      return;
    }
    case 'introspect':
      await send(deps, run, 'introspect', clientFormPost(endpoint(run, 'introspection_endpoint'), hint, client));
      return;
    case 'revoke':
      await send(deps, run, 'revoke', clientFormPost(endpoint(run, 'revocation_endpoint'), hint, client));
      return;
    case 'refresh': {
      const form = { grant_type: 'refresh_token', refresh_token: token };
      const { body, failure } = await sendToTokenEndpoint(
        deps,
        run,
        app,
        'refresh',
        clientFormPost(endpoint(run, 'token_endpoint'), form, client),
      );
      if (!failure) run.tokens = { refresh_token: token, ...tokensOf(body) };
    }
  }
}
