/**
 * The sandbox previews over HTTP: `POST /api/sandbox/v1/expressions/evaluate` gives an expression's
 * value, or its parse or run-time error with the span, for a user (or none), app and scopes;
 * `POST /api/sandbox/v1/authorizationServers/{id}/claims/preview` gives the payloads a server's
 * tokens and /userinfo would carry — the same as the real tokens of the same user, app and scopes,
 * since both run the same code — or the failing claim's server_error; given a grant type, after the
 * token endpoint's grant, assignment and policy checks (the same decision trace and lifetime, or the
 * same OAuth error). Bad bodies are 400 E0000001 naming the field, unknown ids 404 E0000007, the SSWS
 * guard is the sandbox API's, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { tableCounts } from '../../support/directory.js';
import { expectOktaError } from '../../support/okta.js';
import type { ClaimsPreviewDto, ExpressionPreviewDto } from '../../../src-main/contracts/claims-preview.js';
import { createPolicyAndRule, createServer, oneEvent } from '../token/fixtures.js';
import {
  ALICE,
  ALL_SCOPES,
  FAILING_EXPRESSION,
  FAILING_REASON,
  createClaim,
  createUserIn,
  customClaims,
  implicitFlow,
  passwordGrant,
  payloadOf,
  setUpDirectory,
} from './fixtures.js';
import type { Directory } from './fixtures.js';

let t: TestApp;
let d: Directory;
let brokenServerId: string;
let brokenClaimId: string;
const EVALUATE = '/api/sandbox/v1/expressions/evaluate';
const PREVIEW = '/api/sandbox/v1/authorizationServers/default/claims/preview';
const STORED = ['events', 'access_tokens', 'refresh_tokens', 'token_families', 'authorization_codes', 'sessions'];

beforeAll(async () => {
  t = await startTestApp();
  d = await setUpDirectory(t);
  brokenServerId = await createServer(t, 'broken');
  await createPolicyAndRule(t, brokenServerId, ['password']);
  brokenClaimId = await createClaim(t, brokenServerId, {
    name: 'initials',
    claimType: 'RESOURCE',
    value: FAILING_EXPRESSION,
  });
});

afterAll(async () => {
  await t?.close();
});

const postJson = (path: string, body: unknown) => t.api(path, { method: 'POST', body: JSON.stringify(body) });

async function evaluate(
  expression: string,
  subject: { userId?: string | null; appId?: string; scopes?: string[] } = {},
): Promise<ExpressionPreviewDto> {
  const response = await postJson(EVALUATE, {
    userId: d.aliceId,
    appId: d.web.id,
    scopes: ALL_SCOPES.split(' '),
    expression,
    ...subject,
  });
  expect(response.status).toBe(200);
  return (await response.json()) as ExpressionPreviewDto;
}

async function preview(body: Record<string, unknown>, path = PREVIEW): Promise<ClaimsPreviewDto> {
  const response = await postJson(path, body);
  expect(response.status).toBe(200);
  return (await response.json()) as ClaimsPreviewDto;
}

function expectOk(result: ClaimsPreviewDto): Extract<ClaimsPreviewDto, { ok: true }> {
  if (!result.ok) throw new Error(`the preview failed: ${JSON.stringify(result.error)}`);
  return result;
}

/** A payload without what differs between two mints of the same token (ids, times, the hashes of the other token, the nonce). */
function stable(payload: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const {
    jti: _jti,
    iat: _iat,
    exp: _exp,
    auth_time: _authTime,
    at_hash: _atHash,
    nonce: _nonce,
    ...rest
  } = payload ?? {};
  return rest;
}

