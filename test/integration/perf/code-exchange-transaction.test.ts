/**
 * An authorization code is used up in the transaction that stores the tokens issued from it: when
 * that transaction fails (a write of the request, or the group's COMMIT), the code is left unused and
 * a second exchange of it gets the tokens; when it commits, the code is spent and its family holds them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { REDIRECT_URI, codeAfterSignIn, createWebClient } from '../authorize/fixtures.js';
import { basic, decodeJwt, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { assignedUser } from '../token/issued-tokens.js';
import type { TokenBody } from '../token/issued-tokens.js';

let t: TestApp;
let web: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  await assignedUser(t, web, 'spender@example.com');
});

afterAll(async () => {
  await t?.close();
});

const freshCode = () => codeAfterSignIn(t, web, 'spender@example.com', 'spend-state');

const exchange = (code: string) =>
  postToken(
    t,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
    { authorization: basic(web.clientId, web.clientSecret!) },
  );

/** The newest code's `used_at` (the test's codes are issued one at a time). */
const newestCodeUsedAt = () =>
  (
    t.app.database.prepare('SELECT used_at FROM authorization_codes ORDER BY id DESC LIMIT 1').get() as {
      used_at: number | null;
    }
  ).used_at;

const count = (sql: string, ...params: unknown[]) =>
  (t.app.database.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...params) as { n: number }).n;

describe('the code used up with its tokens', () => {
  it('spends the code and stores its tokens in its family, in one commit', async () => {
    const code = await freshCode();
    const groups = t.app.services.groupCommit.stats.groups;
    const response = await exchange(code);
    expect(response.status).toBe(200);
    expect(t.app.services.groupCommit.stats.groups - groups).toBe(1);
    const { jti } = decodeJwt(((await response.json()) as TokenBody).access_token).payload;
    const codeId = (
      t.app.database.prepare('SELECT id FROM authorization_codes ORDER BY id DESC LIMIT 1').get() as {
        id: string;
      }
    ).id;
    expect(newestCodeUsedAt()).not.toBeNull();
    expect(count('access_tokens WHERE jti = ? AND family_id = ?', jti, codeId)).toBe(1);
    expect(count('token_families WHERE id = ?', codeId)).toBe(1);
  });

  it('leaves the code unused when the exchange cannot store its event, and a second exchange gets the tokens', async () => {
    const code = await freshCode();
    const tokens = count('access_tokens');
    t.app.database.exec(`CREATE TEMP TRIGGER refuse_code_success BEFORE INSERT ON main.events
      WHEN NEW.outcome = 'success' AND NEW.endpoint = 'token' BEGIN SELECT RAISE(ABORT, 'the event log refuses this event'); END`);
    try {
      const refused = await exchange(code);
      expect(refused.status).toBe(500);
      expect(await refused.json()).toMatchObject({ error: 'server_error' });
    } finally {
      t.app.database.exec('DROP TRIGGER temp.refuse_code_success');
    }
    expect(newestCodeUsedAt()).toBeNull();
    expect(count('access_tokens')).toBe(tokens);
    const second = await exchange(code);
    expect(second.status).toBe(200);
    expect(newestCodeUsedAt()).not.toBeNull();
    expect(count('access_tokens')).toBe(tokens + 1);
  });

  it("leaves the code unused when its group's COMMIT fails, and a second exchange gets the tokens", async () => {
    const code = await freshCode();
    const db = t.app.database;
    const group = t.app.services.groupCommit;
    const run = group.run.bind(group);
    // The exchange's group gets one more write whose foreign key is checked only at COMMIT
    // (defer_foreign_keys) and which violates it: SQLite refuses that COMMIT.
    let spoiled: Promise<void> | undefined;
    group.run = <T>(work: () => T): Promise<T> => {
      const written = run(work);
      spoiled ??= run(() => {
        db.pragma('defer_foreign_keys = ON');
        db.prepare('INSERT INTO event_bodies (seq, trace, exchange) VALUES (?, ?, NULL)').run(-1, 'spoiler');
      });
      spoiled.catch(() => undefined);
      return written;
    };
    let refused: Response;
    try {
      refused = await exchange(code);
    } finally {
      group.run = run;
    }
    await expect(spoiled).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(refused.status).toBe(500);
    expect(newestCodeUsedAt()).toBeNull();
    const second = await exchange(code);
    expect(second.status).toBe(200);
    expect(newestCodeUsedAt()).not.toBeNull();
  });

  it('refuses the code once spent, and revokes what it issued', async () => {
    const code = await freshCode();
    const first = (await (await exchange(code)).json()) as TokenBody;
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The authorization code is invalid or has expired.',
    });
    const { jti } = decodeJwt(first.access_token).payload;
    const family = t.app.database
      .prepare(
        'SELECT f.revoked_reason FROM access_tokens a JOIN token_families f ON f.id = a.family_id WHERE a.jti = ?',
      )
      .get(jti) as { revoked_reason: string };
    expect(family.revoked_reason).toMatch(/^authorization code replayed/);
  });
});
