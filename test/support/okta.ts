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
