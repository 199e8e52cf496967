/**
 * Parallel redemptions: a replayed authorization code always revokes what the winning exchange got,
 * even when both exchanges run at once (the code's family exists from the moment it is used); a
 * used code presented by another client is refused without touching the family; and a rotated
 * refresh token used many times at once within its leeway leaves exactly one live refresh token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { REDIRECT_URI, codeAfterSignIn, createBrowserClient, createWebClient } from '../authorize/fixtures.js';
import { basic, postToken } from './fixtures.js';
import type { TestClient } from './fixtures.js';
import { assignedUser, clientAuth, createRefreshClient, postForm, refresh, signIn } from './issued-tokens.js';
import type { TokenBody } from './issued-tokens.js';

let t: TestApp;
let web: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  await assignedUser(t, web, 'racer@example.com');
});

afterAll(async () => {
  await t?.close();
});

const TRIALS = 20;

const freshCode = () => codeAfterSignIn(t, web, 'racer@example.com', 'race-state');

const exchange = (code: string, headers = { authorization: basic(web.clientId, web.clientSecret!) }) =>
  postToken(t, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI }, headers);

async function active(client: TestClient, token: string): Promise<boolean> {
  const response = await postForm(t, 'introspect', { token }, clientAuth(client));
  return ((await response.json()) as { active: boolean }).active;
}

describe('authorization code replay', () => {
  it(`revokes the winner's tokens in every one of ${TRIALS} parallel double redemptions`, async () => {
    for (let trial = 0; trial < TRIALS; trial += 1) {
      const code = await freshCode();
      const answers = await Promise.all([exchange(code), exchange(code)]);
      const statuses = answers.map((answer) => answer.status).sort();
      expect(statuses, `trial ${trial}`).toEqual([200, 400]);
      const winner = (await answers.find((answer) => answer.status === 200)!.json()) as TokenBody;
      const loser = (await answers.find((answer) => answer.status === 400)!.json()) as Record<string, string>;
      expect(loser).toEqual({
        error: 'invalid_grant',
        error_description: 'The authorization code is invalid or has expired.',
      });
      expect(await active(web, winner.access_token), `trial ${trial}: access token`).toBe(false);
      expect(await active(web, winner.refresh_token!), `trial ${trial}: refresh token`).toBe(false);
    }
  });

  it('refuses a used code presented by another (public) client without revoking the real client’s tokens', async () => {
    const intruder = await createBrowserClient(t);
    const code = await freshCode();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as TokenBody;
    const stolen = await postToken(t, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: intruder.clientId,
    });
    expect(stolen.status).toBe(400);
    expect(await stolen.json()).toMatchObject({ error: 'invalid_grant' });
    expect(await active(web, tokens.access_token)).toBe(true);
    expect(await active(web, tokens.refresh_token!)).toBe(true);
  });
});

describe('refresh token rotation within the leeway', () => {
  it('twenty parallel uses of one rotated token leave exactly one live refresh token', async () => {
    const client = await createRefreshClient(t, { rotation: 'ROTATE', leeway: 30 });
    await assignedUser(t, client, 'rotator@example.com');
    const first = await signIn(t, client, 'rotator@example.com');
    const answers = await Promise.all(Array.from({ length: 20 }, () => refresh(t, client, first.refresh_token!)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const successors = await Promise.all(
      answers.map(async (answer) => ((await answer.json()) as TokenBody).refresh_token!),
    );
    const live = [];
    for (const token of successors) if (await active(client, token)) live.push(token);
    expect(live).toHaveLength(1);
    // The live one rotates as usual; after that, the first token is no longer the previous one.
    const next = await refresh(t, client, live[0]!);
    expect(next.status).toBe(200);
    const reused = await refresh(t, client, first.refresh_token!);
    expect(reused.status).toBe(400);
    expect(await active(client, ((await next.json()) as TokenBody).refresh_token!)).toBe(false);
  });
});
