/**
 * The Flow Runner: one engine for the screen, the sandbox API and the tests. A run is a list of
 * named steps (`flows.ts`); each step sends its request for real through the HTTP port to
 * Authbox's own endpoints, records the exchange and the events the server logged for it, and moves
 * the run on. Browser flows stop at `callback` until the sign-in window hands the redirect back;
 * device runs poll with the server's interval (RFC 8628 §3.5). When the last step is done the
 * client checks (`checks.ts`) judge what came back.
 */
import type { AdvanceInput, CallbackInput, FollowUp, StepName, ValidFlowRunInput } from '../../contracts/flow-run.js';
import {
  FLOW_RESPONSE_TYPES,
  FLOW_RUNNER_CALLBACK_PATH,
  validateAdvance,
  validateCallback,
  validateFollowUp,
  validateRunInput,
} from '../../contracts/flow-run.js';
import type { FlowOptionsDto, FlowRunDto, FlowRunSummaryDto, RunParams } from '../../contracts/flow-run.js';
import type { AppRecord } from '../ports/apps.js';
import type { DpopProofSigner, FlowRunRecord, FlowRunRepository, HttpTransport } from '../ports/flow-runs.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import type { AuthorizationServers } from '../authorization-servers.js';
import type { Apps } from '../apps.js';
import type { EventLog } from '../protocol/event-log.js';
import { Refused, ValidationFailed } from '../errors.js';
import { NotFound } from '../errors.js';
import { FLOW_STEPS, flowOptions, isBrowserFlow, whyNot } from './flows.js';
import { presentRun, summaryOf } from './present.js';
import { runStep, runFollowUp } from './steps.js';
import { clientChecks } from './checks.js';
import { parseCallback } from './callback.js';
import { formEncode } from './form.js';

export interface FlowRunnerDeps {
  runs: FlowRunRepository;
  apps: Pick<Apps, 'get'>;
  servers: Pick<AuthorizationServers, 'get'>;
  http: HttpTransport;
  events: Pick<EventLog, 'subscribe' | 'get' | 'list'>;
  crypto: Crypto;
  clock: Clock;
  dpop: DpopProofSigner;
}

/** The origins of a run: where its requests go, and where the UI (and so the callback page) lives. */
export interface RunOrigins {
  http: string;
  ui: string;
}

export const MAX_RUNS_LISTED = 200;

function valid<T>(
  result: { ok: true; value: T } | { ok: false; issues: ConstructorParameters<typeof ValidationFailed>[0] },
): T {
  if (!result.ok) throw new ValidationFailed(result.issues);
  return result.value;
}

const refuse = (field: string, message: string) => new Refused('E0000001', message, [{ field, message }]);

export const redirectUriOf = (uiOrigin: string): string => `${uiOrigin}${FLOW_RUNNER_CALLBACK_PATH}`;

export class FlowRunner {
  constructor(private readonly deps: FlowRunnerDeps) {}

  /** Which flows `appId` may run, whether it lists the runner's redirect URI, earlier refresh tokens. */
  options(appId: string, uiOrigin: string): FlowOptionsDto {
    const app = this.deps.apps.get(appId);
    const redirectUri = redirectUriOf(uiOrigin);
    return {
      redirectUri,
      redirectUriListed: (app.document.oauth.redirect_uris ?? []).includes(redirectUri),
      flows: flowOptions(app),
      refreshSources: this.deps.runs
        .list(MAX_RUNS_LISTED)
        .filter((run) => run.appId === app.id && run.tokens.refresh_token !== undefined)
        .map(summaryOf),
      defaultClientAuth: defaultClientAuth(app),
    };
  }

