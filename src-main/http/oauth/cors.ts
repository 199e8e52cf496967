/**
 * CORS of every protocol endpoint, as Okta answers it, from one table (`docs/cors.md` lists it and
 * `test/integration/metadata/cors-table.test.ts` holds the server to that page):
 *
 * - `any-origin`: metadata and keys are public documents, `Access-Control-Allow-Origin: *`
 *   on the preflight and on every answer (errors included).
 * - `client-origins`: the preflight cannot know the client yet, so, as Okta, it allows any origin
 *   that is the origin of a redirect URI of some ACTIVE app (in place of Okta's trusted origins); the answer
 *   itself is held to the origins of its own client's redirect URIs (`allowClientOrigin`, and
 *   `check-origin.ts` refuses the others at /token).
 * - `navigation`: pages the browser navigates to (authorize, its sign-in and consent forms, logout,
 *   the device pages). `@okta/okta-auth-js` never fetches them (it redirects, or loads a hidden iframe),
 *   and they are not among the endpoints Okta enables CORS on: no CORS headers.
 *
 * auth-js adds `X-Okta-User-Agent-Extended` and a JSON `Content-Type` to every call, so every call is
 * preflighted; a preflight is always answered 204, with the allow headers only for allowed origins.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { AppRecord } from '../../core/ports/apps.js';
import { redirectOrigins } from '../../core/protocol/token-grants/check-origin.js';
import type { HttpContext } from '../context.js';

export type CorsPolicy = 'any-origin' | 'client-origins' | 'navigation';

export interface CorsRoute {
  /** The fastify URL pattern. */
  url: string;
  /** The verbs the endpoint serves (the others answer 405). */
  methods: readonly ('GET' | 'POST')[];
  policy: CorsPolicy;
}

const V1 = '/oauth2/:serverId/v1';

const CUSTOM_SERVER_CORS: readonly CorsRoute[] = [
  { url: '/oauth2/:serverId/.well-known/openid-configuration', methods: ['GET'], policy: 'any-origin' },
  { url: '/oauth2/:serverId/.well-known/oauth-authorization-server', methods: ['GET'], policy: 'any-origin' },
  { url: `${V1}/keys`, methods: ['GET'], policy: 'any-origin' },
  { url: `${V1}/token`, methods: ['POST'], policy: 'client-origins' },
  { url: `${V1}/introspect`, methods: ['POST'], policy: 'client-origins' },
  { url: `${V1}/revoke`, methods: ['POST'], policy: 'client-origins' },
  { url: `${V1}/device/authorize`, methods: ['POST'], policy: 'client-origins' },
  { url: `${V1}/userinfo`, methods: ['GET', 'POST'], policy: 'client-origins' },
  { url: `${V1}/authorize`, methods: ['GET', 'POST'], policy: 'navigation' },
  { url: `${V1}/authorize/sign-in`, methods: ['POST'], policy: 'navigation' },
  { url: `${V1}/authorize/consent`, methods: ['POST'], policy: 'navigation' },
  { url: `${V1}/logout`, methods: ['GET', 'POST'], policy: 'navigation' },
  { url: `${V1}/device`, methods: ['GET', 'POST'], policy: 'navigation' },
  { url: `${V1}/device/sign-in`, methods: ['POST'], policy: 'navigation' },
  { url: `${V1}/device/decision`, methods: ['POST'], policy: 'navigation' },
];

/** The org server's routes: its documents at the root of the org URL, its endpoints under `/oauth2/v1`. */
const orgUrl = (url: string) =>
  url.replace('/oauth2/:serverId/.well-known/', '/.well-known/').replace(V1, '/oauth2/v1');

/** Every protocol route: each custom server's, then the org server's with the same policies. */
export const PROTOCOL_CORS: readonly CorsRoute[] = [
  ...CUSTOM_SERVER_CORS,
  ...CUSTOM_SERVER_CORS.map((route) => ({ ...route, url: orgUrl(route.url) })),
];

/** The request headers a preflight allows: what auth-js and Okta's other SDKs send. */
export const ALLOWED_HEADERS =
  'accept, authorization, content-type, x-okta-user-agent-extended, dpop, x-requested-with';
const PREFLIGHT_MAX_AGE_SECONDS = 600;

