/**
 * Custom claims that cannot be computed fail the request (Okta "OpenID Connect & OAuth 2.0 API", "Expression Language overview"), each on
 * its own server: an expression failing at run time gives 400 `server_error` "The '<name>' user
 * claim could not be evaluated." at /token, in the /authorize redirect and at /userinfo — only where
 * that claim is due — and a GROUPS claim matching more than 100 groups gives Okta's too-many-groups
 * text (100 are fine). The event log keeps the EL error and the claims trace up to the failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import type { ProtocolEventDto } from '../../../src-main/contracts/events.js';
import type { ClaimTrace } from '../../../src-main/contracts/trace.js';
import { createWebClient } from '../authorize/fixtures.js';
import {
  assignUser,
  createPasswordClient,
  createPolicyAndRule,
  createServer,
  events,
  oneEvent,
} from '../token/fixtures.js';
import type { EventRow, TestClient } from '../token/fixtures.js';
import { createGroup } from '../../support/directory.js';
import {
  ALICE,
  FAILING_EXPRESSION,
  FAILING_REASON,
  createClaim,
  createUserIn,
  implicitFlow,
  passwordGrant,
  payloadOf,
} from './fixtures.js';

let t: TestApp;
let native: TestClient;
let web: TestClient;

const notEvaluated = (name: string) => ({
  error: 'server_error',
  error_description: `The '${name}' user claim could not be evaluated.`,
});
const TOO_MANY = {
  error: 'server_error',
  error_description: 'The groups claim matched too many groups and must be configured to match fewer groups.',
};

beforeAll(async () => {
  t = await startTestApp();
  native = await createPasswordClient(t);
  web = await createWebClient(t);
  const aliceId = await createUserIn(t, ALICE, { firstName: 'Alice', lastName: 'Smith' });
  for (const app of [native, web]) await assignUser(t, app.id, aliceId);
});

afterAll(async () => {
  await t?.close();
});

/** A server with a rule for every grant the tests use, and the given claims; returns its id and the claim ids. */
async function serverWith(
  name: string,
  claims: Parameters<typeof createClaim>[2][],
): Promise<{ serverId: string; claimIds: string[] }> {
  const serverId = await createServer(t, name);
  await createPolicyAndRule(t, serverId, ['password', 'implicit', 'authorization_code']);
  const claimIds = [];
  for (const claim of claims) claimIds.push(await createClaim(t, serverId, claim));
  return { serverId, claimIds };
}

const customTrace = (trace: string | null) =>
  (JSON.parse(trace!) as { claims: ClaimTrace[] }).claims.filter((c) => c.source.startsWith('claim '));

describe('a RESOURCE claim failing at run time', () => {
  let serverId: string;
  let firstNameId: string;
  let brokenId: string;

  beforeAll(async () => {
    const made = await serverWith('broken-access', [
      { name: 'first_name', claimType: 'RESOURCE', value: 'user.firstName' },
      { name: 'initials', claimType: 'RESOURCE', value: FAILING_EXPRESSION },
    ]);
    serverId = made.serverId;
    [firstNameId, brokenId] = made.claimIds as [string, string];
  });

  it('answers /token with 400 server_error naming the claim; the event log has the EL error and the trace up to the failure', async () => {
    const { status, body } = await passwordGrant(t, native, ALICE, 'openid', serverId);
    expect(status).toBe(400);
    expect(body).toEqual(notEvaluated('initials'));

    const listed = await t.api(`/api/sandbox/v1/events?serverId=${serverId}&outcome=failure&limit=1`);
    const [event] = (await listed.json()) as ProtocolEventDto[];
    expect(event).toMatchObject({
      endpoint: 'token',
      grantType: 'password',
      outcome: 'failure',
      error: 'server_error',
      errorDescription: notEvaluated('initials').error_description,
    });
    const claims = event!.trace!.claims!.filter((c) => c.source.startsWith('claim '));
    expect(claims).toEqual([
      {
        name: 'first_name',
        token: 'access_token',
        source: `claim ${firstNameId} (RESOURCE EXPRESSION)`,
        expression: 'user.firstName',
        value: 'Alice',
      },
      {
        name: 'initials',
        token: 'access_token',
        source: `claim ${brokenId} (RESOURCE EXPRESSION)`,
        expression: FAILING_EXPRESSION,
        omitted: `failed: ${FAILING_REASON}`,
      },
    ]);
    expect(event!.detail).toBe(`claim 'initials' (${brokenId}): ${FAILING_REASON}`);
  });

  it('redirects /authorize id_token token with error=server_error and the state, and records the failure', async () => {
    const before = events(t).length;
    const { fragment, params } = await implicitFlow(t, web, ALICE, 'id_token token', 'openid', serverId);
    expect(fragment).toEqual({ ...notEvaluated('initials'), state: params.state });
    // The GET that showed the sign-in page, then the sign-in that failed.
    const [shown, event] = events(t).slice(before) as [EventRow, EventRow];
    expect(shown).toMatchObject({ endpoint: 'authorize', outcome: 'success' });
    expect(event).toMatchObject({
      endpoint: 'authorize',
      outcome: 'failure',
      error: 'server_error',
      error_description: notEvaluated('initials').error_description,
    });
    expect(event.detail).toBe(`claim 'initials' (${brokenId}): ${FAILING_REASON}`);
    expect(customTrace(event.trace).map((c) => [c.name, c.omitted ?? c.value])).toEqual([
      ['first_name', 'Alice'],
      ['initials', `failed: ${FAILING_REASON}`],
    ]);
  });

  it('does not fail an ID token requested alone, which carries no RESOURCE claims', async () => {
    const { fragment } = await implicitFlow(t, web, ALICE, 'id_token', 'openid', serverId);
    expect(Object.keys(fragment).sort()).toEqual(['id_token', 'state']);
  });
});

