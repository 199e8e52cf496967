import { describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../../src-main/core/ports/apps.js';
import { ClientAuthenticator, JWT_BEARER, presentedMethod } from '../../../../src-main/core/protocol/client-auth.js';
import type { PresentedCredentials } from '../../../../src-main/core/protocol/client-auth.js';
import type { ClientAssertionRepository } from '../../../../src-main/core/ports/client-assertions.js';
import { InvalidClient, InvalidRequest, type OAuthError } from '../../../../src-main/core/protocol/oauth-errors.js';
import { originOf } from '../../../../src-main/core/protocol/token-grants/check-origin.js';
import { FakeClock, FakeCrypto, fakeJws } from '../fakes.js';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const ENDPOINT = 'http://127.0.0.1:1/oauth2/default/v1/token';
const AUDIENCES = { endpointUrl: ENDPOINT, issuer: 'http://127.0.0.1:1/oauth2/default' };

function thrown(action: () => unknown): OAuthError {
  try {
    action();
  } catch (error) {
    return error as OAuthError;
  }
  throw new Error('expected an error');
}

describe('presentedMethod', () => {
  it.each<[string, PresentedCredentials, string]>([
    ['Basic header', { basic: { clientId: 'c', clientSecret: 's' } }, 'client_secret_basic'],
    [
      'Basic header and the same client_id in the body',
      { basic: { clientId: 'c', clientSecret: 's' }, clientId: 'c' },
      'client_secret_basic',
    ],
    ['client_id and client_secret in the body', { clientId: 'c', clientSecret: 's' }, 'client_secret_post'],
    ['client_id alone', { clientId: 'c' }, 'none'],
    ['a client assertion', { clientAssertionType: JWT_BEARER, clientAssertion: 'a.b.c' }, 'jwt'],
  ])('reads %s', (_name, credentials, method) => {
    expect(presentedMethod(credentials).method).toBe(method);
  });

  it.each<[string, PresentedCredentials]>([
    ['Basic and client_secret', { basic: { clientId: 'c', clientSecret: 's' }, clientSecret: 's' }],
    [
      'Basic and an assertion',
      { basic: { clientId: 'c', clientSecret: 's' }, clientAssertionType: JWT_BEARER, clientAssertion: 'a.b.c' },
    ],
    [
      'client_secret and an assertion',
      { clientId: 'c', clientSecret: 's', clientAssertionType: JWT_BEARER, clientAssertion: 'a.b.c' },
    ],
  ])('refuses %s together as invalid_request', (_name, credentials) => {
    const error = thrown(() => presentedMethod(credentials));
    expect(error).toBeInstanceOf(InvalidRequest);
    expect(error.description).toBe(
      'Cannot supply multiple client credentials. Use one of the following: credentials in the Authorization header, credentials in the post body, or a client_assertion in the post body.',
    );
  });

  it.each<[string, PresentedCredentials, string]>([
    ['nothing', {}, 'No client credentials found.'],
    ['a client_secret without client_id', { clientSecret: 's' }, 'No client credentials found.'],
    [
      'a malformed Basic header',
      { basic: 'malformed' },
      'Client authentication failed. Either the client or the client credentials are invalid.',
    ],
    [
      'another client_id in the body than in Basic',
      { basic: { clientId: 'c', clientSecret: 's' }, clientId: 'd' },
      'Client authentication failed. Either the client or the client credentials are invalid.',
    ],
    [
      'a wrong client_assertion_type',
      { clientAssertionType: 'urn:x', clientAssertion: 'a.b.c' },
      'Client authentication failed. Either the client or the client credentials are invalid.',
    ],
  ])('refuses %s as invalid_client', (_name, credentials, description) => {
    const error = thrown(() => presentedMethod(credentials));
    expect(error).toBeInstanceOf(InvalidClient);
    expect(error.description).toBe(description);
  });
});

class MemoryAssertions implements ClientAssertionRepository {
  readonly used = new Map<string, Date>();
  useOnce(clientId: string, jti: string, expiresAt: Date, now: Date): boolean {
    for (const [k, exp] of this.used) if (exp <= now) this.used.delete(k);
    const key = `${clientId} ${jti}`;
    if (this.used.has(key)) return false;
    this.used.set(key, expiresAt);
    return true;
  }
}

const app = (overrides: Partial<AppRecord> & { jwks?: { keys: Record<string, unknown>[] } } = {}): AppRecord => {
  const { jwks, ...rest } = overrides;
  return {
    id: '0oaAPP',
    label: 'App',
    status: 'ACTIVE',
    clientId: 'client-1',
    clientSecret: 'secret-1',
    authMethod: 'client_secret_basic',
    applicationType: 'service',
    document: {
      oauth: { grant_types: ['client_credentials'], redirect_uris: [], ...(jwks ? { jwks } : {}) },
    } as unknown as AppRecord['document'],
    created: NOW,
    lastUpdated: NOW,
    ...rest,
  };
};

function authenticator(apps: AppRecord[], clock = new FakeClock(NOW)) {
  const assertions = new MemoryAssertions();
  const auth = new ClientAuthenticator({
    apps: { byClientId: (id) => apps.find((a) => a.clientId === id) },
    assertions,
    crypto: new FakeCrypto(),
    clock,
  });
  return { auth, assertions };
}

async function rejection(promise: Promise<unknown>): Promise<OAuthError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as OAuthError,
  );
}

