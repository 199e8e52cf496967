/**
 * What one entry of the route map (`routes.ts`) says about an HTTP route: its method, its path
 * template (`:name` segments, as fastify writes them), the body schema, and the types of its query
 * and answer. The server registers its handlers by these entries and the renderer's client builds
 * its requests from them, so a URL or a body shape is written once.
 */
import type { z } from 'zod';
import type { LazySchema } from './lazy-schema.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A type that an entry carries for the compiler only; at run time it is an empty object. */
export interface Shape<T> {
  readonly __shape?: T;
}

export const shape = <T>(): Shape<T> => ({});

/** Okta paging (`limit` and `after` in, a `Link` header with `rel="next"` out): the default and largest page. */
export interface Paging {
  defaultLimit: number;
  maxLimit: number;
}

export interface RouteDef {
  method: HttpMethod;
  path: string;
  /**
   * The zod schema the server validates the body with (or a `LazySchema`, built on first use), or the
   * body's type where the check is not a schema.
   */
  body?: z.ZodType | LazySchema | Shape<unknown>;
  query?: Shape<unknown>;
  /** The JSON answer; for a stream, the data of one message. */
  response: Shape<unknown>;
  paging?: Paging;
  /** `sse`: the answer is a Server-Sent Events stream (WHATWG HTML §9.2), not one JSON document. */
  stream?: 'sse';
  /** For a stream: the `event` name of its messages (others, such as comments, are not data). */
  event?: string;
  /** The largest body in bytes, where it differs from the server's 1 MiB. */
  bodyLimit?: number;
}

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** `{ id: string; claimId: string }` for `/authorizationServers/:id/claims/:claimId`. */
export type ParamsOf<R extends RouteDef> = { [K in ParamNames<R['path']>]: string };

export type BodyOf<R extends RouteDef> = R extends { body: infer B }
  ? B extends z.ZodType
    ? z.input<B>
    : B extends LazySchema<infer S>
      ? z.input<S>
      : B extends Shape<infer T>
        ? T
        : never
  : undefined;

export type QueryOf<R extends RouteDef> = R extends { query: Shape<infer T> } ? T : undefined;

export type ResponseOf<R extends RouteDef> = R['response'] extends Shape<infer T> ? T : never;

export type PagedRoute = RouteDef & { paging: Paging };
export type StreamRoute = RouteDef & { stream: 'sse'; event: string };

/** The path with its `:name` segments filled in, each value percent-encoded. */
export function pathOf(route: RouteDef, params: Record<string, string>): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_segment, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route.method} ${route.path} needs the path parameter '${name}'`);
    return encodeURIComponent(value);
  });
}