describe('POST /api/sandbox/v1/expressions/evaluate', () => {
  it.each([
    ['user.firstName', 'Alice'],
    ['isMemberOfGroupName("Engineering")', true],
    ['isMemberOfGroupName("Sales")', false],
    ['access.scope', ['openid', 'profile', 'email', 'orders:read']],
    ['app.profile.tier', 'gold'],
    ['user.title', null],
    ['user.employeeNumber == ""', true],
    ['Arrays.contains(user.roles, "admin")', true],
    ['Arrays.size(user.roles)', 2],
    ['(appuser != null) ? appuser.userName : app.clientId', ALICE],
  ])('evaluates %s for alice', async (expression, value) => {
    expect(await evaluate(expression)).toEqual({ ok: true, value });
  });

  it('evaluates without a user: appuser is null, so the default sub expression gives the client id', async () => {
    const expression = '(appuser != null) ? appuser.userName : app.clientId';
    expect(await evaluate(expression, { userId: null, appId: d.service.id, scopes: ['orders:read'] })).toEqual({
      ok: true,
      value: d.service.clientId,
    });
    expect(await evaluate(expression, { userId: undefined, appId: d.service.id, scopes: [] })).toEqual({
      ok: true,
      value: d.service.clientId,
    });
  });

  it('answers a parse error with EL_SYNTAX, the column and a span inside the text', async () => {
    const expression = 'user.firstName +';
    const result = await evaluate(expression);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'EL_SYNTAX',
        message: "expected an expression after '+' at column 16",
        span: { start: 15, end: 16 },
      },
    });
  });

  it.each([
    [
      FAILING_EXPRESSION,
      { code: 'EL_ARGUMENT', message: FAILING_REASON.slice('EL_ARGUMENT: '.length), span: { start: 0, end: 16 } },
    ],
    [
      'Convert.toInt(user.department)',
      {
        code: 'EL_ARGUMENT',
        message: 'Convert.toInt cannot read "Engineering" as a number at column 15',
        span: { start: 14, end: 29 },
      },
    ],
  ])('answers the run-time failure of %s with its code, column and span', async (expression, error) => {
    expect(await evaluate(expression)).toEqual({ ok: false, error });
  });
});

describe('POST /api/sandbox/v1/expressions/check', () => {
  const CHECK = '/api/sandbox/v1/expressions/check';

  it('accepts an expression that parses, whatever it would give at run time', async () => {
    for (const expression of [
      'user.firstName',
      FAILING_EXPRESSION,
      '(appuser != null) ? appuser.userName : app.clientId',
    ]) {
      const response = await postJson(CHECK, { expression });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    }
  });

  it('answers a broken expression with the same error as saving a claim, without a user or an app', async () => {
    const response = await postJson(CHECK, { expression: 'String.reverse(user.login)' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: false,
      error: {
        code: 'EL_UNKNOWN_FUNCTION',
        message: expect.stringMatching(/^unknown function String\.reverse at column 1 /),
        span: { start: 0, end: 14 },
      },
    });
    expect(await postJson(CHECK, { expression: 'user.firstName +' }).then((r) => r.json())).toMatchObject({
      ok: false,
      error: { code: 'EL_SYNTAX', span: { start: 15, end: 16 } },
    });
  });

  it.each([
    ['a body that is not an object', 'user.login', 'body: must be a JSON object'],
    ['a missing expression', {}, 'expression: The field cannot be left blank'],
    ['an expression that is not a string', { expression: 42 }, 'expression: must be a string'],
  ])('refuses %s with 400 E0000001', async (_what, body, cause) => {
    await expectOktaError(await postJson(CHECK, body), 400, 'E0000001', [cause]);
  });
});

