/**
 * What a code flow reads, once per request: an authorize request with a session reads its user once
 * (the policy evaluation takes the groups of the user it has, instead of reading the user again), and
 * the code exchange links its decision to the authorize event by that event's small row alone (the
 * code kept the policy and rule; the event's trace and exchange are not read back); the name the app
 * knows the user by is the direct assignment's userName or the login of the user in hand (the group
 * assignments and the user are not read again).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProtocolEventDto } from '../../../src-main/contracts/events.js';
import { SqliteAppAssignmentRepository } from '../../../src-main/store/app-assignment-repository.js';
import { SqliteEventRepository } from '../../../src-main/store/event-repository.js';
import { SqliteUserRepository } from '../../../src-main/store/user-repository.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import {
  Browser,
  REDIRECT_URI,
  authorizeUrl,
  createWebClient,
  redirectParams,
  signInThrough,
} from '../authorize/fixtures.js';
import { basic, decodeJwt, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { assignedUser } from '../token/issued-tokens.js';

let t: TestApp;
let web: TestClient;
let browser: Browser;
let userId: string;

const url = (state: string) =>
  authorizeUrl(t, {
    client_id: web.clientId,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    state,
  });

beforeAll(async () => {
  t = await startTestApp();
  web = await createWebClient(t);
  userId = await assignedUser(t, web, 'reader@example.com');
  browser = new Browser();
  // Signed in once: the browser keeps the session for the flows below.
  expect((await signInThrough(t, browser, url('sign-in'), 'reader@example.com')).status).toBe(302);
});

afterAll(async () => {
  await t?.close();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const exchange = (code: string) =>
  postToken(
    t,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI },
    { authorization: basic(web.clientId, web.clientSecret!) },
  );

async function events(query: string): Promise<ProtocolEventDto[]> {
  const response = await t.api(`/api/sandbox/v1/events?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProtocolEventDto[];
}

describe('an authorize request with a session', () => {
  it('reads its user once', async () => {
    const userReads = vi.spyOn(SqliteUserRepository.prototype, 'get');
    const code = redirectParams(await browser.get(url('once')))['code'];
    expect(code).toBeDefined();
    expect(userReads.mock.calls).toEqual([[userId]]);
  });
});

describe('a code exchange', () => {
  it("names the user by the direct assignment's userName without reading the group assignments or the user again", async () => {
    const code = redirectParams(await browser.get(url('named')))['code']!;
    const assignments = vi.spyOn(SqliteAppAssignmentRepository.prototype, 'getUser');
    const logins = vi.spyOn(SqliteAppAssignmentRepository.prototype, 'userLogin');
    const userReads = vi.spyOn(SqliteUserRepository.prototype, 'get');
    const response = await exchange(code);
    expect(response.status).toBe(200);
    expect(assignments).not.toHaveBeenCalled();
    expect(logins).not.toHaveBeenCalled();
    expect(userReads).toHaveBeenCalledTimes(1);
    const { access_token } = (await response.json()) as { access_token: string };
    expect(decodeJwt(access_token).payload).toMatchObject({ sub: 'reader@example.com', uid: userId });
  });

  it("links its decision to the authorize event by that event's small row, with the code's policy and rule", async () => {
    const code = redirectParams(await browser.get(url('linked')))['code']!;
    const authorize = (await events('endpoint=authorize&limit=1'))[0]!;
    const whole = vi.spyOn(SqliteEventRepository.prototype, 'firstOfFamily');
    const head = vi.spyOn(SqliteEventRepository.prototype, 'firstOfFamilyHead');
    expect((await exchange(code)).status).toBe(200);
    expect(whole).not.toHaveBeenCalled();
    expect(head).toHaveBeenCalledTimes(1);
    const token = (await events('endpoint=token&limit=1'))[0]!;
    const matched = authorize.trace!.policies.find((p) => p.outcome === 'matched')!;
    expect(token.trace!.redeemed).toMatchObject({
      familyId: authorize.familyId,
      eventId: authorize.id,
      endpoint: 'authorize',
      policyId: matched.id,
      ruleId: matched.rules.find((r) => r.outcome === 'matched')!.id,
    });
  });
});
