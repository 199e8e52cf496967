import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../../src-main/core/ports/apps.js';
import { accessTokenHash, base64url, idTokenClaims, orgIdOf } from '../../../../src-main/core/protocol/id-token.js';
import { ClaimFailed } from '../../../../src-main/core/protocol/claim-failed.js';
import { ServerError } from '../../../../src-main/core/protocol/oauth-errors.js';
import { thinScopeClaims } from '../../../../src-main/core/protocol/scope-claims.js';
import { TokenMinter, accessTokenClaims } from '../../../../src-main/core/protocol/tokens.js';
import type { ClaimsHook, MintRequest } from '../../../../src-main/core/protocol/tokens.js';
import type {
  AuthorizationServerRecord,
  SigningKeyRecord,
} from '../../../../src-main/core/ports/authorization-servers.js';
import type { UserRecord } from '../../../../src-main/core/ports/users.js';
import { FakeClock, FakeCrypto } from '../fakes.js';

const NOW = new Date('2025-03-01T12:00:00.000Z');
const IAT = NOW.getTime() / 1000;
const decode = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
const header = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as Record<string, unknown>;

describe('accessTokenClaims', () => {
  const base = {
    issuer: 'http://127.0.0.1:1/oauth2/default',
    audience: 'api://default',
    clientId: '0oaCLIENT',
    scopes: ['orders:read'],
    issuedAt: IAT,
    lifetimeMinutes: 15,
    jti: 'AT.x',
  };

  it('has no uid or auth_time and the client id as sub under client_credentials, in Okta order', () => {
    const claims = accessTokenClaims({ ...base, user: null });
    expect(Object.keys(claims)).toEqual(['ver', 'jti', 'iss', 'aud', 'iat', 'exp', 'cid', 'scp', 'sub']);
    expect(claims).toMatchObject({
      ver: 1,
      aud: 'api://default',
      exp: IAT + 900,
      cid: '0oaCLIENT',
      sub: '0oaCLIENT',
      scp: ['orders:read'],
    });
  });

  it('names the user by id (uid) and by app username (sub) in user flows', () => {
    const claims = accessTokenClaims({
      ...base,
      user: { id: '00uALICE', appUserName: 'alice@example.com', authTime: IAT - 5 },
    });
    expect(Object.keys(claims)).toEqual([
      'ver',
      'jti',
      'iss',
      'aud',
      'iat',
      'exp',
      'cid',
      'uid',
      'scp',
      'auth_time',
      'sub',
    ]);
    expect(claims).toMatchObject({ uid: '00uALICE', sub: 'alice@example.com', auth_time: IAT - 5 });
  });
});

describe('ID token claims', () => {
  it('lasts one hour, names the client as a string aud, and carries at_hash and nonce only when given', () => {
    const input = {
      issuer: 'iss',
      clientId: '0oaC',
      userId: '00uA',
      issuedAt: IAT,
      authTime: IAT,
      amr: ['pwd'],
      orgId: '00oORG',
      jti: 'ID.x',
    };
    const claims = idTokenClaims(input);
    expect(claims).toEqual({
      ver: 1,
      sub: '00uA',
      iss: 'iss',
      aud: '0oaC',
      iat: IAT,
      exp: IAT + 3600,
      jti: 'ID.x',
      amr: ['pwd'],
      idp: '00oORG',
      auth_time: IAT,
    });
    expect(idTokenClaims({ ...input, accessTokenHash: 'h', nonce: 'n' })).toMatchObject({ at_hash: 'h', nonce: 'n' });
  });

  it('computes at_hash as base64url of the left half of SHA-256 (OIDC Core §3.1.3.6)', () => {
    const sha256 = (input: string) => new Uint8Array(createHash('sha256').update(input).digest());
    expect(accessTokenHash({ sha256 }, 'eyJ.token')).toBe(
      createHash('sha256').update('eyJ.token').digest().subarray(0, 16).toString('base64url'),
    );
  });

  it('encodes base64url like Node for every remainder length', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 31, 32]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 251) & 0xff);
      expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });

  it('keeps one org id per install', () => {
    const values = new Map<string, string>();
    const settings = { get: (k: string) => values.get(k), set: (k: string, v: string) => void values.set(k, v) };
    const crypto = new FakeCrypto();
    const first = orgIdOf(settings, crypto);
    expect(first).toMatch(/^00o.{17}$/);
    expect(orgIdOf(settings, crypto)).toBe(first);
  });
});

