/**
 * A good password stamps the user's last login and opens the session in one SQLite transaction:
 * when the session cannot be stored, the sign-in fails with the error page and the last login is
 * not stamped either. A sign-in answered with a code writes once: the last login, the session, the
 * code and the kept request's end in one transaction. The request's steps for the user run once the
 * password proved good, so they see what was written while the hash ran, and a wrong password gets
 * the one generic failure without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { PASSWORD, events } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import {
  Browser,
  REDIRECT_URI,
  assignedUser,
  authorizeUrl,
  createWebClient,
  formOf,
  redirectParams,
  signInThrough,
} from '../authorize/fixtures.js';

const FAILED = 'Sign-in failed. Check your username and password.';

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
const count = (sql: string, ...params: unknown[]) => (t.app.database.prepare(sql).get(...params) as { n: number }).n;
const lastLogin = (id = userId) =>
  (t.app.database.prepare('SELECT last_login FROM users WHERE id = ?').get(id) as { last_login: string | null })
    .last_login;
const sessions = (id = userId) => count('SELECT count(*) AS n FROM sessions WHERE user_id = ?', id);

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

describe('a sign-in answered with a code writes once', () => {
  it('stores neither the last login nor the session when the code cannot be stored, and keeps the request', async () => {
    const danaId = await assignedUser(t, web, 'dana@example.com');
    const browser = new Browser();
    const page = await browser.get(url());
    const { action, fields } = formOf(await page.text());
    const kept = () => count('SELECT count(*) AS n FROM pending_authorizations WHERE id = ?', fields['pending']);
    // Refuses new codes on the server's own connection.
    t.app.database.exec(`CREATE TEMP TRIGGER refuse_codes BEFORE INSERT ON main.authorization_codes
      BEGIN SELECT RAISE(ABORT, 'the codes table refuses this row'); END`);
    try {
      const refused = await browser.post(`${t.origin}${action}`, {
        ...fields,
        username: 'dana@example.com',
        password: PASSWORD,
      });
      expect(refused.status).toBe(500);
      expect(lastLogin(danaId)).toBeNull();
      expect(sessions(danaId)).toBe(0);
      expect(kept()).toBe(1);
    } finally {
      t.app.database.exec('DROP TRIGGER temp.refuse_codes');
    }
    const signedIn = await browser.post(`${t.origin}${action}`, {
      ...fields,
      username: 'dana@example.com',
      password: PASSWORD,
    });
    expect(signedIn.status).toBe(302);
    expect(redirectParams(signedIn)['code']).toBeTruthy();
    expect(lastLogin(danaId)).not.toBeNull();
    expect(sessions(danaId)).toBe(1);
    expect(kept()).toBe(0);
  });

  it('decides once the password proved good: a change made while the hash runs applies to this sign-in', async () => {
    const bob = await assignedUser(t, web, 'bob@example.com');
    const users = t.app.services.users;
    const check = users.checkPassword.bind(users);
    // The assignment is removed once the password's check has begun (as by a write arriving while the hash runs).
    users.checkPassword = async (...args) => {
      const removed = await t.api(`/api/v1/apps/${web.id}/users/${bob}`, { method: 'DELETE' });
      expect(removed.status).toBe(204);
      return check(...args);
    };
    try {
      const refused = await signInThrough(t, new Browser(), url(), 'bob@example.com');
      expect(redirectParams(refused)).toMatchObject({ error: 'access_denied', state: 's' });
    } finally {
      users.checkPassword = check;
    }
    expect(sessions(bob)).toBe(1);
  });

  it('answers a form sent twice once: one code and one session, the second gets the expired form', async () => {
    const carol = await assignedUser(t, web, 'carol@example.com');
    const browser = new Browser();
    const { action, fields } = formOf(await (await browser.get(url())).text());
    const codes = count('SELECT count(*) AS n FROM authorization_codes');
    // Both are checked before either commits: the hash takes tens of milliseconds.
    const form = { ...fields, username: 'carol@example.com', password: PASSWORD };
    const answers = await Promise.all([
      browser.post(`${t.origin}${action}`, form),
      browser.post(`${t.origin}${action}`, form),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([302, 400]);
    const refused = answers.find((a) => a.status === 400)!;
    expect(await refused.text()).toContain('This sign-in form has expired');
    expect(count('SELECT count(*) AS n FROM authorization_codes')).toBe(codes + 1);
    expect(sessions(carol)).toBe(1);
  });

  it('answers a wrong password with the generic failure without running the steps, and records nothing they decide', async () => {
    const assignments = t.app.services.authorize.appAssignments;
    const isUserAssigned = assignments.isUserAssigned.bind(assignments);
    let asked = 0;
    // The steps ask whether the user is assigned to the app; nothing else on a sign-in POST does.
    assignments.isUserAssigned = (...args) => (asked++, isUserAssigned(...args));
    try {
      const before = events(t).length;
      const codes = count('SELECT count(*) AS n FROM authorization_codes');
      const wrong = await signInThrough(t, new Browser(), url(), 'alice@example.com', 'Not-her-Passw0rd!');
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain(FAILED);
      expect(asked).toBe(0);
      const recorded = events(t).slice(before);
      const failure = recorded[recorded.length - 1]!;
      expect(failure).toMatchObject({ outcome: 'failure', user_id: null, trace: null });
      expect(failure.detail).toMatch(/^sign-in refused, wrong_password/);
      expect(count('SELECT count(*) AS n FROM authorization_codes')).toBe(codes);
      // The same sign-in with her password runs them.
      const good = await signInThrough(t, new Browser(), url(), 'alice@example.com');
      expect(redirectParams(good)['code']).toBeTruthy();
      expect(asked).toBeGreaterThan(0);
    } finally {
      assignments.isUserAssigned = isUserAssigned;
    }
  });
});
