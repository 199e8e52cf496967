/**
 * What the custom-claim tests share: claims made through the management API, users made with
 * custom attributes and group memberships, and one directory on the `default` server modelled on
 * Okta "Expression Language overview"'s sample (alice in Engineering, Eng-Admins, West Coast, eng-guild and Senior Eng;
 * bob in Sales) with claims of both types and both value types. The flows that fetch real tokens
 * (code + PKCE through openid-client, implicit through the sign-in page, the password grant) are
 * here too, so the token tests and the preview tests mint the same way.
 */
import {
  ClientSecretBasic,
  allowInsecureRequests,
  authorizationCodeGrant,
  buildAuthorizationUrl,
  calculatePKCECodeChallenge,
  discovery,
  randomNonce,
  randomPKCECodeVerifier,
  randomState,
} from 'openid-client';
import type { Configuration } from 'openid-client';
import { expect } from 'vitest';
import type { TestApp } from '../../support/app.js';
import { createGroup } from '../../support/directory.js';
import {
  Browser,
  REDIRECT_URI,
  authorizeUrl,
  createWebClient,
  redirectParams,
  signInThrough,
} from '../authorize/fixtures.js';
import {
  PASSWORD,
  assignUser,
  basic,
  createClient,
  createPasswordClient,
  createScope,
  decodeJwt,
  postToken,
} from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

export interface ClaimBody {
  name: string;
  claimType: 'RESOURCE' | 'IDENTITY';
  valueType?: 'EXPRESSION' | 'GROUPS';
  value: string;
  group_filter_type?: 'STARTS_WITH' | 'EQUALS' | 'CONTAINS' | 'REGEX';
  alwaysIncludeInToken?: boolean;
  conditions?: { scopes: string[] };
  status?: 'ACTIVE' | 'INACTIVE';
}

