/**
 * Group commit (`store/group-commit.ts`): token requests that reach their write in the same turn of
 * the event loop share one SQLite transaction, each in its own savepoint, and are answered only once
 * it committed. A failure inside one request rolls back only that request's writes; a failed COMMIT
 * fails every request of the group and stores nothing of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, createClient, createScope, decodeJwt, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

let t: TestApp;
let first: TestClient;
let second: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  await createScope(t, 'default', 'group:read');
  first = await createClient(t, { label: 'Group one' });
  second = await createClient(t, { label: 'Group two' });
  // Makes default's signing keys, so the requests below only write tokens and events.
  expect((await requestToken(first)).status).toBe(200);
});

afterAll(async () => {
  await t?.close();
});

function requestToken(client: TestClient): Promise<Response> {
  return postToken(
    t,
    { grant_type: 'client_credentials', scope: 'group:read' },
    { authorization: basic(client.clientId, client.clientSecret!) },
  );
}

const count = (sql: string, ...params: unknown[]) =>
  (t.app.database.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...params) as { n: number }).n;

/** The jti of a token answer, and whether its token and its success event are stored. */
async function stored(response: Response): Promise<{ jti: string; token: boolean; event: boolean }> {
  const { jti } = decodeJwt(((await response.json()) as { access_token: string }).access_token).payload as {
    jti: string;
  };
  return {
    jti,
    token: count('access_tokens WHERE jti = ?', jti) === 1,
    event: count("events WHERE jtis = json_array(?) AND outcome = 'success'", jti) === 1,
  };
}

/** Sends `n` token requests at once; waits until all of them are answered. */
const burst = (n: number, client: (i: number) => TestClient) =>
  Promise.all(Array.from({ length: n }, (_, i) => requestToken(client(i))));

describe('group commit', () => {
  it('stores every token of concurrent requests with its event', async () => {
    const { writes } = t.app.services.groupCommit.stats;
    const responses = await burst(20, (i) => (i % 2 ? first : second));
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(await stored(response)).toMatchObject({ token: true, event: true });
    }
    // How many share a commit depends on when the requests arrive; each went through the group.
    expect(t.app.services.groupCommit.stats.writes - writes).toBe(20);
  });

  it("rolls back only the failing request's writes; the requests beside it keep theirs", async () => {
    // The second client's success events are refused: its requests fail inside their own savepoint.
    t.app.database.exec(`CREATE TEMP TRIGGER refuse_second BEFORE INSERT ON main.events
      WHEN NEW.client_id = '${second.clientId}' AND NEW.outcome = 'success'
      BEGIN SELECT RAISE(ABORT, 'the event log refuses this event'); END`);
    const tokensBefore = count('access_tokens');
    try {
      const responses = await burst(10, (i) => (i % 2 ? first : second));
      const kept = [];
      for (const [i, response] of responses.entries()) {
        if (i % 2) {
          expect(response.status).toBe(200);
          kept.push(await stored(response));
        } else {
          expect(response.status).toBe(500);
          expect(await response.json()).toEqual({
            error: 'server_error',
            error_description: 'The server encountered an internal error.',
          });
        }
      }
      expect(kept.every((each) => each.token && each.event)).toBe(true);
      // Only the first client's five tokens were stored; the refused requests' failure events were.
      expect(count('access_tokens') - tokensBefore).toBe(5);
    } finally {
      t.app.database.exec('DROP TRIGGER temp.refuse_second');
    }
  });

  it('fails every request of a group whose COMMIT fails, and stores nothing of them', async () => {
    const tokensBefore = count('access_tokens');
    const eventsBefore = count("events WHERE outcome = 'success'");
    const db = t.app.database;
    const group = t.app.services.groupCommit;
    const run = group.run.bind(group);
    // The first token write's group gets one more write, whose foreign key is checked only at
    // COMMIT (defer_foreign_keys) and which violates it: SQLite refuses that group's COMMIT itself.
    let spoiled: Promise<void> | undefined;
    let spoiledGroup = -1;
    const groupOf: number[] = [];
    group.run = <T>(work: () => T): Promise<T> => {
      groupOf.push(group.stats.groups);
      const written = run(work);
      if (!spoiled) {
        spoiledGroup = group.stats.groups;
        spoiled = run(() => {
          db.pragma('defer_foreign_keys = ON');
          db.prepare('INSERT INTO event_bodies (seq, trace, exchange) VALUES (?, ?, NULL)').run(-1, 'spoiler');
        });
        spoiled.catch(() => undefined);
      }
      return written;
    };
    let responses: Response[];
    try {
      responses = await burst(6, (i) => (i % 2 ? first : second));
    } finally {
      group.run = run;
    }
    await expect(spoiled).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    const refused = groupOf.filter((id) => id === spoiledGroup).length;
    expect(refused).toBeGreaterThan(0);
    const answered = [];
    for (const response of responses) {
      if (response.status === 200) {
        answered.push(await stored(response));
        continue;
      }
      expect(response.status).toBe(500);
      expect(await response.json()).toMatchObject({ error: 'server_error' });
    }
    expect(answered.length).toBe(6 - refused);
    expect(answered.every((each) => each.token && each.event)).toBe(true);
    expect(count('access_tokens') - tokensBefore).toBe(answered.length);
    expect(count("events WHERE outcome = 'success'") - eventsBefore).toBe(answered.length);
    expect(count("event_bodies WHERE trace = 'spoiler'")).toBe(0);
  });
});
