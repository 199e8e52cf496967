/**
 * The token endpoint's body (RFC 6749 §3.2, §3.1): `application/x-www-form-urlencoded`, each
 * parameter at most once; a parameter sent without a value counts as omitted. The oauth routes
 * take every body as text so that a wrong body is an OAuth error, never a management API one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';

const FORM = 'application/x-www-form-urlencoded';

/** Scoped to the plugin it is called in: the management API stays JSON-only. */
export function acceptRawBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

export function parseForm(request: FastifyRequest): Record<string, string> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FORM)
    throw new InvalidRequest(`The request body must be ${FORM}.`, `Content-Type was '${type || 'none'}'`);
  const body = typeof request.body === 'string' ? request.body : '';
  const params: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(body)) {
    if (seen.has(name))
      throw new InvalidRequest(`The '${name}' parameter must not be repeated.`, `'${name}' appears more than once`);
    seen.add(name);
    if (value !== '') params[name] = value;
  }
  return params;
}
