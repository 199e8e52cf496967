/**
 * HTTP client for the management API: `Authorization: SSWS <token>`, JSON in and out, Okta error
 * JSON turned into ApiError. Used in the browser and in Electron alike (DESIGN: one origin).
 */
import type { AppDto } from '../../src-main/contracts/app.js';
import type { ClaimDto } from '../../src-main/contracts/claim.js';
import type { AuthorizationServerDto, SigningKeyDto, UserDto } from '../../src-main/contracts/index.js';
import type { ClaimsPreviewDto, ClaimsPreviewRequest, ExpressionCheckDto, ExpressionPreviewDto, ExpressionPreviewRequest } from '../../src-main/contracts/index.js';
import type { ScopeDto } from '../../src-main/contracts/scope.js';
import { ApiError, apiErrorFrom, toApiError } from './api-error.js';
import type { EventFilter, ProtocolEventDto, StreamEventsOptions } from './event-dto.js';
import type { AuthorizationServerWrite, ClaimWrite, ManagementApi } from './management-api.js';
import { createSseParser } from './sse-parser.js';

export interface AuthboxClientOptions {
  /** Origin of the server; '' means the page's own origin. */
  baseUrl?: string;
  /** Read on every call, so a newly saved token takes effect at once. */
  getToken: () => string | null;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

const servers = '/api/v1/authorizationServers';
const events = '/api/sandbox/v1/events';
const sandbox = '/api/sandbox/v1';
const server = (id: string) => `${servers}/${encodeURIComponent(id)}`;
const claim = (serverId: string, claimId: string) => `${server(serverId)}/claims/${encodeURIComponent(claimId)}`;

/** The URL of `rel="next"` in an RFC 8288 Link header (Okta paging, reference §1.11). */
export function nextLink(header: string | null): string | null {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part.trim());
    if (match) return match[1] ?? null;
  }
  return null;
}

export class AuthboxClient implements ManagementApi {
  private readonly baseUrl: string;
  private readonly getToken: () => string | null;
  // Wrapped so the browser's fetch is never called with a foreign `this` ("Illegal invocation").
  private readonly fetch: (input: string, init: RequestInit) => Promise<Response>;

  constructor(options: AuthboxClientOptions) {
    this.baseUrl = options.baseUrl ?? '';
    this.getToken = options.getToken;
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  listServers() {
    return this.listAll<AuthorizationServerDto>(servers);
  }

  getServer(id: string) {
    return this.call<AuthorizationServerDto>('GET', server(id));
  }

  createServer(input: AuthorizationServerWrite) {
    return this.call<AuthorizationServerDto>('POST', servers, input);
  }

  replaceServer(id: string, input: AuthorizationServerWrite) {
    return this.call<AuthorizationServerDto>('PUT', server(id), input);
  }

  async activateServer(id: string): Promise<void> {
    await this.call('POST', `${server(id)}/lifecycle/activate`);
  }

  async deactivateServer(id: string): Promise<void> {
    await this.call('POST', `${server(id)}/lifecycle/deactivate`);
  }

  listKeys(id: string) {
    return this.call<SigningKeyDto[]>('GET', `${server(id)}/credentials/keys`);
  }

  rotateKeys(id: string) {
    return this.call<SigningKeyDto[]>('POST', `${server(id)}/credentials/lifecycle/keyRotate`, { use: 'sig' });
  }

  listEvents(filter: EventFilter = {}) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(filter)) if (value !== undefined && value !== '') query.set(name, String(value));
    const search = query.toString();
    return this.call<ProtocolEventDto[]>('GET', search ? `${events}?${search}` : events);
  }

  getEvent(id: string) {
    return this.call<ProtocolEventDto>('GET', `${events}/${encodeURIComponent(id)}`);
  }

  listClaims(serverId: string) {
    return this.listAll<ClaimDto>(`${server(serverId)}/claims`);
  }

  createClaim(serverId: string, input: ClaimWrite) {
    return this.call<ClaimDto>('POST', `${server(serverId)}/claims`, input);
  }

  replaceClaim(serverId: string, claimId: string, input: ClaimWrite) {
    return this.call<ClaimDto>('PUT', claim(serverId, claimId), input);
  }

  async deleteClaim(serverId: string, claimId: string): Promise<void> {
    await this.call('DELETE', claim(serverId, claimId));
  }

  listScopes(serverId: string) {
    return this.listAll<ScopeDto>(`${server(serverId)}/scopes`);
  }

  listUsers() {
    return this.listAll<UserDto>('/api/v1/users');
  }

  listApps() {
    return this.listAll<AppDto>('/api/v1/apps');
  }

  checkExpression(expression: string) {
    return this.call<ExpressionCheckDto>('POST', `${sandbox}/expressions/check`, { expression });
  }

  previewExpression(request: ExpressionPreviewRequest) {
    return this.call<ExpressionPreviewDto>('POST', `${sandbox}/expressions/evaluate`, request);
  }

  previewClaims(serverId: string, request: ClaimsPreviewRequest) {
    return this.call<ClaimsPreviewDto>('POST', `${sandbox}/authorizationServers/${encodeURIComponent(serverId)}/claims/preview`, request);
  }

  /**
   * Follows `GET /events/stream` until the server ends it (resolves), it fails (rejects with an
   * ApiError), or `signal` aborts (resolves). Read with fetch, not EventSource, for the SSWS header.
   */
  async streamEvents({ after, signal, onOpen, onEvent }: StreamEventsOptions): Promise<void> {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    const token = this.getToken();
    if (token) headers['authorization'] = `SSWS ${token}`;
    const url = `${this.baseUrl}${events}/stream${after ? `?after=${encodeURIComponent(after)}` : ''}`;
    try {
      const response = await this.fetch(url, { method: 'GET', headers, signal });
      if (!response.ok || !response.body) throw apiErrorFrom(response.status, await readBody(response), response.statusText);
      onOpen?.();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parser = createSseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const message of parser.push(value)) {
          if (message.event === 'protocol') onEvent(JSON.parse(message.data) as ProtocolEventDto);
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      throw toApiError(error);
    }
  }

  /** Every page of a list: 200 a page, following `rel="next"` to the end (reference §1.11). */
  private async listAll<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    let url: string | null = `${path}?limit=200`;
    while (url) {
      const { body, response } = await this.send<T[]>('GET', url);
      all.push(...body);
      url = nextLink(response.headers.get('link'));
    }
    return all;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.send<T>(method, path, body)).body;
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
      response = await this.fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      parsed = await readBody(response);
    } catch (error) {
      throw toApiError(error);
    }
    if (!response.ok) throw apiErrorFrom(response.status, parsed, response.statusText);
    if (typeof parsed === 'string') throw new ApiError(response.status, null, `Expected JSON from ${method} ${pathOrUrl}, got something else`);
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