describe('POST /api/sandbox/v1/authorizationServers/{id}/claims/preview', () => {
  it('previews the same payloads as the real password-grant tokens and /userinfo for the same user, app and scopes', async () => {
    const result = expectOk(await preview({ userId: d.aliceId, appId: d.native.id, scopes: ALL_SCOPES.split(' ') }));
    const { status, body } = await passwordGrant(t, d.native, ALICE, ALL_SCOPES);
    expect(status).toBe(200);
    expect(stable(result.accessToken)).toEqual(stable(payloadOf(body['access_token'])));
    expect(stable(result.idToken)).toEqual(stable(payloadOf(body['id_token'])));
    const userinfo = await fetch(`${t.origin}/oauth2/default/v1/userinfo`, {
      headers: { authorization: `Bearer ${body['access_token']}` },
    });
    expect(result.userinfo).toEqual(await userinfo.json());
    // The custom claims are there to compare: a preview of nothing would compare equal too.
    expect(customClaims(result.accessToken)).toMatchObject({
      department: 'Engineering',
      order_tier: 'gold',
      roles: ['admin', 'dev'],
    });
    expect(customClaims(result.idToken!)).toEqual({
      preferred_honorific: 'Commodore',
      full_name: 'Alice Smith',
      eng_teams: ['Engineering', 'Eng-Admins'],
      in_sales: false,
    });
  });

  it('previews the same fat ID token as response_type=id_token alone', async () => {
    const result = expectOk(await preview({ userId: d.aliceId, appId: d.web.id, scopes: ALL_SCOPES.split(' ') }));
    const { fragment } = await implicitFlow(t, d.web, ALICE, 'id_token', ALL_SCOPES);
    expect(stable(result.idTokenFull)).toEqual(stable(payloadOf(fragment['id_token'])));
    expect(customClaims(result.idTokenFull!)).toMatchObject({ dept_code: 'ENGINEERING' });
  });

  it('has no ID token and no /userinfo without openid, and none without a user', async () => {
    const withoutOpenid = expectOk(await preview({ userId: d.aliceId, appId: d.web.id, scopes: ['orders:read'] }));
    expect(withoutOpenid).toMatchObject({ idToken: null, idTokenFull: null, userinfo: null });
    expect(customClaims(withoutOpenid.accessToken)).toEqual({
      department: 'Engineering',
      order_tier: 'gold',
      eng_groups: ['Engineering', 'Eng-Admins', 'eng-guild'],
      granted: `${d.web.clientId} orders:read`,
      app_user: ALICE,
      roles: ['admin', 'dev'],
      employee_number: '',
    });

    const noUser = expectOk(await preview({ userId: null, appId: d.service.id, scopes: ['orders:read'] }));
    expect(noUser).toMatchObject({ idToken: null, idTokenFull: null, userinfo: null });
    expect(noUser.accessToken).toMatchObject({ sub: d.service.clientId, cid: d.service.clientId });
    expect(noUser.accessToken).not.toHaveProperty('uid');
    expect(customClaims(noUser.accessToken)).toEqual({
      order_tier: 'silver',
      granted: `${d.service.clientId} orders:read`,
      app_user: d.service.clientId,
    });
  });

  it('lists in its trace where each claim came from or why it was left out', async () => {
    const result = expectOk(await preview({ userId: d.bobId, appId: d.native.id, scopes: ['openid', 'email'] }));
    const entries = result.trace.filter((c) => c.source.startsWith('claim ') && c.token === 'access_token');
    expect(entries.map((c) => [c.name, c.value ?? c.omitted])).toEqual([
      ['department', 'Sales'],
      ['order_tier', 'needs one of the scopes [orders:read]; granted [openid, email]'],
      ['eng_groups', 'no group matched'],
      ['title', 'the expression gave null'],
      ['retired', 'the claim is INACTIVE'],
      ['granted', `${d.native.clientId} openid,email`],
      ['app_user', 'bob@example.com'],
      ['roles', 'the expression gave null'],
      ['employee_number', 'the expression gave null'],
    ]);
  });

  it("answers a failing claim with the token request's server_error, the detail and the trace", async () => {
    const result = await preview(
      { userId: d.aliceId, appId: d.native.id, scopes: ['openid'] },
      `/api/sandbox/v1/authorizationServers/${brokenServerId}/claims/preview`,
    );
    if (result.ok) throw new Error('expected a failure');
    expect(result.error).toEqual({
      error: 'server_error',
      error_description: "The 'initials' user claim could not be evaluated.",
      detail: `claim 'initials' (${brokenClaimId}): ${FAILING_REASON}`,
    });
    expect(result.trace).toEqual([
      {
        name: 'initials',
        token: 'access_token',
        source: `claim ${brokenClaimId} (RESOURCE EXPRESSION)`,
        expression: FAILING_EXPRESSION,
        omitted: `failed: ${FAILING_REASON}`,
      },
    ]);
    const real = await passwordGrant(t, d.native, ALICE, 'openid', brokenServerId);
    expect(real.body).toEqual({ error: result.error.error, error_description: result.error.error_description });
  });

  it('stores nothing: no event, token, code or session', async () => {
    const before = tableCounts(t, STORED);
    await preview({ userId: d.aliceId, appId: d.web.id, scopes: ALL_SCOPES.split(' ') });
    await preview(
      { userId: d.aliceId, appId: d.native.id, scopes: ['openid'] },
      `/api/sandbox/v1/authorizationServers/${brokenServerId}/claims/preview`,
    );
    await evaluate('user.firstName');
    expect(tableCounts(t, STORED)).toEqual(before);
  });
});

