/**
 * What the renderer can ask the server, derived from the route map (`contracts/routes.ts`): a
 * route, its path parameters, its body and query, typed by the entry. Slices depend on this
 * interface, so tests can hand them a fake instead of the HTTP client.
 */
import type {
  BodyOf,
  PagedRoute,
  ParamsOf,
  QueryOf,
  ResponseOf,
  RouteDef,
  StreamRoute,
} from '../../src-main/contracts/routes.js';
import type { routes } from '../../src-main/contracts/routes.js';

type BodyArg<R extends RouteDef> = R extends { body: unknown } ? [body: BodyOf<R>] : [];
type QueryArg<R extends RouteDef> = R extends { query: unknown } ? [query?: QueryOf<R>] : [];

/** `(params)`, then the body if the route takes one, then the query if it has one. */
export type CallArgs<R extends RouteDef> = [params: ParamsOf<R>, ...BodyArg<R>, ...QueryArg<R>];

export interface StreamOptions<R extends StreamRoute> {
  query?: QueryOf<R>;
  /** Aborting ends the stream; the returned promise then resolves. */
  signal: AbortSignal;
  /** Called once the server has answered 200 and the stream is open. */
  onOpen?: () => void;
  onMessage: (data: ResponseOf<R>) => void;
}

export interface ApiClient {
  /** One request; rejects with an ApiError when the call fails. */
  call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>>;
  /** Every page of a paged list, the route's largest page at a time, following `rel="next"`. */
  list<R extends PagedRoute>(route: R, params: ParamsOf<R>, query?: QueryOf<R>): Promise<ResponseOf<R>>;
  /** Follows a stream until the server ends it (resolves), it fails (rejects with an ApiError), or the signal aborts (resolves). */
  stream<R extends StreamRoute>(route: R, params: ParamsOf<R>, options: StreamOptions<R>): Promise<void>;
}

/** The bodies the forms send, as the route map types them. */
export type AuthorizationServerWrite = BodyOf<typeof routes.createServer>;
export type ClaimWrite = BodyOf<typeof routes.createClaim>;
export type AppWrite = BodyOf<typeof routes.createApp>;