describe('thin scope claims', () => {
  const profile = {
    login: 'alice@example.com',
    email: 'alice@mail.example',
    firstName: 'Alice',
    lastName: 'Smith',
    title: 'Eng',
  };

  it('puts email for scope email, name and preferred_username for scope profile, nothing else', () => {
    expect(thinScopeClaims(profile, ['openid', 'profile', 'email']).claims).toEqual({
      email: 'alice@mail.example',
      name: 'Alice Smith',
      preferred_username: 'alice@example.com',
    });
    expect(thinScopeClaims(profile, ['openid', 'email']).claims).toEqual({ email: 'alice@mail.example' });
    expect(thinScopeClaims(profile, ['openid']).claims).toEqual({});
  });

  it('leaves out a name the profile does not have, and says why in the trace', () => {
    const { claims, trace } = thinScopeClaims({ login: 'x', email: 'x@e' }, ['profile']);
    expect(claims).toEqual({ preferred_username: 'x' });
    expect(trace.find((c) => c.name === 'name')).toMatchObject({
      source: 'scope profile',
      omitted: 'the user profile has no value for it',
    });
  });
});

describe('TokenMinter', () => {
  const server = { id: 'default', audiences: ['api://default'] } as AuthorizationServerRecord;
  const client = { id: '0oaAPP', clientId: '0oaCLIENT' } as AppRecord;
  const user = {
    id: '00uALICE',
    profile: { login: 'alice@example.com', email: 'alice@example.com', firstName: 'Alice', lastName: 'Smith' },
  } as unknown as UserRecord;
  const key = (kid: string, status: SigningKeyRecord['status']) =>
    ({ kid, status, privateJwk: '{}' }) as SigningKeyRecord;
  const minter = (keys: SigningKeyRecord[], claimsHook?: ClaimsHook) =>
    new TokenMinter({
      servers: { keys: async () => keys },
      crypto: new FakeCrypto(),
      clock: new FakeClock(NOW),
      orgId: '00oORG',
      ...(claimsHook ? { claimsHook } : {}),
    });
  const request: MintRequest = {
    server,
    issuer: 'http://x/oauth2/default',
    client,
    scopes: ['openid', 'profile'],
    accessTokenMinutes: 30,
    user: null,
    idToken: false,
  };

  it('signs with the ACTIVE key, never NEXT or EXPIRED', async () => {
    const minted = await minter([key('next', 'NEXT'), key('old', 'EXPIRED'), key('active', 'ACTIVE')]).mint(request);
    expect(minted.kid).toBe('active');
    expect(header(minted.accessToken)).toEqual({ kid: 'active', alg: 'RS256' });
    expect(minted.expiresIn).toBe(1800);
    expect(minted.idToken).toBeUndefined();
  });

  it('refuses to mint without an ACTIVE key', async () => {
    await expect(minter([key('next', 'NEXT')]).mint(request)).rejects.toBeInstanceOf(ServerError);
  });

  it('mints an ID token for a user when asked, with the thin claims', async () => {
    const minted = await minter([key('k', 'ACTIVE')]).mint({
      ...request,
      user: { record: user, appUserName: 'alice', authTime: NOW, amr: ['pwd'] },
      idToken: true,
    });
    expect(decode(minted.accessToken)).toMatchObject({ uid: '00uALICE', sub: 'alice', auth_time: IAT });
    expect(decode(minted.idToken!)).toMatchObject({
      sub: '00uALICE',
      aud: '0oaCLIENT',
      idp: '00oORG',
      name: 'Alice Smith',
      preferred_username: 'alice@example.com',
    });
    expect(decode(minted.idToken!)).not.toHaveProperty('email');
  });

  it('adds the claims of the hook, but the system claims win', async () => {
    const hook: ClaimsHook = {
      claimsFor: ({ token }) => ({
        claims: { tier: `gold-${token}`, iss: 'forged' },
        trace: [{ name: 'tier', token, source: 'test hook' }],
      }),
    };
    const minted = await minter([key('k', 'ACTIVE')], hook).mint({
      ...request,
      user: { record: user, appUserName: 'alice', authTime: NOW, amr: ['pwd'] },
      idToken: true,
    });
    expect(decode(minted.accessToken)).toMatchObject({ tier: 'gold-access_token', iss: 'http://x/oauth2/default' });
    expect(decode(minted.idToken!)).toMatchObject({ tier: 'gold-id_token', iss: 'http://x/oauth2/default' });
    expect(minted.claims.map((c) => `${c.token}:${c.name}`)).toEqual([
      'access_token:tier',
      'id_token:name',
      'id_token:preferred_username',
      'id_token:tier',
    ]);
  });

  it('lets a RESOURCE claim override aud and sub of the access token only (Okta "OpenID Connect & OAuth 2.0 API")', async () => {
    const hook: ClaimsHook = {
      claimsFor: ({ token }) => ({
        claims: token === 'access_token' ? { aud: 'api://other', sub: 'custom-sub', cid: 'forged' } : { sub: 'forged' },
        trace: [],
      }),
    };
    const minted = await minter([key('k', 'ACTIVE')], hook).mint({
      ...request,
      user: { record: user, appUserName: 'alice', authTime: NOW, amr: ['pwd'] },
      idToken: true,
    });
    expect(decode(minted.accessToken)).toMatchObject({ aud: 'api://other', sub: 'custom-sub', cid: '0oaCLIENT' });
    expect(decode(minted.idToken!)['sub']).toBe('00uALICE');
  });

  it('tells the hook whether an ID token is thin (with an access token) or fat (requested alone)', async () => {
    const seen: string[] = [];
    const hook: ClaimsHook = {
      claimsFor: ({ token, fat }) => (seen.push(`${token}:${fat ?? false}`), { claims: {}, trace: [] }),
    };
    const withUser = {
      ...request,
      user: { record: user, appUserName: 'alice', authTime: NOW, amr: ['pwd'] },
      idToken: true,
    };
    await minter([key('k', 'ACTIVE')], hook).mint(withUser);
    await minter([key('k', 'ACTIVE')], hook).mintIdToken(withUser, true);
    expect(seen).toEqual(['access_token:false', 'id_token:false', 'id_token:true']);
  });

  it('marks the trace of an ID token thin (with an access token) or full (requested alone)', async () => {
    const withUser = {
      ...request,
      user: { record: user, appUserName: 'alice', authTime: NOW, amr: ['pwd'] },
      idToken: true,
    };
    const thin = await minter([key('k', 'ACTIVE')]).mint(withUser);
    expect(thin.claims.map((c) => `${c.name}:${c.idToken}`)).toEqual(['name:thin', 'preferred_username:thin']);
    const full = await minter([key('k', 'ACTIVE')]).mintIdToken(withUser, true);
    expect(new Set(full.claims.map((c) => c.idToken))).toEqual(new Set(['full']));
  });

  it('keeps the access token claims in the trace of an ID token claim failure', async () => {
    const hook: ClaimsHook = {
      claimsFor: ({ token }) => {
        if (token === 'access_token')
          return { claims: { a: 1 }, trace: [{ name: 'a', token, source: 'test', value: 1 }] };
        throw new ClaimFailed("The 'b' user claim could not be evaluated.", 'boom', [
          { name: 'b', token, source: 'test', omitted: 'failed: boom' },
        ]);
      },
    };
    const failure = await minter([key('k', 'ACTIVE')], hook)
      .mint({ ...request, user: { record: user, appUserName: 'alice', authTime: NOW, amr: ['pwd'] }, idToken: true })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ClaimFailed);
    expect((failure as ClaimFailed).claims.map((c) => c.name)).toEqual(['a', 'b']);
    expect((failure as ClaimFailed).status).toBe(400);
  });
});
