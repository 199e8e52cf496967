/**
 * How every protocol endpoint under /oauth2/{serverId}/v1/ answers, around its own steps: find the
 * ACTIVE server (Okta's 404 E0000007 otherwise) → read the parameters → the steps → answer. Whatever
 * a step throws becomes the wire error of the endpoint's kind, and every request, answered or
 * refused, records one event with the private detail and the decision trace. The kinds:
 * - `client` (token, introspect, revoke, device/authorize): OAuth JSON (RFC 6749 §5.2), never cached
 *   (RFC 6749 §5.1: `Cache-Control: no-store`, `Pragma: no-cache`), CORS for the client's
 *   redirect-URI origins, and a client that failed `Basic` authentication challenged with
 *   `WWW-Authenticate: Basic realm="<issuer>"` (RFC 6749 §5.2, RFC 7617 §2), one realm everywhere;
 * - `bearer` (userinfo): OAuth JSON, `Cache-Control: no-store`, the same CORS, and the RFC 6750 §3
 *   `WWW-Authenticate: Bearer error="…", error_description="…"` challenge (RFC 9449 §7.1's
 *   `DPoP algs="…", error="…", error_description="…"` for a DPoP request or a bound token sent as Bearer);
 * - `page` (authorize with its sign-in and consent, the device pages, logout): HTML; an error is
 *   the error page, which never redirects (RFC 6749 §4.1.2.1).
 *
 * The event also keeps the exchange (`exchange.ts`: the request and the response, secrets masked,
 * tokens shortened) and the `jti` of every JWT that came or went.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { AppRecord } from '../../core/ports/apps.js';
import { issuerOf } from '../../core/protocol/issuer.js';
import {
  DpopBoundAsBearer,
  InvalidClient,
  InvalidDpopProof,
  OAuthError,
  ServerError,
  UseDpopNonce,
} from '../../core/protocol/oauth-errors.js';
import { DPOP_ALGS } from '../../core/protocol/dpop/dpop-text.js';
import type { DecisionTrace } from '../../core/protocol/trace.js';
import type { EventExchange } from '../../contracts/events.js';
import type { AuthorizationServerRecord } from '../../core/ports/authorization-servers.js';
import type { HttpContext } from '../context.js';
import { OktaHttpError } from '../okta-errors.js';
import { sendErrorPage } from './authorize-error-page.js';
import { oauthEndpoint } from './endpoint.js';
import { captureExchange, exchangedJtis, jtiReader } from './exchange.js';
import { acceptRawBodies, methodParams, parseForm } from './form.js';
import { activeServer, orgRoute } from './server-lookup.js';
import { ORG_SERVER_ID } from '../../contracts/authorization-server.js';
import { allowClientOrigin } from './cors.js';

export type EndpointKind = 'client' | 'bearer' | 'page';

/** What the request's event records besides its outcome; the steps fill it in as they learn it. */
export interface EventDraft {
  clientId: string | null;
  userId: string | null;
  grantType: string | null;
  trace: DecisionTrace | null;
  /** What a successful request did ('showed the sign-in page', 'inactive'). */
  note: string | null;
  /** An error the steps answered themselves (sent to the redirect URI, or a page shown again with its message). */
  error?: OAuthError | undefined;
  /** The token family the request's tokens belong to. */
  familyId?: string | undefined;
  /** The parameters a page step sent to the redirect URI (their tokens' `jti`s are recorded). */
  issued?: Record<string, string> | undefined;
}

/** One request to a protocol endpoint, as its steps see it. */
export interface ProtocolCall {
  ctx: HttpContext;
  request: FastifyRequest;
  reply: FastifyReply;
  server: AuthorizationServerRecord;
  /** The server's issuer as this request sees it (`issuerOf`). */
  issuer: string;
  params: Record<string, string>;
  event: EventDraft;
  /** The client the JSON answer is for: its redirect-URI origins may read it (CORS). */
  client?: AppRecord | undefined;
  /**
   * Records the request's event now, as answered with `body` (or with `page`, a page about to be
   * sent), so the steps can write it in the same store transaction as what the request stores (the
   * token endpoint, an authorize answered with a code); nothing is recorded after. Should that
   * transaction fail, the failure is recorded as for any other error. `jtis`: the jti of each token
   * the request just minted, by token (read from its payload otherwise).
   */
  recordAnswer(body: unknown, page?: AnswerPage, jtis?: ReadonlyMap<string, string>): void;
}

/** A page's answer as its event records it, before the page is sent. */
export interface AnswerPage {
  status: number;
  location?: string | undefined;
}

