/**
 * What an authorize request stores and its event land in one commit, before the answer is sent: a
 * code for a request with a session, the kept request of a sign-in page, and (in the sign-in's
 * commit) the sign-in's event. When the event cannot be stored, nothing of the request is (no code,
 * no kept request, no session), the answer is the error page, and the failure is recorded; when the
 * code cannot be stored, no event claims it.
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

let t: TestApp;
let web: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  await assignedUser(t, web, 'erin@example.com');
});

afterAll(async () => {
  await t?.close();
});

const url = (state = 's') =>
  authorizeUrl(t, {
    client_id: web.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    state,
  });
const count = (sql: string, ...params: unknown[]) =>
  (t.app.database.prepare(`SELECT count(*) AS n FROM ${sql}`).get(...params) as { n: number }).n;
const codes = () => count('authorization_codes');

/** Runs `act` while the server's connection refuses the authorize events that `when` matches. */
async function refusingEvents<T>(when: string, act: () => Promise<T>): Promise<T> {
  t.app.database.exec(`CREATE TEMP TRIGGER refuse_events BEFORE INSERT ON main.events
    WHEN NEW.endpoint = 'authorize' AND ${when} BEGIN SELECT RAISE(ABORT, 'the event log refuses this event'); END`);
  try {
    return await act();
  } finally {
    t.app.database.exec('DROP TRIGGER temp.refuse_events');
  }
}

/** A browser signed in to the default server (it holds the session cookie). */
async function signedInBrowser(): Promise<Browser> {
  const browser = new Browser();
  const answer = await signInThrough(t, browser, url(), 'erin@example.com');
  expect(answer.status).toBe(302);
  return browser;
}

describe('an authorize request with a session', () => {
  it('stores the code and its event together', async () => {
    const browser = await signedInBrowser();
    const before = codes();
    const eventsBefore = events(t).length;
    const answer = await browser.get(url('together'));
    expect(answer.status).toBe(302);
    expect(redirectParams(answer)).toMatchObject({ state: 'together' });
    expect(codes()).toBe(before + 1);
    const recorded = events(t).slice(eventsBefore);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ endpoint: 'authorize', outcome: 'success' });
  });

  it('stores no code when its event cannot be stored, answers with the error page and records the failure', async () => {
    const browser = await signedInBrowser();
    const before = codes();
    const eventsBefore = events(t).length;
    const refused = await refusingEvents("NEW.outcome = 'success'", () => browser.get(url('refused')));
    expect(refused.status).toBe(500);
    expect(refused.headers.get('location')).toBeNull();
    expect(codes()).toBe(before);
    const recorded = events(t).slice(eventsBefore);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ outcome: 'failure', error: 'server_error' });
    // The same request once the event log takes events again.
    const again = await browser.get(url('again'));
    expect(redirectParams(again)['code']).toBeTruthy();
    expect(codes()).toBe(before + 1);
  });

  it('records no event that claims a code when the code cannot be stored', async () => {
    const browser = await signedInBrowser();
    const before = codes();
    const eventsBefore = events(t).length;
    t.app.database.exec(`CREATE TEMP TRIGGER refuse_codes BEFORE INSERT ON main.authorization_codes
      BEGIN SELECT RAISE(ABORT, 'the codes table refuses this row'); END`);
    let refused: Response;
    try {
      refused = await browser.get(url('no-code'));
    } finally {
      t.app.database.exec('DROP TRIGGER temp.refuse_codes');
    }
    expect(refused.status).toBe(500);
    expect(codes()).toBe(before);
    const recorded = events(t).slice(eventsBefore);
    expect(recorded.map((e) => e.outcome)).toEqual(['failure']);
  });

  it('tells a live stream of the event only once it is committed', async () => {
    const browser = await signedInBrowser();
    const before = codes();
    const { tx } = t.app.services;
    const run = tx.run.bind(tx);
    // The transaction fails once the code and the event are written (as a refused COMMIT would).
    tx.run = <T>(work: () => T): T =>
      run(() => {
        work();
        throw new Error('the commit is refused');
      });
    const told: string[] = [];
    const unsubscribe = t.app.services.events.subscribe((event) => told.push(event.outcome));
    try {
      const refused = await browser.get(url('untold'));
      expect(refused.status).toBe(500);
    } finally {
      unsubscribe();
      tx.run = run;
    }
    expect(told).toEqual(['failure']);
    expect(codes()).toBe(before);
  });
});

describe('the sign-in page and the sign-in', () => {
  it('keeps no request when the event of its sign-in page cannot be stored', async () => {
    const kept = count('pending_authorizations');
    const refused = await refusingEvents("NEW.detail = 'showed the sign-in page'", () => new Browser().get(url()));
    expect(refused.status).toBe(500);
    expect(count('pending_authorizations')).toBe(kept);
    const page = await new Browser().get(url());
    expect(page.status).toBe(200);
    expect(count('pending_authorizations')).toBe(kept + 1);
  });

  it('opens no session and issues no code when the sign-in event cannot be stored, and keeps the request', async () => {
    const userId = await assignedUser(t, web, 'frank@example.com');
    const sessions = () => count('sessions WHERE user_id = ?', userId);
    const browser = new Browser();
    const { action, fields } = formOf(await (await browser.get(url())).text());
    const form = { ...fields, username: 'frank@example.com', password: PASSWORD };
    const before = codes();
    const refused = await refusingEvents("NEW.outcome = 'success'", () => browser.post(`${t.origin}${action}`, form));
    expect(refused.status).toBe(500);
    expect(refused.headers.getSetCookie().some((c) => c.startsWith('authbox_session='))).toBe(false);
    expect(sessions()).toBe(0);
    expect(codes()).toBe(before);
    expect(count('pending_authorizations WHERE id = ?', fields['pending'])).toBe(1);
    const signedIn = await browser.post(`${t.origin}${action}`, form);
    expect(signedIn.status).toBe(302);
    expect(redirectParams(signedIn)['code']).toBeTruthy();
    expect(sessions()).toBe(1);
    expect(codes()).toBe(before + 1);
  });
});