describe('ClientAuthenticator: secrets', () => {
  it('accepts the right secret by the app method', async () => {
    const { auth } = authenticator([app()]);
    await expect(
      auth.authenticate({ basic: { clientId: 'client-1', clientSecret: 'secret-1' } }, AUDIENCES),
    ).resolves.toMatchObject({ id: '0oaAPP' });
  });

  it.each<[string, AppRecord, PresentedCredentials, string]>([
    [
      'an unknown client',
      app(),
      { basic: { clientId: 'nope', clientSecret: 'secret-1' } },
      "no app has the client_id 'nope'",
    ],
    [
      'a wrong secret',
      app(),
      { basic: { clientId: 'client-1', clientSecret: 'secret-2' } },
      'the client secret is wrong',
    ],
    [
      'a longer secret with the right start',
      app(),
      { basic: { clientId: 'client-1', clientSecret: 'secret-10' } },
      'the client secret is wrong',
    ],
    [
      'an INACTIVE app',
      app({ status: 'INACTIVE' }),
      { basic: { clientId: 'client-1', clientSecret: 'secret-1' } },
      'is INACTIVE',
    ],
    [
      'the post method for a basic app',
      app(),
      { clientId: 'client-1', clientSecret: 'secret-1' },
      'the request used client_secret_post',
    ],
    ['client_id alone for a basic app', app(), { clientId: 'client-1' }, 'the request used none'],
  ])('refuses %s, keeping the reason in detail', async (_name, record, credentials, detail) => {
    const error = await rejection(auth(record).authenticate(credentials, AUDIENCES));
    expect(error).toBeInstanceOf(InvalidClient);
    expect(error.description).toBe(
      'Client authentication failed. Either the client or the client credentials are invalid.',
    );
    expect(error.detail).toContain(detail);
  });

  const auth = (record: AppRecord) => authenticator([record]).auth;

  it('accepts client_id alone for an app whose method is none', async () => {
    const { auth: none } = authenticator([app({ authMethod: 'none', clientSecret: null })]);
    await expect(none.authenticate({ clientId: 'client-1' }, AUDIENCES)).resolves.toBeDefined();
  });
});