/**
 * What a page step returns once it sent its page. Not the reply itself: a reply is thenable, so an
 * async step returning it would resolve only when the response has finished, after the client.
 */
export interface PageSent {
  readonly page: 'sent';
}
const PAGE_SENT: PageSent = { page: 'sent' };
export const pageSent = (_reply: FastifyReply): PageSent => PAGE_SENT;

/** The steps' answer: a page they sent, or the body of a JSON 200 (none: an empty 200). */
export type ProtocolAnswer = PageSent | { body?: unknown };
export type ProtocolSteps = (call: ProtocolCall) => ProtocolAnswer | Promise<ProtocolAnswer>;

export interface ProtocolEndpoint {
  /** The route, `/oauth2/:serverId/v1/…`. */
  url: string;
  kind: EndpointKind;
  /** The endpoint name its events carry. */
  event: string;
  /** The grant every event of the endpoint is about (the device pages). */
  grantType?: string;
  /** `form`: the body only (RFC 6749 §3.2); `method`: the form of a POST, the query otherwise; `none`: no parameters. */
  params: 'form' | 'method' | 'none';
  verbs: { GET?: ProtocolSteps; POST?: ProtocolSteps };
}

const INTERNAL = 'The server encountered an internal error.';

interface Kind {
  headers: Record<string, string>;
  json: boolean;
  challenge: (error: OAuthError, request: FastifyRequest, issuer: string) => string | undefined;
}

/** RFC 6750 §3 and RFC 9449 §7.1: the errors a challenge carries; any other (a claim failing) has no challenge. */
const BEARER_ERRORS = new Set(['invalid_request', 'invalid_token', 'insufficient_scope', 'invalid_dpop_proof']);
const quoted = (value: string) => value.replace(/["\\]/g, '');

/** RFC 9449 §7.1: the DPoP scheme answers a request that used it, and a bound token that came as Bearer. */
function resourceChallenge(error: OAuthError, request: FastifyRequest): string | undefined {
  if (!BEARER_ERRORS.has(error.error)) return undefined;
  const params = `error="${error.error}", error_description="${quoted(error.description)}"`;
  const dpop =
    error instanceof InvalidDpopProof ||
    error instanceof DpopBoundAsBearer ||
    /^DPoP\s/i.test(request.headers.authorization?.trim() ?? '');
  return dpop ? `DPoP algs="${DPOP_ALGS.join(' ')}", ${params}` : `Bearer ${params}`;
}

const KINDS: Record<EndpointKind, Kind> = {
  client: {
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    json: true,
    challenge: (error, request, issuer) =>
      error instanceof InvalidClient && /^Basic\b/i.test(request.headers.authorization ?? '')
        ? `Basic realm="${quoted(issuer)}"`
        : undefined,
  },
  bearer: {
    headers: { 'cache-control': 'no-store' },
    json: true,
    challenge: resourceChallenge,
  },
  // The pages set their own headers (`authorize-html.ts`: no-store, strict CSP).
  page: { headers: {}, json: false, challenge: () => undefined },
};

/** Plugin scopes made by `registerProtocolEndpoints`: their endpoints need no scope of their own. */
const protocolScopes = new WeakSet<FastifyInstance>();

/**
 * One plugin scope with raw bodies for the endpoints `register` adds to it: a scope per endpoint cost
 * fastify a plugin, a child instance and its parsers each at start-up.
 */
export async function registerProtocolEndpoints(
  app: FastifyInstance,
  register: (scope: FastifyInstance) => Promise<void>,
): Promise<void> {
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    protocolScopes.add(scope);
    await register(scope);
  });
}

/**
 * Registers the endpoint for the custom servers and for the org server (`/oauth2/v1/…`), in a scope
 * with raw bodies (the one of `registerProtocolEndpoints`, or its own): the verbs and the preflight
 * (`registerProtocolCors` makes it).
 */
export async function registerProtocolEndpoint(
  app: FastifyInstance,
  ctx: HttpContext,
  endpoint: ProtocolEndpoint,
): Promise<void> {
  const add = (scope: FastifyInstance) => {
    const verb = (steps: ProtocolSteps | undefined): RouteHandlerMethod | undefined =>
      steps && ((request, reply) => answer(ctx, endpoint, steps, request, reply));
    const verbs = { GET: verb(endpoint.verbs.GET), POST: verb(endpoint.verbs.POST) };
    oauthEndpoint(scope, endpoint.url, verbs);
    oauthEndpoint(scope, orgRoute(endpoint.url), verbs);
  };
  if (protocolScopes.has(app)) return add(app);
  await app.register(async (scope) => {
    acceptRawBodies(scope);
    add(scope);
  });
}