describe('claims preview through policy evaluation (grantType)', () => {
  let shortLivedId: string;
  let daveId: string;

  beforeAll(async () => {
    shortLivedId = await createServer(t, 'short-lived');
    await createPolicyAndRule(t, shortLivedId, ['password', 'client_credentials'], 15);
    await createClaim(t, shortLivedId, { name: 'department', claimType: 'RESOURCE', value: 'user.department' });
    daveId = await createUserIn(t, 'dave@example.com', { firstName: 'Dave', lastName: 'Unassigned' });
  });

  const previewOn = (serverId: string, body: Record<string, unknown>) =>
    preview(body, `/api/sandbox/v1/authorizationServers/${serverId}/claims/preview`);

  it("decides as the token endpoint does: the matched rule's lifetime, the same decision trace and the same payloads", async () => {
    const result = expectOk(
      await previewOn(shortLivedId, {
        userId: d.aliceId,
        appId: d.native.id,
        scopes: ['openid', 'profile'],
        grantType: 'password',
      }),
    );
    const { result: real, event } = await oneEvent(t, () =>
      passwordGrant(t, d.native, ALICE, 'openid profile', shortLivedId),
    );
    expect(real.status).toBe(200);
    const access = payloadOf(real.body['access_token']);
    expect((access['exp'] as number) - (access['iat'] as number)).toBe(15 * 60);
    expect((result.accessToken['exp'] as number) - (result.accessToken['iat'] as number)).toBe(15 * 60);
    expect(stable(result.accessToken)).toEqual(stable(access));
    expect(stable(result.idToken)).toEqual(stable(payloadOf(real.body['id_token'])));
    expect(result.accessToken['department']).toBe('Engineering');
    const { claims: _claims, ...decision } = JSON.parse(event.trace!) as Record<string, unknown>;
    expect(result.decision).toEqual(decision);
    expect(result.decision).toMatchObject({
      scopes: { granted: ['openid', 'profile'] },
      lifetimes: { accessToken: 15 },
    });
  });

  it.each([
    [
      'an app not registered for the grant',
      () => ({ userId: d.aliceId, appId: d.web.id, scopes: ['openid'], grantType: 'password' }),
      {
        error: 'unauthorized_client',
        error_description:
          'The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, implicit, refresh_token].',
      },
    ],
    [
      'a user not assigned to the app',
      () => ({ userId: daveId, appId: d.native.id, scopes: ['openid'], grantType: 'password' }),
      { error: 'access_denied', error_description: 'User is not assigned to the client application.' },
    ],
    [
      'a scope the server does not have',
      () => ({ userId: d.aliceId, appId: d.native.id, scopes: ['openid', 'nope'], grantType: 'password' }),
      {
        error: 'invalid_scope',
        error_description: 'One or more scopes are not configured for the authorization server resource.',
      },
    ],
    [
      'no scope and no default scopes',
      () => ({ appId: d.service.id, scopes: [], grantType: 'client_credentials' }),
      {
        error: 'invalid_scope',
        error_description:
          "The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
      },
    ],
  ])("answers %s with the token request's OAuth error", async (_what, body, expected) => {
    const result = await previewOn(shortLivedId, body());
    if (result.ok) throw new Error('expected a refusal');
    expect({ error: result.error.error, error_description: result.error.error_description }).toEqual(expected);
    expect(result.trace).toEqual([]);
  });

  it.each([
    [{ grantType: 'client_credentials' }, 'userId: must be left out for client_credentials (its tokens have no user)'],
    [{ grantType: 'password', userId: null }, 'userId: is required for password (its tokens are for a user)'],
    [
      { grantType: 'magic' },
      `grantType: must be one of authorization_code, implicit, password, client_credentials, urn:ietf:params:oauth:grant-type:device_code`,
    ],
    // A refresh keeps the decision of the grant it came from: there is nothing new to preview.
    [
      { grantType: 'refresh_token' },
      `grantType: must be one of authorization_code, implicit, password, client_credentials, urn:ietf:params:oauth:grant-type:device_code`,
    ],
  ])('refuses %j with 400 E0000001 naming the field', async (extra, cause) => {
    await expectOktaError(
      await postJson(PREVIEW, { userId: d.aliceId, appId: d.native.id, scopes: ['openid'], ...extra }),
      400,
      'E0000001',
      [cause],
    );
  });
});

