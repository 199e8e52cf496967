/**
 * Storage failures at run time answer 503 in the format of each surface and the server recovers
 * when the cause goes away. A full disk is simulated on the server's own connection with SQLite's
 * `max_page_count` (inserts then fail with SQLITE_FULL); a read-only store with `query_only`
 * (SQLITE_READONLY).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, createClient, createScope, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

let t: TestApp;
let service: TestClient;
const logged: string[] = [];

beforeAll(async () => {
  t = await startTestApp({ logError: (line) => logged.push(line) });
  await createScope(t, 'default', 'storage:read');
  service = await createClient(t, {
    label: 'Storage worker',
    credentials: { token_endpoint_auth_method: 'client_secret_basic' },
    settings: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
  });
});

afterAll(async () => {
  await t?.close();
});

const token = () =>
  postToken(
    t,
    { grant_type: 'client_credentials', scope: 'storage:read' },
    { authorization: basic(service.clientId, service.clientSecret!) },
  );
const createUser = (login: string) =>
  t.api('/api/v1/users?activate=false', {
    method: 'POST',
    body: JSON.stringify({ profile: { login, email: login, firstName: 'Full', lastName: 'Disk' } }),
  });

/** Fills the database up to its current size: every write that needs a new page fails with SQLITE_FULL. */
function fillDisk(): () => void {
  const db = t.app.database;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const before = db.pragma('max_page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  return () => void db.pragma(`max_page_count = ${before}`);
}

describe('a full disk', () => {
  it('answers 503 temporarily_unavailable on /token and Okta 503 JSON on the API, then recovers', async () => {
    const free = fillDisk();
    try {
      let oauth: Response | undefined;
      // The first token request also makes default's signing keys (a new folder has none yet), so the
      // first refusal may come from that write; the event log and the token ledger fill the last
      // free page within a few requests.
      for (let i = 0; i < 200 && oauth?.status !== 503; i += 1) oauth = await token();
      expect(oauth!.status).toBe(503);
      expect(oauth!.headers.get('retry-after')).toBe('5');
      expect(await oauth!.json()).toEqual({
        error: 'temporarily_unavailable',
        error_description: 'The server cannot use its storage right now. Try again later.',
      });
      let api: Response | undefined;
      for (let i = 0; i < 200 && api?.status !== 503; i += 1) api = await createUser(`full${i}@example.com`);
      expect(api!.status).toBe(503);
      expect(await api!.json()).toMatchObject({
        errorCode: 'E0000010',
        errorSummary: 'Service is unavailable: The server cannot use its storage right now. Try again later.',
        errorCauses: [],
      });
      expect(logged.some((line) => /^storage failed \(SQLITE_FULL/.test(line))).toBe(true);
    } finally {
      free();
    }
    expect((await token()).status).toBe(200);
    expect((await createUser('after-full@example.com')).status).toBe(200);
    expect(logged.some((line) => /^storage failed at .* and works again/.test(line))).toBe(true);
    // The recovery is in the event log too, once the store can write it.
    await new Promise((done) => setImmediate(done));
    const events = (await (await t.api('/api/sandbox/v1/events?endpoint=storage')).json()) as { detail?: string }[];
    expect(events.length).toBeGreaterThanOrEqual(1);
  });
});

describe('a read-only store', () => {
  it('answers 503 while writes are refused, and works again after', async () => {
    // A token first, so the signing keys exist and the JWKS below is a read.
    expect((await token()).status).toBe(200);
    t.app.database.pragma('query_only = ON');
    try {
      const response = await token();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'temporarily_unavailable' });
      // Reads still work.
      expect((await fetch(`${t.origin}/oauth2/default/v1/keys`)).status).toBe(200);
    } finally {
      t.app.database.pragma('query_only = OFF');
    }
    expect((await token()).status).toBe(200);
  });
});
