/**
 * Introspection and revocation in the core, with fakes: only this server's signature and issuer,
 * registered and unrevoked access tokens of the asking client, and unspent refresh tokens are
 * active; everything else is exactly `{ active: false }`.
 */
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../../src-main/core/ports/apps.js';
import { introspect } from '../../../../src-main/core/protocol/introspect.js';
import type { IntrospectDeps } from '../../../../src-main/core/protocol/introspect.js';
import { InvalidRequest } from '../../../../src-main/core/protocol/oauth-errors.js';
import { revoke } from '../../../../src-main/core/protocol/revoke.js';
import { TokenLedger } from '../../../../src-main/core/protocol/token-ledger.js';
import type {
  AuthorizationServerRecord,
  SigningKeyRecord,
} from '../../../../src-main/core/ports/authorization-servers.js';
import type { UserRecord } from '../../../../src-main/core/ports/users.js';
import { openDatabase } from '../../../../src-main/store/database.js';
import type { Db } from '../../../../src-main/store/database.js';
import { SqliteTokenRepository } from '../../../../src-main/store/token-repository.js';
import { FakeClock, FakeCrypto, fakeJws } from '../fakes.js';

class HashingCrypto extends FakeCrypto {
  override sha256(input: string): Uint8Array {
    return new Uint8Array(createHash('sha256').update(input).digest());
  }
}

const NOW = new Date('2025-01-01T00:00:00Z');
const ISSUER = 'http://localhost/oauth2/default';
const server = { id: 'default', audiences: ['api://default'] } as AuthorizationServerRecord;
const key = {
  kid: 'kid-1',
  serverId: 'default',
  status: 'ACTIVE',
  publicJwk: { kty: 'RSA', n: 'n', e: 'AQAB' },
} as SigningKeyRecord;
const client = (clientId: string) =>
  ({
    id: `app-${clientId}`,
    clientId,
    document: { oauth: { grant_types: ['password', 'refresh_token'] } },
  }) as unknown as AppRecord;
const alice = { id: '00u1', profile: { login: 'alice@example.com', email: 'alice@example.com' } } as UserRecord;

let db: Db;
let deps: IntrospectDeps;
let store: TokenLedger;
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

function accessToken(claims: Record<string, unknown> = {}, signature = 'sig:kid-1'): string {
  const payload = {
    ver: 1,
    jti: 'AT.1',
    iss: ISSUER,
    aud: 'api://default',
    iat: seconds(NOW),
    exp: seconds(NOW) + 3600,
    cid: 'c1',
    uid: '00u1',
    scp: ['openid'],
    sub: 'alice@example.com',
    ...claims,
  };
  return fakeJws({ kid: 'kid-1', alg: 'RS256' }, payload, signature);
}

beforeEach(() => {
  db = openDatabase(':memory:');
  const crypto = new HashingCrypto();
  const clock = new FakeClock(NOW);
  store = new TokenLedger({
    store: new SqliteTokenRepository(db),
    apps: { get: (id) => client(id.replace('app-', '')) },
    crypto,
    clock,
    tx: { run: (work) => db.transaction(work)() },
  });
  deps = {
    tokenLedger: store,
    servers: { keys: async () => [key] },
    users: { find: (id) => (id === alice.id ? alice : undefined) },
    appAssignments: { appUserName: () => undefined },
    crypto,
    clock,
  };
  store.registerAccessToken('AT.1', store.openFamily(), new Date(NOW.getTime() + 3600_000));
});

afterEach(() => db.close());

const ask = (token: string | undefined, clientId = 'c1', params: Record<string, string> = {}) =>
  introspect(deps, {
    server,
    issuer: ISSUER,
    client: client(clientId),
    params: { ...(token !== undefined ? { token } : {}), ...params },
  });

describe('introspect', () => {
  it('describes an active access token of the asking client, custom claims included', async () => {
    expect(await ask(accessToken({ department: 'R&D' }))).toEqual({
      active: true,
      token_type: 'Bearer',
      scope: 'openid',
      client_id: 'c1',
      username: 'alice@example.com',
      exp: seconds(NOW) + 3600,
      iat: seconds(NOW),
      sub: 'alice@example.com',
      aud: 'api://default',
      iss: ISSUER,
      jti: 'AT.1',
      uid: '00u1',
      department: 'R&D',
    });
  });

  it.each([
    ['another client', accessToken(), 'c2'],
    ['a forged signature', accessToken({}, 'sig:other'), 'c1'],
    ['another issuer', accessToken({ iss: 'http://localhost/oauth2/other' }), 'c1'],
    ['an unregistered jti', accessToken({ jti: 'AT.unknown' }), 'c1'],
    ['an expired token', accessToken({ exp: seconds(NOW) }), 'c1'],
    ['garbage', 'garbage', 'c1'],
  ])('answers exactly { active: false } for %s', async (_case, token, clientId) => {
    expect(await ask(token, clientId)).toEqual({ active: false });
  });

  it('describes a refresh token until it is rotated away', async () => {
    const family = store.openFamily();
    const grant = {
      serverId: 'default',
      appId: 'app-c1',
      clientId: 'c1',
      userId: '00u1',
      scopes: ['openid', 'offline_access'],
      authTime: NOW,
      amr: ['pwd'],
      lifetimes: { accessTokenMinutes: 60, refreshTokenMinutes: 0, refreshWindowMinutes: 60 },
    };
    const token = store.issueRefreshToken(family, grant)!;
    expect(await ask(token, 'c1', { token_type_hint: 'refresh_token' })).toEqual({
      active: true,
      token_type: 'Bearer',
      scope: 'openid offline_access',
      client_id: 'c1',
      username: 'alice@example.com',
      exp: seconds(NOW) + 3600,
      sub: 'alice@example.com',
      aud: 'api://default',
      iss: ISSUER,
      uid: '00u1',
    });
    expect(await ask(token, 'c2')).toEqual({ active: false });
    store.rotate(store.findRefreshToken(token)!);
    expect(await ask(token)).toEqual({ active: false });
  });

  it('requires token', async () => {
    await expect(ask(undefined)).rejects.toThrow(InvalidRequest);
  });
});

describe('revoke', () => {
  const revoking = (token: string, clientId = 'c1') =>
    revoke(deps, { server, issuer: ISSUER, client: client(clientId), params: { token } });

  it("revokes the client's own access token by jti, and not another client's", async () => {
    expect(await revoking(accessToken(), 'c2')).toContain('nothing changed');
    expect(store.activeAccessToken('AT.1')).toBeDefined();
    expect(await revoking(accessToken())).toBe('revoked access token AT.1');
    expect(store.activeAccessToken('AT.1')).toBeUndefined();
  });

  it('changes nothing for an unknown token', async () => {
    expect(await revoking('nope')).toBe('no token of this server has this value; nothing changed');
  });
});
