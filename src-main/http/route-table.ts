/**
 * Registers an endpoint as a table of verbs. Every verb the table does not list answers 405
 * in the surface's own error format (Okta E0000022 on the management API). The management and
 * sandbox APIs build their tables from the route map (`contracts/routes.ts`) with `registerRoutes`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { ParamsOf, RouteDef } from '../contracts/routes.js';

const VERBS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
type Verb = (typeof VERBS)[number];

/** Route config flag of the verbs a table does not list (they only answer 405), for route listings. */
export const VERB_NOT_ALLOWED = 'verbNotAllowed';

export type VerbTable = Partial<Record<Verb, RouteHandlerMethod>>;
/** Per verb, a body limit other than the server's. */
export type BodyLimits = Partial<Record<Verb, number>>;

export function endpoint(
  app: FastifyInstance,
  url: string,
  table: VerbTable,
  notAllowed: (request: FastifyRequest, reply: FastifyReply) => unknown,
  bodyLimits: BodyLimits = {},
): void {
  for (const verb of VERBS) {
    const handler = table[verb];
    if (!handler) continue;
    const bodyLimit = bodyLimits[verb];
    app.route({
      method: verb,
      url,
      handler,
      config: { [VERB_NOT_ALLOWED]: false },
      ...(bodyLimit === undefined ? {} : { bodyLimit }),
    });
  }
  // The other verbs share one route: each route costs fastify its own context and hooks at start-up.
  const others = VERBS.filter((verb) => !table[verb]);
  if (others.length) app.route({ method: others, url, handler: notAllowed, config: { [VERB_NOT_ALLOWED]: true } });
}

/** A handler whose `request.params` has the route's path parameters. */
export type RouteHandler<R extends RouteDef> = (
  request: FastifyRequest<{ Params: ParamsOf<R> }>,
  reply: FastifyReply,
) => unknown;

/** A route-map entry with the handler that serves it. */
export interface BoundRoute {
  route: RouteDef;
  handler: RouteHandlerMethod;
}

export const handle = <R extends RouteDef>(route: R, handler: RouteHandler<R>): BoundRoute => ({
  route,
  handler: handler as RouteHandlerMethod,
});

/**
 * Registers route-map entries on an instance mounted at `prefix` (the entries' paths are absolute):
 * one `endpoint` per path, so the verbs the map does not list for that path answer `notAllowed`.
 */
export function registerRoutes(
  app: FastifyInstance,
  prefix: string,
  bound: readonly BoundRoute[],
  notAllowed: (request: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  const tables = new Map<string, VerbTable>();
  const limits = new Map<string, BodyLimits>();
  for (const { route, handler } of bound) {
    if (!route.path.startsWith(`${prefix}/`)) throw new Error(`${route.method} ${route.path} is not under ${prefix}`);
    const url = route.path.slice(prefix.length);
    const table = tables.get(url) ?? {};
    if (table[route.method]) throw new Error(`${route.method} ${route.path} has two handlers`);
    table[route.method] = handler;
    tables.set(url, table);
    if (route.bodyLimit !== undefined) limits.set(url, { ...limits.get(url), [route.method]: route.bodyLimit });
  }
  for (const [url, table] of tables) endpoint(app, url, table, notAllowed, limits.get(url));
}
