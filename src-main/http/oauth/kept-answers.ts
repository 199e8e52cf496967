/**
 * Discovery documents and key sets answered at the node:http level, before fastify routes the
 * request: a GET or HEAD whose path and Host the route has already answered 200 at the current
 * configuration version gets the route's own answer again — its status, headers and body — from a
 * small table, or a 304 when its If-None-Match names the ETag (RFC 9110 §13.1.2). Everything else
 * (a first request, a stale entry, another method, a request with a body, a closing server) goes
 * to fastify as before. Fastify's routing, hooks and reply cost several times what the answer does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Answers kept (path × Host); oldest dropped first. */
const CAPACITY = 256;

interface Kept {
  version: number;
  /** When the answer falls due (a key set's AUTO rotation), in the server clock's milliseconds. */
  dueAt: number | undefined;
  etag: string;
  /** Name, value, name, value… as `writeHead` takes them: the route's headers in its order. */
  ok: string[];
  notModified: string[];
  /** A HEAD's 304 says its empty length, as the route's HEAD answers do (`endpoint.ts`). */
  notModifiedHead: string[];
  body: Buffer;
}

/** If-None-Match: `*` or a list of entity tags, compared weakly (RFC 9110 §13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const value = tag.trim();
    return value === '*' || value.replace(/^W\//, '') === etag;
  });
}

const keyOf = (url: string | undefined, host: string | undefined) => `${host ?? ''} ${url ?? ''}`;

function flatHeaders(reply: FastifyReply): string[] {
  const flat: string[] = [];
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) flat.push(name, String(one));
  }
  return flat;
}

export interface KeptAnswersState {
  /** The configuration version now. */
  version(): number;
  /** The server clock, in milliseconds. */
  now(): number;
  /** The Host check (`host-check.ts`): another Host is answered 421 by fastify. */
  hostAllowed(host: string): boolean;
}

export class KeptAnswers {
  private readonly answers = new Map<string, Kept>();

  constructor(private readonly state: KeptAnswersState) {}

  /**
   * Keeps the answer the route is about to send for this request's path and Host: the headers the
   * reply holds (the CORS and cache headers, the ETag), then the JSON type and the body's length,
   * as fastify writes them.
   */
  keep(
    request: FastifyRequest,
    reply: FastifyReply,
    answer: { version: number; etag: string; body: string; dueAt?: Date | null | undefined },
  ): void {
    const notModified = flatHeaders(reply);
    const body = Buffer.from(answer.body);
    const ok = [...notModified, 'content-type', JSON_TYPE, 'content-length', String(body.length)];
    const key = keyOf(request.raw.url, request.raw.headers.host);
    this.answers.delete(key);
    if (this.answers.size >= CAPACITY) this.answers.delete(this.answers.keys().next().value!);
    const dueAt = answer.dueAt ? answer.dueAt.getTime() : undefined;
    const notModifiedHead = [...notModified, 'content-length', '0'];
    this.answers.set(key, {
      version: answer.version,
      dueAt,
      etag: answer.etag,
      ok,
      notModified,
      notModifiedHead,
      body,
    });
  }

  /** Answers the request from the table and returns true, or returns false and leaves it untouched. */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    const method = request.method;
    if (method !== 'GET' && method !== 'HEAD') return false;
    const headers = request.headers;
    if (headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined) return false;
    const host = headers.host;
    if (host === undefined) return false;
    const kept = this.answers.get(keyOf(request.url, host));
    if (!kept || kept.version !== this.state.version() || !this.state.hostAllowed(host)) return false;
    if (kept.dueAt !== undefined && this.state.now() >= kept.dueAt) return false;
    if (etagMatches(headers['if-none-match'], kept.etag)) {
      response.writeHead(304, method === 'HEAD' ? kept.notModifiedHead : kept.notModified);
      response.end();
    } else {
      response.writeHead(200, kept.ok);
      // Node sends no body for HEAD (RFC 9110 §9.3.2), with the GET's Content-Length.
      response.end(kept.body);
    }
    return true;
  }
}

/**
 * Puts `kept` in front of the instance's routing: the listening server's request listener asks the
 * table first. Once the instance starts closing, every request goes to fastify (its 503).
 */
export function answerKeptFirst(app: FastifyInstance, kept: KeptAnswers): void {
  const server = app.server;
  const [routing, ...others] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (!routing || others.length > 0)
    throw new Error('the server has no single request listener to put kept answers before');
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  server.removeListener('request', routing);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (closing || !kept.answer(request, response)) routing(request, response);
  });
}