describe('refused preview requests', () => {
  const subject = () => ({ userId: d.aliceId, appId: d.web.id, scopes: ['openid'] });
  const badBodies: [string, (s: Record<string, unknown>) => unknown, string][] = [
    ['a body that is not an object', (s) => [s], 'body: must be a JSON object'],
    ['a missing appId', ({ appId: _appId, ...s }) => s, 'appId: The field cannot be left blank'],
    ['an appId that is not a string', (s) => ({ ...s, appId: 42 }), 'appId: must be an app id'],
    ['scopes that are not an array', (s) => ({ ...s, scopes: 'openid' }), 'scopes: must be an array of scope names'],
    ['a userId that is not a string', (s) => ({ ...s, userId: 42 }), 'userId: must be a user id'],
  ];
  for (const [what, body, cause] of badBodies) {
    it(`refuses ${what} with 400 E0000001 naming the field, on both endpoints`, async () => {
      await expectOktaError(await postJson(PREVIEW, body(subject())), 400, 'E0000001', [cause]);
      await expectOktaError(
        await postJson(EVALUATE, body({ ...subject(), expression: 'user.login' })),
        400,
        'E0000001',
        [cause],
      );
    });
  }

  it('refuses malformed JSON with 400 E0000003 and a missing body as not a JSON object, as the management API does', async () => {
    for (const path of [PREVIEW, EVALUATE]) {
      const malformed = await expectOktaError(await t.api(path, { method: 'POST', body: '{' }), 400, 'E0000003');
      // The parser's own words follow (they vary with the Node version).
      expect(malformed.errorCauses.map((c) => c.errorSummary)).toEqual([
        expect.stringMatching(/^body: is not valid JSON \(.+\)$/),
      ]);
      await expectOktaError(await t.api(path, { method: 'POST' }), 400, 'E0000001', ['body: must be a JSON object']);
    }
  });

  it('refuses an expression that is missing or not a string', async () => {
    await expectOktaError(await postJson(EVALUATE, subject()), 400, 'E0000001', [
      'expression: The field cannot be left blank',
    ]);
    await expectOktaError(await postJson(EVALUATE, { ...subject(), expression: 42 }), 400, 'E0000001', [
      'expression: must be a string',
    ]);
  });

  it('refuses a scope the server does not have (without a grant type, where no policy would refuse it)', async () => {
    await expectOktaError(await postJson(PREVIEW, { ...subject(), scopes: ['openid', 'nope'] }), 400, 'E0000001', [
      "scopes: 'nope' is not a scope of this authorization server",
    ]);
  });

  it('answers an unknown server, app or user with 404 E0000007 naming it', async () => {
    const notFound = async (response: Response, id: string, kind: string) =>
      expect((await expectOktaError(response, 404, 'E0000007')).errorSummary).toBe(
        `Not found: Resource not found: ${id} (${kind})`,
      );
    await notFound(
      await postJson('/api/sandbox/v1/authorizationServers/ausNOPE/claims/preview', subject()),
      'ausNOPE',
      'AuthorizationServer',
    );
    for (const path of [PREVIEW, EVALUATE]) {
      const body = { ...subject(), expression: 'user.login' };
      await notFound(await postJson(path, { ...body, appId: '0oaNOPE' }), '0oaNOPE', 'Application');
      await notFound(await postJson(path, { ...body, userId: '00uNOPE' }), '00uNOPE', 'User');
    }
  });

  it('refuses a request without a token with 403 E0000005 and a wrong token with 401 E0000011, as the rest of the sandbox API', async () => {
    for (const path of [PREVIEW, EVALUATE]) {
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...subject(), expression: 'user.login' }),
      };
      await expectOktaError(await fetch(`${t.origin}${path}`, init), 403, 'E0000005');
      await expectOktaError(
        await fetch(`${t.origin}${path}`, { ...init, headers: { ...init.headers, authorization: 'SSWS wrong' } }),
        401,
        'E0000011',
      );
    }
  });

  it('answers another verb with 405 E0000022', async () => {
    await expectOktaError(await t.api(EVALUATE), 405, 'E0000022');
    await expectOktaError(await t.api(PREVIEW), 405, 'E0000022');
  });
});
