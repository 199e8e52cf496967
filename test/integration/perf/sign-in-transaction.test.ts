/**
 * A good password stamps the user's last login and opens the session in one SQLite transaction:
 * when the session cannot be stored, the sign-in fails with the error page and the last login is
 * not stamped either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createWebClient,
  signInThrough,
} from '../authorize/fixtures.js';

let t: TestApp;
let web: TestClient;
let userId: string;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  userId = await assignedUser(t, web, 'alice@example.com');
});

afterAll(async () => {
  await t?.close();
});

const url = () =>
  authorizeUrl(t, {
    client_id: web.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    state: 's',
  });
const lastLogin = () =>
  (t.app.database.prepare('SELECT last_login FROM users WHERE id = ?').get(userId) as { last_login: string | null })
    .last_login;
const sessions = () =>
  (t.app.database.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').get(userId) as { n: number }).n;

describe('one transaction for a sign-in', () => {
  it('stamps no last login when the session cannot be stored, and both once it can', async () => {
    // Refuses new sessions on the server's own connection.
    t.app.database.exec(`CREATE TEMP TRIGGER refuse_sessions BEFORE INSERT ON main.sessions
      BEGIN SELECT RAISE(ABORT, 'the sessions table refuses this row'); END`);
    try {
      const refused = await signInThrough(t, new Browser(), url(), 'alice@example.com');
      expect(refused.status).toBe(500);
      expect(lastLogin()).toBeNull();
      expect(sessions()).toBe(0);
    } finally {
      t.app.database.exec('DROP TRIGGER temp.refuse_sessions');
    }
    const signedIn = await signInThrough(t, new Browser(), url(), 'alice@example.com');
    expect(signedIn.status).toBe(302);
    expect(lastLogin()).not.toBeNull();
    expect(sessions()).toBe(1);
  });
});
