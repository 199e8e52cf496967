/**
 * Okta paging (Okta "Design principles" (Pagination)): `limit` and `after` in, absolute `Link` headers out, and no
 * `rel="next"` on the last page (the SDK follows `next` verbatim and would yield a null item).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Paging } from '../../contracts/routes.js';
import { OktaHttpError } from '../okta-errors.js';

export interface PageRequest {
  limit: number;
  after?: string;
}

/** `limit` (the route's default when absent, capped at its largest page) and `after`. */
export function readPage(query: Record<string, unknown>, { defaultLimit, maxLimit }: Paging): PageRequest {
  const rawLimit = query['limit'];
  let limit = defaultLimit;
  if (rawLimit !== undefined && rawLimit !== '') {
    const parsed = Number(rawLimit);
    if (!Number.isInteger(parsed) || parsed < 1) {
      throw new OktaHttpError('E0000001', 'limit', [
        { field: 'limit', message: `must be a whole number from 1 to ${maxLimit}` },
      ]);
    }
    limit = Math.min(parsed, maxLimit);
  }
  const after = typeof query['after'] === 'string' && query['after'] !== '' ? query['after'] : undefined;
  return after === undefined ? { limit } : { limit, after };
}

/**
 * Fetches one page through `fetchRows(limit + 1)` to learn whether another page exists,
 * sets the Link header, and returns the rows of this page.
 */
export function sendPage<T extends { id: string }>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: PageRequest,
  fetchRows: (limit: number) => T[],
): T[] {
  const rows = fetchRows(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  const link = (params: Record<string, string>, rel: string) => {
    const target = new URL(url.pathname, url);
    for (const [key, value] of url.searchParams)
      if (key !== 'after' && key !== 'limit') target.searchParams.set(key, value);
    for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
    return `<${target.href}>; rel="${rel}"`;
  };
  const links = [
    link(page.after ? { after: page.after, limit: String(page.limit) } : { limit: String(page.limit) }, 'self'),
  ];
  const last = items[items.length - 1];
  if (rows.length > page.limit && last) links.push(link({ after: last.id, limit: String(page.limit) }, 'next'));
  void reply.header('link', links);
  return items;
}
