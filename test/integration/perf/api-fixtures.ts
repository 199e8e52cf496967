/** Management API calls shared by the perf tests: a JSON body sent, and an answer of the expected status read. */
import type { TestApp } from '../../support/app.js';

/** The answer's JSON (undefined for an empty body); throws with the body when the status is not `status`. */
export async function json<T>(response: Promise<Response>, status: number): Promise<T> {
  const r = await response;
  const text = await r.text();
  if (r.status !== status) throw new Error(`${r.url}: ${r.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** `method` on the management API's `path`, with `body` as JSON when given. */
export const sendJson = (t: TestApp, path: string, method: string, body?: unknown) =>
  t.api(path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