function readParams(request: FastifyRequest, params: ProtocolEndpoint['params']): Record<string, string> {
  if (params === 'form') return parseForm(request);
  return params === 'method' ? methodParams(request) : {};
}

async function answer(
  ctx: HttpContext,
  endpoint: ProtocolEndpoint,
  steps: ProtocolSteps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const kind = KINDS[endpoint.kind];
  const serverId = (request.params as { serverId?: string }).serverId ?? ORG_SERVER_ID;
  const event: EventDraft = {
    clientId: null,
    userId: null,
    grantType: endpoint.grantType ?? null,
    trace: null,
    note: null,
  };
  let call: ProtocolCall | undefined;
  let answerRecorded = false;
  const record = (
    failure: Failure | undefined,
    status: number,
    body: unknown,
    page?: AnswerPage,
    jtis?: ReadonlyMap<string, string>,
  ) => {
    const jti = jtiReader(jtis);
    const location = page ? page.location : reply.getHeader('location');
    recordEvent(ctx, endpoint, serverId, event, failure, {
      exchange: captureExchange(request, reply, page?.status ?? status, body, event.issued, jti, location),
      jtis: exchangedJtis(request, call?.params ?? {}, body, event.issued, jti),
    });
  };
  const recordAnswer = (body: unknown, page?: AnswerPage, jtis?: ReadonlyMap<string, string>) => {
    if (kind.json) allowClientOrigin(reply, request.headers.origin, call?.client);
    record(event.error ? failureOf(event.error) : undefined, 200, body, page, jtis);
    answerRecorded = true;
  };
  void reply.headers(kind.headers);
  try {
    const server = activeServer(ctx, request);
    const issuer = issuerOf(server, ctx.origins(request));
    call = { ctx, request, reply, server, issuer, params: {}, event, recordAnswer };
    call.params = readParams(request, endpoint.params);
    const answered = await steps(call);
    if (kind.json) allowClientOrigin(reply, request.headers.origin, call.client);
    const failure = event.error ? failureOf(event.error) : undefined;
    if ('page' in answered) {
      if (!answerRecorded) record(failure, reply.statusCode, null);
      return reply;
    }
    if (!answerRecorded) record(failure, 200, answered.body ?? null);
    return answered.body === undefined ? reply.code(200).send() : reply.code(200).send(answered.body);
  } catch (thrown) {
    if (kind.json) allowClientOrigin(reply, request.headers.origin, call?.client);
    if (thrown instanceof OktaHttpError) {
      const failure = { error: thrown.errorCode, errorDescription: thrown.message, detail: null };
      record(failure, thrown.status, { errorCode: thrown.errorCode, errorSummary: thrown.message });
      throw thrown;
    }
    const error =
      thrown instanceof OAuthError ? thrown : new ServerError(INTERNAL, (thrown as Error).stack ?? String(thrown));
    const pageStatus = error instanceof ServerError ? error.status : 400;
    record(failureOf(error), kind.json ? error.status : pageStatus, kind.json ? error.toJSON() : null);
    if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    if (!kind.json) return sendErrorPage(reply, error, pageStatus);
    const challenge = call && kind.challenge(error, request, call.issuer);
    if (challenge) void reply.header('www-authenticate', challenge);
    // RFC 9449 §8: the nonce the client must put in its next proof.
    if (error instanceof UseDpopNonce) void reply.header('dpop-nonce', error.nonce);
    return reply.code(error.status).send(error.toJSON());
  }
}

interface Failure {
  error: string;
  errorDescription: string;
  detail: string | null;
}

const failureOf = (error: OAuthError): Failure => ({
  error: error.error,
  errorDescription: error.description,
  detail: error.detail ?? null,
});

/** One event per protocol request; the 404 of an unknown or inactive server is recorded with Okta's error code. */
function recordEvent(
  ctx: HttpContext,
  endpoint: ProtocolEndpoint,
  serverId: string,
  event: EventDraft,
  failure: Failure | undefined,
  captured: { exchange: EventExchange; jtis: string[] },
): void {
  ctx.services.events.record({
    endpoint: endpoint.event,
    serverId,
    clientId: event.clientId,
    userId: event.userId,
    grantType: event.grantType,
    outcome: failure ? 'failure' : 'success',
    error: failure?.error ?? null,
    errorDescription: failure?.errorDescription ?? null,
    detail: failure ? failure.detail : event.note,
    trace: event.trace,
    familyId: event.familyId ?? null,
    ...captured,
  });
}