describe('an IDENTITY claim failing at run time', () => {
  let serverId: string;
  let claimId: string;

  beforeAll(async () => {
    const made = await serverWith('broken-identity', [
      { name: 'nickname_guess', claimType: 'IDENTITY', value: FAILING_EXPRESSION, alwaysIncludeInToken: false },
    ]);
    serverId = made.serverId;
    claimId = made.claimIds[0]!;
  });

  it('fails /userinfo and the fat ID token, not the thin ID token that leaves the claim out', async () => {
    const { status, body } = await passwordGrant(t, native, ALICE, 'openid profile', serverId);
    expect(status).toBe(200);
    expect(payloadOf(body['id_token'])).not.toHaveProperty('nickname_guess');

    const { result: userinfo, event } = await oneEvent(t, () =>
      fetch(`${t.origin}/oauth2/${serverId}/v1/userinfo`, {
        headers: { authorization: `Bearer ${body['access_token']}` },
      }),
    );
    expect(userinfo.status).toBe(400);
    expect(userinfo.headers.get('www-authenticate'), 'a claim failure is no Bearer challenge (RFC 6750 §3)').toBeNull();
    expect(await userinfo.json()).toEqual(notEvaluated('nickname_guess'));
    expect(event).toMatchObject({ endpoint: 'userinfo', outcome: 'failure', error: 'server_error' });
    expect(customTrace(event.trace)).toEqual([
      {
        name: 'nickname_guess',
        token: 'userinfo',
        source: `claim ${claimId} (IDENTITY EXPRESSION)`,
        expression: FAILING_EXPRESSION,
        omitted: `failed: ${FAILING_REASON}`,
      },
    ]);
    expect(event.detail).toBe(`claim 'nickname_guess' (${claimId}): ${FAILING_REASON}`);

    const { fragment, params } = await implicitFlow(t, web, ALICE, 'id_token', 'openid', serverId);
    expect(fragment).toEqual({ ...notEvaluated('nickname_guess'), state: params.state });
  });
});

describe('a GROUPS claim and the 100-group limit', () => {
  let serverId: string;
  let claimId: string;
  const names = Array.from({ length: 101 }, (_, i) => `bulk-${String(i).padStart(3, '0')}`);
  let groupIds: string[];

  beforeAll(async () => {
    const made = await serverWith('crowded', [
      { name: 'bulk', claimType: 'RESOURCE', valueType: 'GROUPS', group_filter_type: 'STARTS_WITH', value: 'BULK-' },
    ]);
    serverId = made.serverId;
    claimId = made.claimIds[0]!;
    groupIds = [];
    for (const name of names) groupIds.push(await createGroup(t, name));
  });

  async function userIn(login: string, count: number): Promise<void> {
    const id = await createUserIn(t, login, { firstName: 'Many', lastName: 'Groups' }, groupIds.slice(0, count));
    await assignUser(t, native.id, id);
  }

  it('lists exactly 100 matching groups', async () => {
    await userIn('hundred@example.com', 100);
    const { status, body } = await passwordGrant(t, native, 'hundred@example.com', 'openid', serverId);
    expect(status).toBe(200);
    expect(payloadOf(body['access_token'])['bulk']).toEqual(names.slice(0, 100));
  });

  it('fails the request with the too-many-groups text at 101, and says so in the event log', async () => {
    await userIn('crowded@example.com', 101);
    const before = events(t).length;
    const { status, body } = await passwordGrant(t, native, 'crowded@example.com', 'openid', serverId);
    expect(status).toBe(400);
    expect(body).toEqual(TOO_MANY);
    const [event] = events(t).slice(before);
    expect(event).toMatchObject({
      outcome: 'failure',
      error: 'server_error',
      error_description: TOO_MANY.error_description,
    });
    expect(event!.detail).toBe(`claim 'bulk' (${claimId}): 101 groups match STARTS_WITH 'BULK-'; at most 100 may`);
    expect(customTrace(event!.trace)).toEqual([
      {
        name: 'bulk',
        token: 'access_token',
        source: `claim ${claimId} (RESOURCE GROUPS STARTS_WITH)`,
        expression: 'BULK-',
        omitted: "failed: 101 groups match STARTS_WITH 'BULK-'; at most 100 may",
      },
    ]);
  });
});