  /** A new run, ready for its first step. @throws ValidationFailed, NotFound (server, app, run), Refused (flow not allowed) */
  create(body: unknown, origins: RunOrigins): FlowRunRecord {
    const input = valid(validateRunInput(body));
    const server = this.deps.servers.get(input.serverId);
    const app = this.deps.apps.get(input.appId);
    const params = this.paramsOf(input, app, origins.ui);
    const reason = whyNot(app, input.flow, params.responseType);
    if (reason !== undefined) throw refuse('flow', `${input.flow} cannot run for ${app.label}: ${reason}`);
    if (isBrowserFlow(input.flow) && !(app.document.oauth.redirect_uris ?? []).includes(params.redirectUri))
      throw refuse('redirectUri', `${app.label} does not list ${params.redirectUri} as a sign-in redirect URI`);
    const secrets: FlowRunRecord['secrets'] = {};
    if (input.flow === 'password') {
      if (input.username === undefined) throw refuse('username', 'the password flow needs a username');
      secrets.password = input.password ?? '';
    }
    if (input.flow === 'refresh') {
      // The same client goes on: a public client's DPoP-bound refresh token needs proofs by its key (RFC 9449 §5).
      const { dpopKey } = this.refreshSource(input.refreshFrom, app.id).secrets;
      if (dpopKey !== undefined) secrets.dpopKey = dpopKey;
    }
    const now = this.deps.clock.now();
    const run: FlowRunRecord = {
      id: this.deps.crypto.randomId('run'),
      flow: input.flow,
      serverId: server.id,
      appId: app.id,
      clientId: app.clientId,
      appLabel: app.label,
      origin: origins.http,
      params,
      status: 'ready',
      error: null,
      created: now,
      lastUpdated: now,
      next: [...FLOW_STEPS[input.flow]],
      authorizeUrl: null,
      device: null,
      nextPollAt: null,
      steps: [],
      tokens: {},
      checks: [],
      secrets,
      discovery: null,
      jwks: null,
    };
    this.deps.runs.insert(run);
    return run;
  }

  /** A new run with the same server, app, flow and parameters. @throws NotFound */
  again(id: string, origins: RunOrigins): FlowRunRecord {
    const run = this.get(id);
    const { redirectUri: _redirectUri, ...params } = run.params;
    return this.create(
      {
        serverId: run.serverId,
        appId: run.appId,
        flow: run.flow,
        ...params,
        ...(run.secrets.password !== undefined ? { password: run.secrets.password } : {}),
      },
      origins,
    );
  }

  /** Runs the next step, or every step up to a wait (the callback, the next poll) or the end. @throws NotFound, ValidationFailed, Refused */
  async advance(id: string, body: unknown): Promise<FlowRunRecord> {
    const { to } = valid(validateAdvance(body)) as Required<AdvanceInput>;
    const run = this.get(id);
    this.refuseUnlessAdvanceable(run);
    do {
      await this.step(run);
    } while (to === 'end' && run.status === 'ready');
    return run;
  }

  /** Records what the sign-in window's redirect delivered and moves past `callback`. @throws NotFound, ValidationFailed, Refused */
  async deliverCallback(id: string, body: unknown): Promise<FlowRunRecord> {
    const input = valid(validateCallback(body)) as CallbackInput;
    const run = this.get(id);
    if (run.next[0] !== 'callback')
      throw refuse('run', `run ${run.id} is not waiting for a callback (it is ${run.status})`);
    let parsed;
    try {
      parsed = parseCallback(input);
    } catch (error) {
      throw refuse('url', (error as Error).message);
    }
    const { params } = parsed;
    const url = 'url' in input ? input.url : run.params.redirectUri;
    const authorizeEvent = this.deps.events
      .list({ clientId: run.clientId, endpoint: 'authorize', limit: 1 })
      .find((event) => event.time >= run.created);
    run.secrets.returnedState = params.state;
    if (params.code !== undefined) run.secrets.code = params.code;
    const front: FlowRunRecord['tokens'] = {};
    if (params.id_token) front.id_token = params.id_token;
    if (params.access_token) front.access_token = params.access_token;
    if (params.token_type) front.token_type = params.token_type;
    if (params.expires_in) front.expires_in = Number(params.expires_in);
    if (params.scope) front.scope = params.scope;
    run.secrets.frontChannel = front;
    const error = params.error;
    run.steps.push({
      name: 'callback',
      title: `Callback (${parsed.source === 'form_post' ? 'form_post' : parsed.source})`,
      at: this.deps.clock.now().toISOString(),
      exchange: {
        request:
          parsed.source === 'form_post'
            ? {
                method: 'POST',
                url,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: formEncode(params),
              }
            : { method: 'GET', url, headers: {} },
      },
      note: error ? `${error}: ${params.error_description ?? ''}`.trim() : describeCallback(params),
      ok: !error,
      eventIds: authorizeEvent ? [authorizeEvent.id] : [],
    });
    run.next.shift();
    if (error) {
      run.status = 'failed';
      run.error = `the authorization server answered ${error}${params.error_description ? `: ${params.error_description}` : ''}`;
    } else {
      run.tokens = { ...front };
      run.status = 'ready';
      if (run.next.length === 0) await this.judge(run);
    }
    this.save(run);
    return run;
  }

