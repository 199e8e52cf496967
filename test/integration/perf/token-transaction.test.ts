/**
 * A token request stores its access token, the token family and its event in one SQLite
 * transaction: when the event cannot be written, no token is stored and none is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timePrefix } from '../../../src-main/core/time-ordered-id.js';
import { NOT_EXPIRY_ORDERED } from '../../../src-main/store/migrations/0260-fewer-token-b-trees.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, createClient, createScope, decodeJwt, events, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

let t: TestApp;
let client: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  await createScope(t, 'default', 'orders:read');
  client = await createClient(t, { label: 'One write' });
});

afterAll(async () => {
  await t?.close();
});

const requestToken = () =>
  postToken(
    t,
    { grant_type: 'client_credentials', scope: 'orders:read' },
    { authorization: basic(client.clientId, client.clientSecret!) },
  );

const count = (table: 'access_tokens' | 'token_families' | 'events') =>
  (t.app.database.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('one transaction per token request', () => {
  it('stores the token, its family and its event together', async () => {
    const response = await requestToken();
    expect(response.status).toBe(200);
    const { jti } = decodeJwt(((await response.json()) as { access_token: string }).access_token).payload;
    const stored = t.app.database.prepare('SELECT family_id FROM access_tokens WHERE jti = ?').get(jti) as {
      family_id: string;
    };
    const event = events(t).at(-1)!;
    expect(event).toMatchObject({ endpoint: 'token', outcome: 'success', family_id: stored.family_id });
    expect(t.app.database.prepare('SELECT jtis FROM events WHERE id = ?').pluck().get(event.id)).toBe(
      JSON.stringify([jti]),
    );
  });

  it("makes an access token's jti begin with its expiry, so that the index by expiry does not hold it", async () => {
    const response = await requestToken();
    expect(response.status).toBe(200);
    const { jti, exp } = decodeJwt(((await response.json()) as { access_token: string }).access_token).payload as {
      jti: string;
      exp: number;
    };
    expect(jti.startsWith(timePrefix('AT.', new Date(exp * 1000)))).toBe(true);
    expect(t.app.database.prepare('SELECT expires FROM access_tokens WHERE jti = ?').pluck().get(jti)).toBe(exp * 1000);
    const indexed = t.app.database
      .prepare(`SELECT count(*) FROM access_tokens INDEXED BY access_tokens_by_expiry WHERE ${NOT_EXPIRY_ORDERED}`)
      .pluck()
      .get();
    expect(indexed).toBe(0);
  });

  it('stores no token and no family when the event cannot be written, and answers server_error', async () => {
    const before = { tokens: count('access_tokens'), families: count('token_families'), events: count('events') };
    // Refuses the success event only, on the server's own connection; the failure event still lands.
    t.app.database.exec(`CREATE TEMP TRIGGER refuse_success_events BEFORE INSERT ON main.events
      WHEN NEW.outcome = 'success' BEGIN SELECT RAISE(ABORT, 'the event log refuses this event'); END`);
    try {
      const response = await requestToken();
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: 'server_error',
        error_description: 'The server encountered an internal error.',
      });
      expect(count('access_tokens')).toBe(before.tokens);
      expect(count('token_families')).toBe(before.families);
      expect(count('events')).toBe(before.events + 1);
      expect(events(t).at(-1)).toMatchObject({ endpoint: 'token', outcome: 'failure', error: 'server_error' });
    } finally {
      t.app.database.exec('DROP TRIGGER temp.refuse_success_events');
    }
    expect((await requestToken()).status).toBe(200);
    expect(count('access_tokens')).toBe(before.tokens + 1);
  });
});