describe('ClientAuthenticator: client assertions', () => {
  const claims = (overrides: Record<string, unknown> = {}) => ({
    iss: 'client-1',
    sub: 'client-1',
    aud: ENDPOINT,
    exp: NOW_S + 60,
    jti: 'j-1',
    ...overrides,
  });
  const jwtApp = app({ authMethod: 'client_secret_jwt' });
  const keyApp = app({
    authMethod: 'private_key_jwt',
    clientSecret: null,
    jwks: {
      keys: [
        { kty: 'RSA', kid: 'k1' },
        { kty: 'RSA', kid: 'k2' },
      ],
    },
  });
  const hs = (payload: Record<string, unknown>, signature = 'sig:secret-1') =>
    fakeJws({ alg: 'HS256' }, payload, signature);
  const present = (assertion: string, clientId?: string): PresentedCredentials => ({
    clientAssertionType: JWT_BEARER,
    clientAssertion: assertion,
    ...(clientId ? { clientId } : {}),
  });

  it('takes the client from the assertion sub and accepts each jti once', async () => {
    const { auth, assertions } = authenticator([jwtApp]);
    await expect(auth.authenticate(present(hs(claims())), AUDIENCES)).resolves.toBeDefined();
    expect(assertions.used.get('client-1 j-1')).toEqual(new Date((NOW_S + 60) * 1000));
    const replay = await rejection(auth.authenticate(present(hs(claims())), AUDIENCES));
    expect(replay.detail).toContain("jti 'j-1' was already used");
  });

  it('forgets a jti once its assertion has expired', async () => {
    const clock = new FakeClock(NOW);
    const { auth, assertions } = authenticator([jwtApp], clock);
    await auth.authenticate(present(hs(claims())), AUDIENCES);
    clock.set(new Date(NOW.getTime() + 120_000));
    await expect(
      auth.authenticate(present(hs(claims({ jti: 'j-2', exp: NOW_S + 180 }))), AUDIENCES),
    ).resolves.toBeDefined();
    expect([...assertions.used.keys()]).toEqual(['client-1 j-2']);
  });

  it('accepts the issuer as the audience (RFC 7523 §3; what openid-client sends)', async () => {
    const { auth } = authenticator([jwtApp]);
    await expect(auth.authenticate(present(hs(claims({ aud: [AUDIENCES.issuer] }))), AUDIENCES)).resolves.toBeDefined();
  });

  it.each<[string, string, string]>([
    ['not a JWS', 'garbage', 'client_assertion is not a JWT with a sub claim'],
    ['expired', hs(claims({ exp: NOW_S })), 'expired at'],
    ['too long-lived', hs(claims({ exp: NOW_S + 3601 })), 'more than one hour ahead'],
    ['not yet valid', hs(claims({ nbf: NOW_S + 30 })), 'not valid yet'],
    ['for another audience', hs(claims({ aud: 'http://elsewhere/token' })), 'aud must be the token endpoint'],
    ['without jti', hs(claims({ jti: undefined })), 'jti is missing'],
    ['wrongly signed', hs(claims(), 'sig:other'), 'does not verify with the client secret'],
    ['signed with an RSA alg', fakeJws({ alg: 'RS256' }, claims(), 'sig:secret-1'), 'alg must be one of HS256'],
  ])('refuses an assertion that is %s', async (_name, assertion, detail) => {
    const { auth } = authenticator([jwtApp]);
    const error = await rejection(auth.authenticate(present(assertion), AUDIENCES));
    expect(error).toBeInstanceOf(InvalidClient);
    expect(error.description).toBe(
      'Client authentication failed. Either the client or the client credentials are invalid.',
    );
    expect(error.detail).toContain(detail);
  });

  it('verifies private_key_jwt with the jwks key named by kid, and refuses HMAC or an unknown kid', async () => {
    const { auth } = authenticator([keyApp]);
    await expect(
      auth.authenticate(present(fakeJws({ alg: 'RS256', kid: 'k2' }, claims(), 'sig:k2')), AUDIENCES),
    ).resolves.toBeDefined();
    const hmac = await rejection(auth.authenticate(present(hs(claims({ jti: 'j-3' }))), AUDIENCES));
    expect(hmac.detail).toContain("alg 'HS256' cannot be used with private_key_jwt");
    const unknownKid = await rejection(
      auth.authenticate(present(fakeJws({ alg: 'RS256', kid: 'k9' }, claims({ jti: 'j-4' }), 'sig:k9')), AUDIENCES),
    );
    expect(unknownKid.detail).toContain("no key of the app's jwks has the kid 'k9'");
  });

  it('refuses an assertion for a client_secret_basic app', async () => {
    const { auth } = authenticator([app()]);
    const error = await rejection(auth.authenticate(present(hs(claims()), 'client-1'), AUDIENCES));
    expect(error.detail).toContain(
      'the app authenticates with client_secret_basic, the request used a client_assertion',
    );
  });
});

describe('originOf', () => {
  it.each([
    ['http://localhost:5173/login/callback', 'http://localhost:5173'],
    ['HTTPS://App.Example:443/cb?x=1', 'https://app.example'],
    ['http://example.com:80', 'http://example.com'],
    ['http://user@[::1]:8080/cb', 'http://[::1]:8080'],
    ['com.example.app:/callback', undefined],
  ])('%s → %s', (uri, origin) => {
    expect(originOf(uri)).toBe(origin);
  });
});
