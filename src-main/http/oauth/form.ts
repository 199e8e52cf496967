/**
 * The parameters of a protocol request: the query string (RFC 6749 §3.1) or an
 * `application/x-www-form-urlencoded` body (RFC 6749 §3.2), each parameter at most once; a
 * parameter sent without a value counts as omitted. The oauth routes take every body as text so
 * that a wrong body is an OAuth error, never a management API one.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InvalidRequest } from '../../core/protocol/oauth-errors.js';

const FORM = 'application/x-www-form-urlencoded';

/** What a sign-in, consent or device form that does not carry this browser's CSRF token (or names no live request) is refused with. */
export const FORM_EXPIRED =
  'This sign-in form has expired or was not sent by this browser. Go back to the application and start again.';

/** Scoped to the plugin it is called in: the management API stays JSON-only. */
export function acceptRawBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
}

function uniqueParams(encoded: string): Record<string, string> {
  const params: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(encoded)) {
    if (seen.has(name))
      throw new InvalidRequest(`The '${name}' parameter must not be repeated.`, `'${name}' appears more than once`);
    seen.add(name);
    if (value !== '') params[name] = value;
  }
  return params;
}

export function parseForm(request: FastifyRequest): Record<string, string> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== FORM)
    throw new InvalidRequest(`The request body must be ${FORM}.`, `Content-Type was '${type || 'none'}'`);
  return uniqueParams(typeof request.body === 'string' ? request.body : '');
}

export function queryParams(request: FastifyRequest): Record<string, string> {
  return uniqueParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '');
}

/** The form of a POST, the query string otherwise (authorize, logout and the device pages take both). */
export function methodParams(request: FastifyRequest): Record<string, string> {
  return request.method === 'POST' ? parseForm(request) : queryParams(request);
}
