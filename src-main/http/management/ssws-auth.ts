/**
 * `Authorization: SSWS <token>` for /api/v1 (Okta "Design principles"): no header → 403 E0000005,
 * a wrong token → 401 E0000011. Compared in constant time over SHA-256 digests.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { OktaHttpError } from '../okta-errors.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function sswsGuard(adminToken: string) {
  const expected = digest(adminToken);
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    if (!header) throw new OktaHttpError('E0000005');
    const match = /^SSWS\s+(.+)$/i.exec(header.trim());
    if (!match || !timingSafeEqual(digest(match[1]!), expected)) throw new OktaHttpError('E0000011');
  };
}