  /** A follow-up request on a finished run's tokens (UserInfo, Introspect, Revoke, Refresh). @throws NotFound, ValidationFailed, Refused */
  async followUp(id: string, body: unknown): Promise<FlowRunRecord> {
    const input = valid(validateFollowUp(body));
    const run = this.get(id);
    if (run.status !== 'finished') throw refuse('run', `run ${run.id} has not finished (it is ${run.status})`);
    const app = this.deps.apps.get(run.appId);
    try {
      await runFollowUp(this.stepDeps(), run, app, input.kind as FollowUp, input.token);
    } catch (error) {
      throw refuse('token', (error as Error).message);
    }
    if (input.kind === 'refresh') await this.judge(run);
    this.save(run);
    return run;
  }

  get(id: string): FlowRunRecord {
    const run = this.deps.runs.get(id);
    if (!run) throw new NotFound(id, 'FlowRun');
    return run;
  }

  list(): FlowRunSummaryDto[] {
    return this.deps.runs.list(MAX_RUNS_LISTED).map(summaryOf);
  }

  delete(id: string): void {
    if (!this.deps.runs.delete(id)) throw new NotFound(id, 'FlowRun');
  }

  /** The kept run whose step sent the request the event `eventId` records (the Event Log links back to it). */
  runOfEvent(eventId: string): string | undefined {
    return this.deps.runs.runOfEvent(eventId);
  }

  /** The run as the API answers it: masked unless `reveal`, with each step's events read from the log. */
  present(run: FlowRunRecord, reveal: boolean): FlowRunDto {
    return presentRun(run, reveal, (eventId) => {
      try {
        return this.deps.events.get(eventId);
      } catch {
        return undefined;
      }
    });
  }

  private refuseUnlessAdvanceable(run: FlowRunRecord): void {
    if (run.status === 'finished' || run.status === 'failed')
      throw refuse('run', `run ${run.id} is ${run.status}; use Run again for a new one`);
    if (run.next[0] === 'callback')
      throw refuse('run', `run ${run.id} waits for the callback from the sign-in window at ${run.params.redirectUri}`);
    if (run.nextPollAt !== null && run.nextPollAt > this.deps.clock.now())
      throw refuse('run', `run ${run.id} may poll again at ${run.nextPollAt.toISOString()} (the server's interval)`);
  }

  private async step(run: FlowRunRecord): Promise<void> {
    const name = run.next[0];
    if (name === undefined) {
      await this.judge(run);
      this.save(run);
      return;
    }
    const app = this.deps.apps.get(run.appId);
    const source = run.flow === 'refresh' ? this.refreshSource(run.params.refreshFrom, app.id) : undefined;
    await runStep(this.stepDeps(), run, app, name, source?.tokens.refresh_token);
    if (run.status === 'ready' && run.next.length === 0) await this.judge(run);
    this.save(run);
  }

