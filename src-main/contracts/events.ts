/**
 * A protocol event as the sandbox API sends it (`/api/sandbox/v1/events`): every field, `time` in
 * ISO 8601, the wire error, the private `detail` (this API serves the developer and the UI, never
 * an OAuth client) and the decision trace. Shared by the server's presenter and the renderer.
 */
import type { DecisionTrace } from './trace.js';

export type EventOutcome = 'success' | 'failure';

/**
 * The endpoints that record events: the protocol endpoints (each answers through
 * `http/oauth/protocol-endpoint.ts`) and `storage`, the event a storage failure leaves once the store
 * can write again (`app/create-app.ts`).
 */
export const EVENT_ENDPOINTS = [
  'authorize',
  'token',
  'introspect',
  'revoke',
  'userinfo',
  'logout',
  'device/authorize',
  'device',
  'storage',
] as const;

export interface ProtocolEventDto {
  id: string;
  time: string;
  endpoint: string;
  serverId: string | null;
  clientId: string | null;
  userId: string | null;
  grantType: string | null;
  outcome: EventOutcome;
  error: string | null;
  errorDescription: string | null;
  /** The private reason behind an error; the OAuth client never sees it. */
  detail: string | null;
  trace: DecisionTrace | null;
  /** The app's label and the user's login, looked up when the event is read (null once deleted). */
  appName: string | null;
  userLogin: string | null;
  /** The request and the response as they went over the wire, secrets masked and tokens shortened. */
  exchange: EventExchange | null;
  /** The `jti` of every JWT the request presented or the response issued. */
  jtis: string[];
  /** The token family the request's tokens belong to (an authorization code's id is its family's id). */
  familyId: string | null;
  /**
   * The Flow Runner run whose step sent this request (null when no kept run did). A run links its
   * events once the step is saved, so an event streamed live may say null until it is read again.
   */
  runId: string | null;
}

/** One captured protocol exchange (`http/oauth/exchange.ts` builds it). */
export interface EventExchange {
  request: ExchangeRequest;
  response: ExchangeResponse;
}

export interface ExchangeRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  query: Record<string, string>;
  /** The `application/x-www-form-urlencoded` body of a POST, when it had one. */
  form: Record<string, string>;
  /** Only the headers that matter to OAuth (`authorization` masked, `origin`, `content-type`, `dpop` shortened). */
  headers: Record<string, string>;
}

export interface ExchangeResponse {
  status: number;
  /** The JSON body with tokens shortened; null for a page (HTML). */
  body: unknown;
  /** Where a redirect went (`location`), codes and tokens in it masked or shortened. */
  location?: string;
  /**
   * The JWTs the response issued (in its body or its redirect), whole, so the Token Inspector can
   * open them. Kept with the event; the sandbox API sends them only when one event is read with
   * `reveal=true`, never in a list or the stream.
   */
  tokens?: IssuedJwts;
}

/** The JWTs a response issued, by the parameter that carried them. */
export interface IssuedJwts {
  access_token?: string;
  id_token?: string;
}

/** `GET /api/sandbox/v1/events/{id}?reveal=true` sends the issued JWTs whole (`exchange.response.tokens`). */
export interface EventReadQuery {
  reveal?: 'true' | 'false';
}