function isRedirectOriginOfAnyApp(ctx: HttpContext, origin: string): boolean {
  const apps = ctx.services.apps.list({ limit: Number.MAX_SAFE_INTEGER });
  return apps.some((app) => app.status === 'ACTIVE' && redirectOrigins(app).has(origin.toLowerCase()));
}

/** The `Access-Control-Allow-Origin` of a preflight, or undefined for none. */
function preflightOrigin(ctx: HttpContext, policy: CorsPolicy, origin: string | undefined): string | undefined {
  if (policy === 'any-origin') return '*';
  if (policy === 'client-origins' && origin && isRedirectOriginOfAnyApp(ctx, origin)) return origin;
  return undefined;
}

function preflight(ctx: HttpContext, route: CorsRoute): RouteHandlerMethod {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const allowOrigin = preflightOrigin(ctx, route.policy, request.headers.origin);
    if (allowOrigin) {
      void reply.headers({
        'access-control-allow-origin': allowOrigin,
        'access-control-allow-methods': [...route.methods, 'OPTIONS'].join(', '),
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
      });
    }
    return reply.code(204).send();
  };
}

/** The instance decoration that holds the preflight of each row of `PROTOCOL_CORS`, by URL. */
const PREFLIGHTS = Symbol('authbox.protocolPreflights');

/**
 * Makes the preflights of every row of `PROTOCOL_CORS` (each endpoint's route serves its URL's
 * OPTIONS too: `preflightOf`) and the headers every answer of those endpoints carries (`*`, or
 * `Vary: Origin`). Call it on the root instance before any protocol route is registered: a later
 * `/oauth2/…` route without a row in the table fails the start.
 */
export function registerProtocolCors(app: FastifyInstance, ctx: HttpContext): void {
  const byUrl = new Map(PROTOCOL_CORS.map((route) => [route.url, route]));
  app.addHook('onRoute', (route) => {
    const cors = byUrl.get(route.url);
    if (!cors && route.url.startsWith('/oauth2/')) {
      throw new Error(
        `${route.url} has no CORS policy: add it to PROTOCOL_CORS (src-main/http/oauth/cors.ts) and docs/cors.md`,
      );
    }
    // Each route of the table gets its policy's hook (its preflight too), run after the Host check.
    const hook = cors && ANSWER_HEADERS[cors.policy];
    if (hook) route.onRequest = [hook, ...[route.onRequest ?? []].flat()];
  });
  app.decorate(PREFLIGHTS, new Map(PROTOCOL_CORS.map((route) => [route.url, preflight(ctx, route)])));
}

/**
 * The OPTIONS handler of a protocol URL, made by `registerProtocolCors` on `app` or an instance it
 * contains. A route of its own per preflight cost fastify a context and hooks each at start-up
 * (30 of the 67 routes a start registered).
 */
export function preflightOf(app: FastifyInstance, url: string): RouteHandlerMethod | undefined {
  return (app as unknown as Record<symbol, Map<string, RouteHandlerMethod> | undefined>)[PREFLIGHTS]?.get(url);
}

type HeaderHook = (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;

/** The header every answer of a policy's endpoints carries (a callback hook: no promise per request). */
const ANSWER_HEADERS: Record<CorsPolicy, HeaderHook | undefined> = {
  'any-origin': (_request, reply, done) => {
    void reply.header('access-control-allow-origin', '*');
    done();
  },
  'client-origins': (_request, reply, done) => {
    void reply.header('vary', 'Origin');
    done();
  },
  navigation: undefined,
};

/**
 * The answer headers a browser DPoP client must read (RFC 9449 §8 and §7.1): the nonce to put in its
 * next proof, and the challenge of a refused resource request (`@okta/okta-auth-js` reads both).
 */
export const EXPOSED_HEADERS = 'DPoP-Nonce, WWW-Authenticate';

/**
 * On an answer of a `client-origins` endpoint: the origin may read it when it is one of its
 * client's redirect-URI origins. Endpoints call it once the client is known, on success and error.
 */
export function allowClientOrigin(
  reply: FastifyReply,
  origin: string | undefined,
  client: AppRecord | undefined,
): void {
  if (origin && client && redirectOrigins(client).has(origin.toLowerCase()))
    void reply.headers({ 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS });
}