  /** The client checks over what the run holds; the run finishes with them. */
  private async judge(run: FlowRunRecord): Promise<void> {
    const discovery = run.discovery ?? {};
    const tokenStep = [...run.steps].reverse().find((step) => step.name === 'token' || step.name === 'poll');
    run.checks = await clientChecks(this.deps.crypto, {
      clientId: run.clientId,
      now: this.deps.clock.now(),
      issuer: typeof discovery.issuer === 'string' ? discovery.issuer : undefined,
      algorithms: (discovery.id_token_signing_alg_values_supported as string[] | undefined) ?? [],
      jwks: run.jwks,
      sentState: isBrowserFlow(run.flow) ? run.params.state : undefined,
      returnedState: run.secrets.returnedState,
      sentNonce: run.params.nonce,
      frontChannel: run.secrets.frontChannel,
      code: run.secrets.code,
      responseType: run.params.responseType,
      pkceSent: run.secrets.codeVerifier !== undefined,
      tokenExchange: tokenStep ? { ok: tokenStep.ok, error: tokenStep.note } : undefined,
      tokens: run.tokens,
    });
    run.status = 'finished';
  }

  private stepDeps() {
    const { http, events, crypto, clock, dpop } = this.deps;
    return { http, events, crypto, clock, dpop };
  }

  private refreshSource(runId: string | undefined, appId: string): FlowRunRecord {
    if (runId === undefined) throw refuse('refreshFrom', 'the Refresh Token flow needs an earlier run (refreshFrom)');
    const source = this.deps.runs.get(runId);
    if (!source) throw refuse('refreshFrom', `no run ${runId}`);
    if (source.appId !== appId) throw refuse('refreshFrom', `run ${runId} belongs to another app`);
    if (!source.tokens.refresh_token) throw refuse('refreshFrom', `run ${runId} holds no refresh token`);
    return source;
  }

  private paramsOf(input: ValidFlowRunInput, app: AppRecord, uiOrigin: string): RunParams {
    const browser = isBrowserFlow(input.flow);
    const responseType = browser ? (input.responseType ?? FLOW_RESPONSE_TYPES[input.flow]![0]!) : undefined;
    if (browser && !FLOW_RESPONSE_TYPES[input.flow]!.includes(responseType!))
      throw refuse('responseType', `${input.flow} takes ${FLOW_RESPONSE_TYPES[input.flow]!.join(', ')}`);
    const openid = responseType?.includes('id_token') ?? false;
    const params: RunParams = {
      scopes:
        input.scopes ?? (browser || input.flow === 'password' || input.flow === 'device' ? ['openid', 'profile'] : []),
      clientAuth: input.clientAuth ?? defaultClientAuth(app),
      redirectUri: redirectUriOf(uiOrigin),
    };
    if (openid && !params.scopes.includes('openid')) throw refuse('scopes', `${responseType} needs the openid scope`);
    if (browser) {
      params.responseType = responseType!;
      params.state = input.state ?? this.deps.crypto.randomId('', 16);
      params.nonce = input.nonce ?? (params.scopes.includes('openid') ? this.deps.crypto.randomId('', 16) : undefined);
      if (params.nonce === undefined) delete params.nonce;
      if (input.flow === 'code-pkce') params.pkceMethod = input.pkceMethod ?? 'S256';
    }
    if (input.responseMode !== undefined) params.responseMode = input.responseMode;
    if (input.prompt !== undefined) params.prompt = input.prompt;
    if (input.maxAge !== undefined) params.maxAge = input.maxAge;
    if (input.loginHint !== undefined) params.loginHint = input.loginHint;
    if (input.username !== undefined) params.username = input.username;
    if (input.refreshFrom !== undefined) params.refreshFrom = input.refreshFrom;
    if (params.clientAuth !== 'none' && app.clientSecret === null)
      throw refuse('clientAuth', `${app.label} is a public client; it authenticates with none`);
    return params;
  }

  private save(run: FlowRunRecord): void {
    run.lastUpdated = this.deps.clock.now();
    this.deps.runs.update(run);
  }
}

/** How the app authenticates at the token endpoint, as far as the runner can (no private_key_jwt). */
function defaultClientAuth(app: AppRecord): RunParams['clientAuth'] {
  if (app.clientSecret === null) return 'none';
  return app.authMethod === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic';
}

function describeCallback(params: Record<string, string>): string {
  const got = ['code', 'id_token', 'access_token'].filter((name) => params[name] !== undefined);
  return got.length ? `received ${got.join(', ')}` : 'no code or token in the callback';
}

export type { StepName };
