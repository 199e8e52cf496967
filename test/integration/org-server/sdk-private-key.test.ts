/**
 * `@okta/okta-sdk-nodejs` 8 in PrivateKey mode (OAuth 2.0 for service apps) against a real server:
 * `client_credentials` with `private_key_jwt` and a DPoP proof at `/oauth2/v1/token`, then `/api/v1`
 * with the token, allowed what `okta.users.read` allows and refused creating a user (403 E0000006).
 *
 * For an app that requires DPoP, Authbox answers the first token request as Okta does: 400
 * `use_dpop_nonce` with a `DPoP-Nonce` header, and the SDK retries with the nonce. (Its
 * src/oauth.js takes `require('./http')` as the class, but that module exports `{ Http }`, so
 * `Http.errorFilter` is undefined and the 400 passes on to the SDK's own `use_dpop_nonce` check.)
 */
import { Client } from '@okta/okta-sdk-nodejs';
import type { CreateUserRequest } from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { collect } from '../../support/okta.js';
import { createUser } from '../token/fixtures.js';
import { createKeyApp } from './fixtures.js';
import type { KeyApp } from './fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  await createUser(t, 'sid@example.com');
});

afterAll(async () => {
  await t?.close();
});

function privateKeyClient(app: KeyApp): Client {
  return new Client({
    orgUrl: t.origin,
    authorizationMode: 'PrivateKey',
    clientId: app.clientId,
    scopes: ['okta.users.read'],
    privateKey: JSON.stringify(app.privateJwk),
    keyId: app.kid,
    cacheMiddleware: null,
  });
}

const newUser = {
  profile: { login: 'new@example.com', email: 'new@example.com', firstName: 'New', lastName: 'User' },
} as CreateUserRequest;

async function rejection(call: Promise<unknown>): Promise<{ status: number; errorCode?: string; headers?: unknown }> {
  try {
    await call;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

/** What the SDK's OAuth helper exposes (not in its typings). */
const usesDpop = (client: Client) => (client as unknown as { oauth: { isDPoP: boolean } }).oauth.isDPoP;

describe('@okta/okta-sdk-nodejs in PrivateKey mode', () => {
  it('lists users and is refused creating one with okta.users.read (app without DPoP)', async () => {
    const app = await createKeyApp(t, { label: 'SDK reader', dpop: false, scopes: ['okta.users.read'] });
    const client = privateKeyClient(app);
    const users = await collect(await client.userApi.listUsers());
    expect(users.map((u) => u.profile?.login)).toEqual(['sid@example.com']);
    const refused = await rejection(client.userApi.createUser({ body: newUser }));
    expect(refused).toMatchObject({ status: 403, errorCode: 'E0000006' });
  });

  it('answers the use_dpop_nonce round as Okta does, and then works over DPoP (app requiring DPoP)', async () => {
    const app = await createKeyApp(t, { label: 'SDK DPoP reader', dpop: true, scopes: ['okta.users.read'] });
    const client = privateKeyClient(app);
    const users = await collect(await client.userApi.listUsers());
    expect(users.map((u) => u.profile?.login)).toEqual(['sid@example.com']);
    expect(usesDpop(client)).toBe(true);
    const refused = await rejection(client.userApi.createUser({ body: newUser }));
    expect(refused).toMatchObject({ status: 403, errorCode: 'E0000006' });
    const events = (await (await t.api('/api/sandbox/v1/events?limit=50')).json()) as {
      endpoint: string;
      clientId: string;
      error: string | null;
    }[];
    const tokenErrors = events.filter((e) => e.endpoint === 'token' && e.clientId === app.clientId).map((e) => e.error);
    expect(tokenErrors.sort()).toEqual(['use_dpop_nonce', null].sort());
  });
});