async function expectStatus<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A claim of the server; returns its id. */
export async function createClaim(t: TestApp, serverId: string, body: ClaimBody): Promise<string> {
  const response = await t.api(`/api/v1/authorizationServers/${serverId}/claims`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  return (await expectStatus<{ id: string }>(response, 201, `creating claim ${body.name}`)).id;
}

/** An ACTIVE user (password PASSWORD) with the given profile, custom attributes included, in the given groups. */
export async function createUserIn(
  t: TestApp,
  login: string,
  profile: Record<string, unknown>,
  groupIds: string[] = [],
): Promise<string> {
  const body = {
    profile: { login, email: login, ...profile },
    credentials: { password: { value: PASSWORD } },
    groupIds,
  };
  const user = await expectStatus<{ id: string; profile: Record<string, unknown> }>(
    await t.api('/api/v1/users?activate=true', { method: 'POST', body: JSON.stringify(body) }),
    200,
    `creating ${login}`,
  );
  expect(user.profile, 'the users API keeps custom attributes as given').toMatchObject(profile);
  return user.id;
}

/** Sets an app's `profile` (what `app.profile.*` reads) by replacing the app with itself plus the profile. */
export async function setAppProfile(t: TestApp, appId: string, profile: Record<string, unknown>): Promise<void> {
  const app = await expectStatus<Record<string, unknown>>(await t.api(`/api/v1/apps/${appId}`), 200, 'reading the app');
  const replaced = await expectStatus<{ profile: unknown }>(
    await t.api(`/api/v1/apps/${appId}`, { method: 'PUT', body: JSON.stringify({ ...app, profile }) }),
    200,
    'replacing the app',
  );
  expect(replaced.profile).toEqual(profile);
}

/** The claims of `default` in creation order, by name (the seed's `preferred_honorific` comes first). */
export const DEFAULT_SERVER_CLAIMS: ClaimBody[] = [
  { name: 'department', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'user.department' },
  {
    name: 'order_tier',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: 'app.profile.tier',
    conditions: { scopes: ['orders:read'] },
  },
  { name: 'eng_groups', claimType: 'RESOURCE', valueType: 'GROUPS', group_filter_type: 'STARTS_WITH', value: 'eng' },
  { name: 'title', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'user.title' },
  { name: 'retired', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: '"never"', status: 'INACTIVE' },
  {
    name: 'granted',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: 'app.clientId + " " + Arrays.toCsvString(access.scope)',
  },
  {
    name: 'app_user',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: '(appuser != null) ? appuser.userName : app.clientId',
  },
  { name: 'roles', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'user.roles' },
  { name: 'employee_number', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: 'user.employeeNumber' },
  { name: 'full_name', claimType: 'IDENTITY', valueType: 'EXPRESSION', value: 'user.firstName + " " + user.lastName' },
  {
    name: 'dept_code',
    claimType: 'IDENTITY',
    valueType: 'EXPRESSION',
    value: 'String.toUpperCase(user.department)',
    alwaysIncludeInToken: false,
  },
  { name: 'eng_teams', claimType: 'IDENTITY', valueType: 'GROUPS', group_filter_type: 'REGEX', value: 'Eng.*' },
  { name: 'in_sales', claimType: 'IDENTITY', valueType: 'EXPRESSION', value: 'isMemberOfGroupName("Sales")' },
];
/** An expression that parses but fails at run time for a user named Alice: `substring` with start after end. */
export const FAILING_EXPRESSION = 'String.substring(user.firstName, 3, 1)';
/** The EL error it gives, as the event log's detail and the trace's `failed:` reason show it. */
export const FAILING_REASON =
  'EL_ARGUMENT: String.substring needs 0 ≤ start ≤ end ≤ 5 (the length), got start 3 and end 1 at column 1';
export const SEED_CLAIM = 'preferred_honorific';
/** Every custom claim name of `default`: what `customClaims` keeps of a payload. */
export const CUSTOM_CLAIM_NAMES = [SEED_CLAIM, ...DEFAULT_SERVER_CLAIMS.map((c) => c.name)];

/** The custom claims of a token payload or /userinfo answer, and nothing else. */
export const customClaims = (payload: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(payload).filter(([name]) => CUSTOM_CLAIM_NAMES.includes(name)));

export const ALICE = 'alice@example.com';
export const BOB = 'bob@example.com';
export const ALL_SCOPES = 'openid profile email orders:read';

export interface Directory {
  /** A confidential web app (code, implicit), profile {tier: "gold"}. */
  web: TestClient;
  /** A native app allowed the password grant, profile {tier: "gold"}. */
  native: TestClient;
  /** A service app (client_credentials), profile {tier: "silver"}. */
  service: TestClient;
  aliceId: string;
  bobId: string;
  /** Claim ids by name, the seed's included. */
  claimIds: Record<string, string>;
}

/**
 * The directory on `default`: groups Engineering, Eng-Admins, West Coast, eng-guild, Senior Eng
 * (alice's) and Sales (bob's); alice as in Okta "Expression Language overview" (honorific "Commodore", employeeNumber "",
 * title unset, roles ["admin","dev"]); bob without honorific; the scope `orders:read`; the claims of
 * DEFAULT_SERVER_CLAIMS; the three apps, each assigned alice and bob.
 */
export async function setUpDirectory(t: TestApp): Promise<Directory> {
  const aliceGroups = [];
  for (const name of ['Engineering', 'Eng-Admins', 'West Coast', 'eng-guild', 'Senior Eng'])
    aliceGroups.push(await createGroup(t, name));
  const sales = await createGroup(t, 'Sales');
  const aliceId = await createUserIn(
    t,
    ALICE,
    {
      firstName: 'Alice',
      lastName: 'Smith',
      honorific: 'Commodore',
      department: 'Engineering',
      employeeNumber: '',
      roles: ['admin', 'dev'],
    },
    aliceGroups,
  );
  const bobId = await createUserIn(t, BOB, { firstName: 'Bob', lastName: 'Jones', department: 'Sales' }, [sales]);
  await createScope(t, 'default', 'orders:read');

  const claimIds: Record<string, string> = {};
  const existing = await expectStatus<{ id: string; name: string }[]>(
    await t.api('/api/v1/authorizationServers/default/claims'),
    200,
    'listing claims',
  );
  claimIds[SEED_CLAIM] = existing.find((c) => c.name === SEED_CLAIM)!.id;
  for (const claim of DEFAULT_SERVER_CLAIMS) claimIds[claim.name] = await createClaim(t, 'default', claim);

  const web = await createWebClient(t);
  const native = await createPasswordClient(t);
  const service = await createClient(t, { label: 'Orders service' });
  for (const [app, tier] of [
    [web, 'gold'],
    [native, 'gold'],
    [service, 'silver'],
  ] as const)
    await setAppProfile(t, app.id, { tier });
  for (const app of [web, native]) {
    await assignUser(t, app.id, aliceId);
    await assignUser(t, app.id, bobId);
  }
  return { web, native, service, aliceId, bobId, claimIds };
}

/** openid-client's view of a server for a confidential client. */
export const clientConfig = (t: TestApp, client: TestClient, serverId = 'default'): Promise<Configuration> =>
  discovery(
    new URL(`${t.origin}/oauth2/${serverId}`),
    client.clientId,
    undefined,
    ClientSecretBasic(client.clientSecret!),
    { execute: [allowInsecureRequests] },
  );

/** The code flow with PKCE, signing in through the form and exchanging the code with openid-client. */
export async function codeFlow(t: TestApp, client: TestClient, login: string, scope: string) {
  const config = await clientConfig(t, client);
  const verifier = randomPKCECodeVerifier();
  const state = randomState();
  const nonce = randomNonce();
  const url = buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope,
    state,
    nonce,
    code_challenge: await calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  });
  const answer = await signInThrough(t, new Browser(), url.href, login);
  expect(answer.status, 'the redirect with the code').toBe(302);
  const tokens = await authorizationCodeGrant(config, new URL(answer.headers.get('location')!), {
    pkceCodeVerifier: verifier,
    expectedState: state,
    expectedNonce: nonce,
  });
  return { config, tokens, nonce };
}

/** The implicit flow through the sign-in page; returns the parameters of the fragment and what was sent. */
export async function implicitFlow(
  t: TestApp,
  client: TestClient,
  login: string,
  responseType: string,
  scope: string,
  serverId = 'default',
) {
  const params = {
    client_id: client.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: responseType,
    scope,
    state: randomState(),
    nonce: randomNonce(),
  };
  const answer = await signInThrough(t, new Browser(), authorizeUrl(t, params, serverId), login);
  return { answer, params, fragment: redirectParams(answer, 'fragment') };
}

/** The password grant; returns the answer's status and body. */
export async function passwordGrant(
  t: TestApp,
  client: TestClient,
  login: string,
  scope: string,
  serverId = 'default',
) {
  const auth = { authorization: basic(client.clientId, client.clientSecret!) };
  const response = await postToken(
    t,
    { grant_type: 'password', username: login, password: PASSWORD, scope },
    auth,
    serverId,
  );
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

/** The decoded payload of the access or ID token of a token answer. */
export const payloadOf = (token: string | undefined): Record<string, unknown> => decodeJwt(token!).payload;
