/**
 * Compares the route map (`src-main/contracts/routes.ts`) with the routes a server registered:
 * every entry must be served, and every `/api` route served must be an entry. A problem names the
 * route: `GET /api/v1/authorizationServers/:id is in the route map but not registered`.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { RouteDef } from '../../../src-main/contracts/routes.js';
import { VERB_NOT_ALLOWED } from '../../../src-main/http/route-table.js';

export interface RegisteredRoute {
  method: string;
  url: string;
}

const API = /^\/api\//;

/** What is wrong between `map` and `registered`; empty when they agree. */
export function routeMapProblems(map: Record<string, RouteDef>, registered: readonly RegisteredRoute[]): string[] {
  const key = (method: string, url: string) => `${method} ${url}`;
  const served = new Set(registered.map((r) => key(r.method, r.url)));
  const mapped = new Set(Object.values(map).map((r) => key(r.method, r.path)));
  const problems: string[] = [];
  for (const [name, route] of Object.entries(map)) {
    if (!served.has(key(route.method, route.path)))
      problems.push(`${key(route.method, route.path)} (${name}) is in the route map but not registered`);
  }
  for (const route of registered) {
    // A catch-all (`/api/*`) answers unknown paths; it is no route of the map.
    if (!API.test(route.url) || route.url.includes('*')) continue;
    if (!mapped.has(key(route.method, route.url)))
      problems.push(`${key(route.method, route.url)} is registered but not in the route map`);
  }
  return problems;
}

/** The routes with a handler of their own: not the HEAD twins fastify adds, nor the 405 answers of a verb table. */
function servedRoutes(options: RouteOptions): RegisteredRoute[] {
  if ((options.config as Record<string, unknown> | undefined)?.[VERB_NOT_ALLOWED] === true) return [];
  const methods = Array.isArray(options.method) ? options.method : [options.method];
  return methods.filter((method) => method !== 'HEAD').map((method) => ({ method, url: options.url }));
}

/**
 * Runs `start` (which creates one fastify instance, such as `createApp`) and collects every route
 * that instance registers, through fastify's `onRoute` hook, attached as the instance is created
 * (fastify publishes each new instance on the `fastify.initialization` diagnostics channel).
 */
export async function recordRoutes<T>(start: () => Promise<T>): Promise<{ result: T; routes: RegisteredRoute[] }> {
  const routes: RegisteredRoute[] = [];
  const attach = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (options) => {
      routes.push(...servedRoutes(options));
    });
  };
  subscribe('fastify.initialization', attach);
  try {
    return { result: await start(), routes };
  } finally {
    unsubscribe('fastify.initialization', attach);
  }
}
