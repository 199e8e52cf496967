/**
 * Custom claims in real tokens (Okta "Authorization Server Claims" API, "OpenID Connect & OAuth 2.0 API"–37): RESOURCE claims in access
 * tokens, IDENTITY claims in ID tokens (only `alwaysIncludeInToken` ones in a thin ID token, all of
 * them in the fat one of `response_type=id_token`) and in /userinfo, each present with its exact value
 * or absent — INACTIVE, scope-conditioned, null and no-group-matched claims left out — across the code
 * flow (openid-client), implicit, password and client_credentials; the Okta JWT verifier and
 * introspection see them; a RESOURCE `sub`/`aud` overrides the access token's; the event's decision
 * trace says where each claim came from or why it was left out.
 */
import OktaJwtVerifier from '@okta/jwt-verifier';
import {
  clientCredentialsGrant,
  fetchUserInfo,
  implicitAuthentication,
  refreshTokenGrant,
  tokenIntrospection,
  useIdTokenResponseType,
} from 'openid-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { assignUser, createPolicyAndRule, createScope, createServer, oneEvent } from '../token/fixtures.js';
import type { ClaimTrace } from '../../../src-main/contracts/trace.js';
import {
  ALICE,
  ALL_SCOPES,
  BOB,
  DEFAULT_SERVER_CLAIMS,
  SEED_CLAIM,
  clientConfig,
  codeFlow,
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

beforeAll(async () => {
  t = await startTestApp();
  d = await setUpDirectory(t);
  // jwt-verifier warns about the disabled HTTPS check.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

/** Alice's RESOURCE claims with every scope of ALL_SCOPES granted to `clientId` (an app of tier gold). */
const aliceAccess = (clientId: string) => ({
  department: 'Engineering',
  order_tier: 'gold',
  // STARTS_WITH ignores case: eng-guild is in; "Senior Eng" does not start with it.
  eng_groups: ['Engineering', 'Eng-Admins', 'eng-guild'],
  granted: `${clientId} openid,profile,email,orders:read`,
  app_user: ALICE,
  roles: ['admin', 'dev'],
  // Cleared (""), not unset: a value, so the claim is there.
  employee_number: '',
});
/** Alice's IDENTITY claims that are always included (profile granted). */
const ALICE_THIN_ID = {
  [SEED_CLAIM]: 'Commodore',
  full_name: 'Alice Smith',
  // REGEX is case-sensitive and whole-name: not eng-guild, not Senior Eng, not West Coast.
  eng_teams: ['Engineering', 'Eng-Admins'],
  in_sales: false,
};
const ALICE_FAT_ID = { ...ALICE_THIN_ID, dept_code: 'ENGINEERING' };

describe('custom claims on the default server', () => {
  it('code + PKCE: RESOURCE claims in the access token, always-included IDENTITY claims in the thin ID token, all of them in /userinfo', async () => {
    const { config, tokens } = await codeFlow(t, d.web, ALICE, ALL_SCOPES);
    const access = payloadOf(tokens.access_token);
    const id = payloadOf(tokens.id_token);
    expect(customClaims(access)).toEqual(aliceAccess(d.web.clientId));
    expect(access).toMatchObject({
      sub: ALICE,
      uid: d.aliceId,
      aud: 'api://default',
      scp: ['openid', 'profile', 'email', 'orders:read'],
    });
    expect(customClaims(id)).toEqual(ALICE_THIN_ID);
    expect(id).toMatchObject({ sub: d.aliceId, aud: d.web.clientId, name: 'Alice Smith', preferred_username: ALICE });

    const userinfo = await fetchUserInfo(config, tokens.access_token, d.aliceId);
    expect(customClaims(userinfo)).toEqual(ALICE_FAT_ID);
    expect(userinfo).toMatchObject({ sub: d.aliceId, given_name: 'Alice', email: ALICE });
  });

  it('the Okta JWT verifier accepts an access token carrying custom claims and reads them', async () => {
    const { tokens } = await codeFlow(t, d.web, ALICE, ALL_SCOPES);
    const verifier = new OktaJwtVerifier({
      issuer: `${t.origin}/oauth2/default`,
      testing: { disableHttpsCheck: true },
    });
    const jwt = await verifier.verifyAccessToken(tokens.access_token, 'api://default');
    expect(customClaims(jwt.claims as Record<string, unknown>)).toEqual(aliceAccess(d.web.clientId));
  });

  it('introspection passes the custom claims through', async () => {
    const { config, tokens } = await codeFlow(t, d.web, ALICE, ALL_SCOPES);
    const described = await tokenIntrospection(config, tokens.access_token);
    expect(described).toMatchObject({ active: true, client_id: d.web.clientId, uid: d.aliceId });
    expect(customClaims(described)).toEqual(aliceAccess(d.web.clientId));
  });

  it('leaves out a claim whose conditions.scopes were not granted: order_tier without orders:read, preferred_honorific without profile', async () => {
    const { config, tokens } = await codeFlow(t, d.web, ALICE, 'openid email');
    const { order_tier: _tier, granted: _granted, ...access } = aliceAccess(d.web.clientId);
    expect(customClaims(payloadOf(tokens.access_token))).toEqual({
      ...access,
      granted: `${d.web.clientId} openid,email`,
    });
    const { [SEED_CLAIM]: _honorific, ...thin } = ALICE_THIN_ID;
    expect(customClaims(payloadOf(tokens.id_token))).toEqual(thin);
    expect(customClaims(await fetchUserInfo(config, tokens.access_token, d.aliceId))).toEqual({
      ...thin,
      dept_code: 'ENGINEERING',
    });
  });

  it('gives bob only the claims he has values for: no honorific, roles, employee number or Eng groups; in Sales', async () => {
    const { config, tokens } = await codeFlow(t, d.web, BOB, ALL_SCOPES);
    expect(customClaims(payloadOf(tokens.access_token))).toEqual({
      department: 'Sales',
      order_tier: 'gold',
      granted: `${d.web.clientId} openid,profile,email,orders:read`,
      app_user: BOB,
    });
    expect(customClaims(payloadOf(tokens.id_token))).toEqual({ full_name: 'Bob Jones', in_sales: true });
    expect(customClaims(await fetchUserInfo(config, tokens.access_token, d.bobId))).toEqual({
      full_name: 'Bob Jones',
      dept_code: 'SALES',
      in_sales: true,
    });
  });

  it('response_type=id_token alone: a fat ID token with every IDENTITY claim, which openid-client accepts', async () => {
    const { answer, params, fragment } = await implicitFlow(t, d.web, ALICE, 'id_token', ALL_SCOPES);
    expect(customClaims(payloadOf(fragment['id_token']))).toEqual(ALICE_FAT_ID);
    const config = await clientConfig(t, d.web);
    useIdTokenResponseType(config);
    const idToken = await implicitAuthentication(config, new URL(answer.headers.get('location')!), params.nonce, {
      expectedState: params.state,
    });
    expect(customClaims(idToken)).toEqual(ALICE_FAT_ID);
  });

  it('response_type=id_token token: the access token with the RESOURCE claims and a thin ID token', async () => {
    const { fragment } = await implicitFlow(t, d.web, ALICE, 'id_token token', ALL_SCOPES);
    expect(customClaims(payloadOf(fragment['access_token']))).toEqual(aliceAccess(d.web.clientId));
    expect(customClaims(payloadOf(fragment['id_token']))).toEqual(ALICE_THIN_ID);
  });

  it('the password grant carries the same claims', async () => {
    const { status, body } = await passwordGrant(t, d.native, ALICE, ALL_SCOPES);
    expect(status).toBe(200);
    expect(customClaims(payloadOf(body['access_token']))).toEqual(aliceAccess(d.native.clientId));
    expect(customClaims(payloadOf(body['id_token']))).toEqual(ALICE_THIN_ID);
  });

  it('computes the claims again at refresh: a changed profile and narrowed scopes show in the new tokens', async () => {
    const carolId = await createUserIn(t, 'carol@example.com', {
      firstName: 'Carol',
      lastName: 'Diaz',
      department: 'Support',
    });
    await assignUser(t, d.web.id, carolId);
    const { config, tokens } = await codeFlow(t, d.web, 'carol@example.com', 'openid offline_access orders:read');
    expect(customClaims(payloadOf(tokens.access_token))).toMatchObject({ department: 'Support', order_tier: 'gold' });

    const changed = await t.api(`/api/v1/users/${carolId}`, {
      method: 'POST',
      body: JSON.stringify({ profile: { department: 'Research', lastName: 'Reyes' } }),
    });
    expect(changed.status).toBe(200);
    const refreshed = await refreshTokenGrant(config, tokens.refresh_token!, { scope: 'openid offline_access' });
    expect(customClaims(payloadOf(refreshed.access_token))).toEqual({
      department: 'Research',
      granted: `${d.web.clientId} openid,offline_access`,
      app_user: 'carol@example.com',
    });
    expect(customClaims(payloadOf(refreshed.id_token))).toEqual({ full_name: 'Carol Reyes', in_sales: false });
  });

  it('client_credentials has no user: user and GROUPS claims are left out, app and scope claims are there', async () => {
    const tokens = await clientCredentialsGrant(await clientConfig(t, d.service), { scope: 'orders:read' });
    const access = payloadOf(tokens.access_token);
    expect(customClaims(access)).toEqual({
      order_tier: 'silver',
      granted: `${d.service.clientId} orders:read`,
      app_user: d.service.clientId,
    });
    expect(access['sub']).toBe(d.service.clientId);
    expect(access).not.toHaveProperty('uid');
  });
});

describe('overriding sub and aud of access tokens', () => {
  let serverId: string;

  beforeAll(async () => {
    serverId = await createServer(t, 'overrides');
    await createScope(t, serverId, 'orders:read');
    await createPolicyAndRule(t, serverId, ['client_credentials', 'password']);
    await createClaim(t, serverId, {
      name: 'sub',
      claimType: 'RESOURCE',
      value: '(appuser != null) ? "user:" + appuser.userName : "svc:" + app.clientId',
    });
    await createClaim(t, serverId, { name: 'aud', claimType: 'RESOURCE', value: '"api://orders-v2"' });
  });

  it('a RESOURCE claim named sub (or aud) replaces the system one; the Okta JWT verifier accepts the new audience', async () => {
    const tokens = await clientCredentialsGrant(await clientConfig(t, d.service, serverId), { scope: 'orders:read' });
    expect(payloadOf(tokens.access_token)).toMatchObject({
      sub: `svc:${d.service.clientId}`,
      aud: 'api://orders-v2',
      cid: d.service.clientId,
    });
    const verifier = new OktaJwtVerifier({
      issuer: `${t.origin}/oauth2/${serverId}`,
      testing: { disableHttpsCheck: true },
    });
    await expect(verifier.verifyAccessToken(tokens.access_token, 'api://orders-v2')).resolves.toMatchObject({
      claims: { sub: `svc:${d.service.clientId}` },
    });
  });

  it('overrides the access token sub for a user, but not the ID token sub', async () => {
    const { status, body } = await passwordGrant(t, d.native, ALICE, 'openid orders:read', serverId);
    expect(status).toBe(200);
    expect(payloadOf(body['access_token'])).toMatchObject({
      sub: `user:${ALICE}`,
      aud: 'api://orders-v2',
      uid: d.aliceId,
    });
    expect(payloadOf(body['id_token'])).toMatchObject({ sub: d.aliceId, aud: d.native.clientId });
  });
});

describe('the decision trace', () => {
  /** The trace entry of a claim of DEFAULT_SERVER_CLAIMS (or the seed's), with its source written out. */
  const entry = (
    token: ClaimTrace['token'],
    name: string,
    type: string,
    outcome: { value: unknown } | { omitted: string },
  ): ClaimTrace => ({
    name,
    token,
    source: `claim ${d.claimIds[name]} (${type})`,
    expression: name === SEED_CLAIM ? 'user.honorific' : DEFAULT_SERVER_CLAIMS.find((c) => c.name === name)!.value,
    // The password grant's ID token comes with an access token: the thin one.
    ...(token === 'id_token' ? { idToken: 'thin' as const } : {}),
    ...outcome,
  });

  it('lists every custom claim of a token request with its source, expression and value, or why it was left out', async () => {
    const { result, event } = await oneEvent(t, () => passwordGrant(t, d.native, BOB, 'openid email'));
    expect(result.status).toBe(200);
    const claims = (JSON.parse(event.trace!) as { claims: ClaimTrace[] }).claims.filter((c) =>
      c.source.startsWith('claim '),
    );
    const thinOnly = 'included only in /userinfo and ID tokens requested alone (alwaysIncludeInToken is false)';
    expect(claims).toEqual([
      entry('access_token', 'department', 'RESOURCE EXPRESSION', { value: 'Sales' }),
      entry('access_token', 'order_tier', 'RESOURCE EXPRESSION', {
        omitted: 'needs one of the scopes [orders:read]; granted [openid, email]',
      }),
      entry('access_token', 'eng_groups', 'RESOURCE GROUPS STARTS_WITH', { omitted: 'no group matched' }),
      entry('access_token', 'title', 'RESOURCE EXPRESSION', { omitted: 'the expression gave null' }),
      entry('access_token', 'retired', 'RESOURCE EXPRESSION', { omitted: 'the claim is INACTIVE' }),
      entry('access_token', 'granted', 'RESOURCE EXPRESSION', { value: `${d.native.clientId} openid,email` }),
      entry('access_token', 'app_user', 'RESOURCE EXPRESSION', { value: BOB }),
      entry('access_token', 'roles', 'RESOURCE EXPRESSION', { omitted: 'the expression gave null' }),
      entry('access_token', 'employee_number', 'RESOURCE EXPRESSION', { omitted: 'the expression gave null' }),
      entry('id_token', SEED_CLAIM, 'IDENTITY EXPRESSION', {
        omitted: 'needs one of the scopes [profile]; granted [openid, email]',
      }),
      entry('id_token', 'full_name', 'IDENTITY EXPRESSION', { value: 'Bob Jones' }),
      entry('id_token', 'dept_code', 'IDENTITY EXPRESSION', { omitted: thinOnly }),
      entry('id_token', 'eng_teams', 'IDENTITY GROUPS REGEX', { omitted: 'no group matched' }),
      entry('id_token', 'in_sales', 'IDENTITY EXPRESSION', { value: true }),
    ]);
  });

  it("records the claims /userinfo computed in its event's trace", async () => {
    const { body } = await passwordGrant(t, d.native, ALICE, ALL_SCOPES);
    const { event } = await oneEvent(t, () =>
      fetch(`${t.origin}/oauth2/default/v1/userinfo`, { headers: { authorization: `Bearer ${body['access_token']}` } }),
    );
    const claims = (JSON.parse(event.trace!) as { claims: ClaimTrace[] }).claims.filter((c) =>
      c.source.startsWith('claim '),
    );
    expect(claims).toEqual([
      entry('userinfo', SEED_CLAIM, 'IDENTITY EXPRESSION', { value: 'Commodore' }),
      entry('userinfo', 'full_name', 'IDENTITY EXPRESSION', { value: 'Alice Smith' }),
      entry('userinfo', 'dept_code', 'IDENTITY EXPRESSION', { value: 'ENGINEERING' }),
      entry('userinfo', 'eng_teams', 'IDENTITY GROUPS REGEX', { value: ['Engineering', 'Eng-Admins'] }),
      entry('userinfo', 'in_sales', 'IDENTITY EXPRESSION', { value: false }),
    ]);
  });
});
