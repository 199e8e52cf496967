/**
 * HTTP client of the route map (management and sandbox APIs): `Authorization: SSWS <token>`, JSON
 * in and out, Okta error JSON turned into ApiError. Used in the browser and in Electron alike
 * (DESIGN: one origin).
 */
import { pathOf } from '../../src-main/contracts/routes.js';
import type {
  PagedRoute,
  ParamsOf,
  QueryOf,
  ResponseOf,
  RouteDef,
  StreamRoute,
} from '../../src-main/contracts/routes.js';
import type { ApiClient, CallArgs, StreamOptions } from './api-client.js';
import { ApiError, apiErrorFrom, toApiError } from './api-error.js';
import { createSseParser } from './sse-parser.js';

export interface AuthboxClientOptions {
  /** Origin of the server; '' means the page's own origin. */
  baseUrl?: string;
  /** Read on every call, so a newly saved token takes effect at once. */
  getToken: () => string | null;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** The URL of `rel="next"` in an RFC 8288 Link header (Okta paging, Okta "Design principles" (Pagination)). */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1] ?? null;
  }
  return null;
}

/** The route's path with its parameters, and the query members that are set. */
function urlOf(route: RouteDef, params: Record<string, string>, query: object | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `${pathOf(route, params)}?${text}` : pathOf(route, params);
}

export class AuthboxClient implements ApiClient {
  private readonly baseUrl: string;
  private readonly getToken: () => string | null;
  // Wrapped so the browser's fetch is never called with a foreign `this` ("Illegal invocation").
  private readonly fetch: (input: string, init: RequestInit) => Promise<Response>;

  constructor(options: AuthboxClientOptions) {
    this.baseUrl = options.baseUrl ?? '';
    this.getToken = options.getToken;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
    const [params, ...rest] = args;
    const body = 'body' in route ? rest[0] : undefined;
    const query = ('body' in route ? rest[1] : rest[0]) as object | undefined;
    return (await this.send<ResponseOf<R>>(route.method, urlOf(route, params, query), body)).body;
  }

  /** Every page of a list: the largest page a time, following `rel="next"` to the end (Okta "Design principles" (Pagination)). */
  async list<R extends PagedRoute>(route: R, params: ParamsOf<R>, query?: QueryOf<R>): Promise<ResponseOf<R>> {
    const all: unknown[] = [];
    let url: string | null = urlOf(route, params, { ...(query ?? {}), limit: route.paging.maxLimit });
    while (url) {
      const { body, response } = await this.send<unknown[]>('GET', url);
      all.push(...body);
      url = nextLink(response.headers.get('link'));
    }
    return all as ResponseOf<R>;
  }

  /** Read with fetch, not EventSource, for the SSWS header. */
  async stream<R extends StreamRoute>(
    route: R,
    params: ParamsOf<R>,
    { query, signal, onOpen, onMessage }: StreamOptions<R>,
  ): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const token = this.getToken();
    if (token) headers['authorization'] = `SSWS ${token}`;
    const url = `${this.baseUrl}${urlOf(route, params, query as object | undefined)}`;
    try {
      const response = await this.fetch(url, { method: route.method, headers, signal });
      if (!response.ok || !response.body)
        throw apiErrorFrom(response.status, await readBody(response), response.statusText);
      onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = createSseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const message of parser.push(value)) {
          if (message.event === route.event) onMessage(JSON.parse(message.data) as ResponseOf<R>);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      throw toApiError(error);
    }
  }

  private async send<T>(method: string, pathOrUrl: string, body?: unknown): Promise<{ body: T; response: Response }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = this.getToken();
    if (token) headers['authorization'] = `SSWS ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const url = /^https?:/.test(pathOrUrl) ? pathOrUrl : `${this.baseUrl}${pathOrUrl}`;
    let response: Response;
    let parsed: unknown;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      parsed = await readBody(response);
    } catch (error) {
      throw toApiError(error);
    }
    if (!response.ok) throw apiErrorFrom(response.status, parsed, response.statusText);
    if (typeof parsed === 'string')
      throw new ApiError(response.status, null, `Expected JSON from ${method} ${pathOrUrl}, got something else`);
    return { body: parsed as T, response };
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError(response.status, null, `The server sent malformed JSON (HTTP ${response.status})`);
    }
  }
  return text;
}
