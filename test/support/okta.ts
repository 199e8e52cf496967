/** The official Okta management SDK pointed at a test app, and a way to read its Collections. */
import { Client } from '@okta/okta-sdk-nodejs';
import { expect } from 'vitest';
import { ADMIN_TOKEN } from './app.js';

/** cacheMiddleware off: the SDK caches GETs by self link, which would hide what the server answers. */
export function oktaClient(origin: string, token = ADMIN_TOKEN): Client {
  return new Client({ orgUrl: origin, token, cacheMiddleware: null });
}

/** Iterates an SDK Collection; a null item (an empty page that still had rel="next") fails the test. */
export async function collect<T>(collection: AsyncIterable<T | null>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of collection) {
    expect(item).not.toBeNull();
    if (item) items.push(item);
  }
  return items;
}

export interface OktaErrorJson {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** Asserts an Okta error answer (Okta "Error codes"): status, JSON type, code, link, id and, if given, the causes. */
export async function expectOktaError(
  response: Response,
  status: number,
  errorCode: string,
  causes?: string[],
): Promise<OktaErrorJson> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as OktaErrorJson;
  expect(body.errorCode).toBe(errorCode);
  expect(body.errorLink).toBe(errorCode);
  expect(body.errorId).toMatch(/^oae/);
  if (causes) expect(body.errorCauses.map((c) => c.errorSummary)).toEqual(causes);
  return body;
}
