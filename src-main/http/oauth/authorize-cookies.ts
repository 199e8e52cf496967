/**
 * The authorize endpoint's cookies, scoped to one authorization server (`Path=/oauth2/<id>`),
 * HttpOnly and SameSite=Lax: the session (its value opaque, the server keeps only a hash) and the
 * browser's CSRF token, which the sign-in and consent forms must repeat (double submit, also tied
 * to the pending authorization request).
 */
import { cookiePath } from '../../core/org-server.js';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'authbox_session';
export const CSRF_COOKIE = 'authbox_csrf';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}

/** Adds a Set-Cookie for `name` under the server's path; `maxAgeSeconds` 0 deletes it. */
export function setCookie(
  reply: FastifyReply,
  serverId: string,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  const attributes = [`${name}=${value}`, `Path=${cookiePath(serverId)}`, 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) attributes.push(`Max-Age=${maxAgeSeconds}`);
  // Fastify appends a second Set-Cookie rather than replacing the first.
  void reply.header('set-cookie', attributes.join('; '));
}
