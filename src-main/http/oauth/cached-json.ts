/**
 * Discovery documents and key sets serialized once, not on every request: each is kept with the
 * configuration version it was built at (a write to the configuration, or a key rotation, changes the
 * version and so rebuilds it) and a strong ETag, the SHA-256 of the body (RFC 9110 §8.8.3). A request
 * whose If-None-Match names that ETag gets 304 Not Modified without a body (RFC 9110 §13.1.2, §15.4.5).
 * Each answer is also handed to `kept-answers.ts`, which answers the same request again before routing.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { JSON_TYPE, etagMatches } from './kept-answers.js';
import type { KeptAnswers } from './kept-answers.js';

/** Documents kept (server × document × the origin the request came through); oldest dropped first. */
const CAPACITY = 256;

interface Cached {
  version: number;
  body: string;
  etag: string;
}

export class CachedJson {
  private readonly bodies = new Map<string, Cached>();

  constructor(private readonly kept?: KeptAnswers) {}

  /**
   * Answers with the body kept under `key` at `version`, building and serializing it only when missing
   * or stale. `dueAt`: when the answer falls due whatever the version (a key set's next AUTO rotation).
   */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    version: number,
    build: () => unknown,
    dueAt?: Date | null,
  ): FastifyReply {
    let cached = this.bodies.get(key);
    if (!cached || cached.version !== version) {
      const body = JSON.stringify(build());
      cached = { version, body, etag: `"${createHash('sha256').update(body).digest('base64url')}"` };
      this.bodies.delete(key);
      if (this.bodies.size >= CAPACITY) this.bodies.delete(this.bodies.keys().next().value!);
      this.bodies.set(key, cached);
    }
    void reply.header('etag', cached.etag);
    this.kept?.keep(request, reply, { ...cached, dueAt });
    if (etagMatches(request.headers['if-none-match'], cached.etag)) return reply.code(304).send();
    return reply.type(JSON_TYPE).send(cached.body);
  }
}
