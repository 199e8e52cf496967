/**
 * What Fastify itself refuses — a path it cannot decode, a body over the limit, a static file the
 * UI root does not hold (`@fastify/static` answers odd paths such as `//etc/passwd`, `/%00` or an
 * absolute-URI request line with a 403 error) — leaves as a 4xx in the format of the surface the
 * path belongs to: an OAuth error JSON under `/oauth2/`, Okta's error JSON elsewhere. Never a 500,
 * never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { OktaHttpError } from './okta-errors.js';

const isOAuthPath = (url: string) => url.startsWith('/oauth2/');

/** A Fastify error caused by the request (4xx), not by the server. */
export function isRequestError(error: unknown): error is FastifyError {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const OAUTH_TEXT: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_BAD_URL: 'The request path is not a valid URL.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request content type is not supported.',
};

/** Answers a request error on an OAuth endpoint path; undefined for other paths. */
export function oauthRequestError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (!isOAuthPath(request.url)) return undefined;
  const status = error.statusCode === 403 ? 404 : (error.statusCode ?? 400);
  return reply.code(status).send({
    error: 'invalid_request',
    error_description:
      OAUTH_TEXT[error.code] ?? (status === 404 ? 'The requested path was not found.' : 'The request is malformed.'),
  });
}

/**
 * Any other request error outside the management API's own mapping: a static path that cannot be
 * served gets the same 404 as any unknown path (the UI root holds no such file); the rest Okta's
 * 400 E0000003.
 */
export function otherRequestError(error: FastifyError, reply: FastifyReply) {
  if (error.statusCode === 403 || error.statusCode === 404) return reply.callNotFound();
  const okta = new OktaHttpError('E0000003', '', [{ field: 'request', message: error.message }]);
  return reply.code(okta.status).type('application/json').send(okta.body());
}

/** Fastify's `frameworkErrors`: a request whose path cannot be decoded never reaches a route. */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void (oauthRequestError(error, request, reply) ?? otherRequestError(error, reply));
}
