import { describe, expect, it } from 'vitest';
import type { AppRecord } from '../../../../src-main/core/ports/apps.js';
import type { ClaimRecord } from '../../../../src-main/core/ports/claims.js';
import type { GroupRecord } from '../../../../src-main/core/ports/groups.js';
import { ClaimFailed } from '../../../../src-main/core/protocol/claim-failed.js';
import { CustomClaims } from '../../../../src-main/core/protocol/custom-claims.js';
import type { ClaimsContext } from '../../../../src-main/core/protocol/tokens.js';
import type { AuthorizationServerRecord } from '../../../../src-main/core/ports/authorization-servers.js';
import type { UserRecord } from '../../../../src-main/core/ports/users.js';
import { FakeClock } from '../fakes.js';

const NOW = new Date('2026-01-02T03:04:05.000Z');
const server = { id: 'aus1' } as AuthorizationServerRecord;
const client = { id: '0oaAPP', clientId: '0oaCLIENT', document: { profile: { tier: 'gold' } } } as unknown as AppRecord;
const alice = {
  id: '00uALICE',
  status: 'ACTIVE',
  profile: { login: 'alice@example.com', firstName: 'Alice', department: 'Engineering' },
} as unknown as UserRecord;
const group = (id: string, name: string) => ({ id, name, type: 'OKTA_GROUP' }) as GroupRecord;

let seq = 0;
function claim(name: string, value: string, extra: Partial<ClaimRecord> = {}): ClaimRecord {
  return {
    id: `ocl${++seq}`,
    serverId: 'aus1',
    name,
    status: 'ACTIVE',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value,
    groupFilterType: null,
    alwaysIncludeInToken: true,
    conditionScopes: [],
    system: false,
    created: NOW,
    lastUpdated: NOW,
    ...extra,
  };
}

function hook(
  claims: ClaimRecord[],
  groups: GroupRecord[] = [group('00gENG', 'Engineering'), group('00gWEST', 'West Coast')],
) {
  return new CustomClaims({
    claims: { listByServer: () => claims },
    groups: { ofUser: () => groups },
    appUsers: { appUserProfile: () => ({ userName: 'alice', costCenter: 'CC-42' }) },
    clock: new FakeClock(NOW),
    org: { id: '00oORG', name: 'Authbox', subDomain: 'sandbox' },
  });
}

const context = (token: ClaimsContext['token'], extra: Partial<ClaimsContext> = {}): ClaimsContext => ({
  token,
  server,
  client,
  user: alice,
  scopes: ['openid', 'profile'],
  ...extra,
});

describe('CustomClaims', () => {
  it('puts RESOURCE claims in access tokens and IDENTITY claims in ID tokens and userinfo, never SYSTEM ones', () => {
    const claims = [
      claim('dept', 'user.department'),
      claim('first', 'user.firstName', { claimType: 'IDENTITY' }),
      claim('sub', '(appuser != null) ? appuser.userName : app.clientId', { valueType: 'SYSTEM', system: true }),
    ];
    expect(hook(claims).claimsFor(context('access_token')).claims).toEqual({ dept: 'Engineering' });
    expect(hook(claims).claimsFor(context('id_token')).claims).toEqual({ first: 'Alice' });
    expect(hook(claims).claimsFor(context('userinfo')).claims).toEqual({ first: 'Alice' });
  });

  it('keeps IDENTITY claims that are not always included out of thin ID tokens only', () => {
    const claims = [claim('first', 'user.firstName', { claimType: 'IDENTITY', alwaysIncludeInToken: false })];
    const thin = hook(claims).claimsFor(context('id_token'));
    expect(thin.claims).toEqual({});
    expect(thin.trace[0]!.omitted).toMatch(/alwaysIncludeInToken is false/);
    expect(hook(claims).claimsFor(context('id_token', { fat: true })).claims).toEqual({ first: 'Alice' });
    expect(hook(claims).claimsFor(context('userinfo')).claims).toEqual({ first: 'Alice' });
  });

  it('explains every claim left out: INACTIVE, scope condition, null value, no group matched, no user', () => {
    const claims = [
      claim('off', 'user.firstName', { status: 'INACTIVE' }),
      claim('orders', 'app.profile.tier', { conditionScopes: ['orders:read', 'orders:write'] }),
      claim('title', 'user.title'),
      claim('sales', 'Sales', { valueType: 'GROUPS', groupFilterType: 'EQUALS' }),
    ];
    const { claims: values, trace } = hook(claims).claimsFor(context('access_token'));
    expect(values).toEqual({});
    expect(trace.map((t) => [t.name, t.omitted])).toEqual([
      ['off', 'the claim is INACTIVE'],
      ['orders', 'needs one of the scopes [orders:read, orders:write]; granted [openid, profile]'],
      ['title', 'the expression gave null'],
      ['sales', 'no group matched'],
    ]);
    expect(hook(claims).claimsFor(context('access_token', { scopes: ['orders:write'] })).claims).toEqual({
      orders: 'gold',
    });
    const noUser = hook(claims).claimsFor(context('access_token', { user: null, scopes: ['orders:read'] }));
    expect(noUser.trace.find((t) => t.name === 'sales')!.omitted).toMatch(/no user/);
  });

  it('traces the definition, the expression and the value of each claim it adds', () => {
    const claims = [
      claim('eng', 'eng', { valueType: 'GROUPS', groupFilterType: 'STARTS_WITH' }),
      claim('who', 'appuser.userName + "@" + org.subDomain'),
    ];
    const { claims: values, trace } = hook(claims).claimsFor(context('access_token'));
    expect(values).toEqual({ eng: ['Engineering'], who: 'alice@sandbox' });
    expect(trace).toEqual([
      {
        name: 'eng',
        token: 'access_token',
        source: `claim ${claims[0]!.id} (RESOURCE GROUPS STARTS_WITH)`,
        expression: 'eng',
        value: ['Engineering'],
      },
      {
        name: 'who',
        token: 'access_token',
        source: `claim ${claims[1]!.id} (RESOURCE EXPRESSION)`,
        expression: 'appuser.userName + "@" + org.subDomain',
        value: 'alice@sandbox',
      },
    ]);
  });

  it('gives user claims no value without a user (client credentials), but app and scope claims still', () => {
    const claims = [
      claim('first', 'user.firstName'),
      claim('sub2', '(appuser != null) ? appuser.userName : app.clientId'),
      claim('scopes', 'access.scope'),
    ];
    expect(hook(claims).claimsFor(context('access_token', { user: null, scopes: ['api:read'] })).claims).toEqual({
      sub2: '0oaCLIENT',
      scopes: ['api:read'],
    });
  });

  it("fails the request with Okta's text when an expression fails at run time, keeping the trace so far", () => {
    const claims = [claim('dept', 'user.department'), claim('broken', 'Convert.toInt(user.department)')];
    const failure = (() => {
      try {
        hook(claims).claimsFor(context('access_token'));
      } catch (error) {
        return error;
      }
      return undefined;
    })() as ClaimFailed;
    expect(failure).toBeInstanceOf(ClaimFailed);
    expect(failure.toJSON()).toEqual({
      error: 'server_error',
      error_description: "The 'broken' user claim could not be evaluated.",
    });
    expect(failure.status).toBe(400);
    expect(failure.detail).toMatch(/^claim 'broken' \(ocl\d+\): EL_/);
    expect(failure.claims.map((t) => [t.name, t.omitted?.startsWith('failed: EL_') ?? false])).toEqual([
      ['dept', false],
      ['broken', true],
    ]);
  });

  it('fails with the too-many-groups text past 100 matching groups', () => {
    const many = Array.from({ length: 101 }, (_, i) => group(`00g${i}`, `Team ${i}`));
    const claims = [claim('teams', 'Team', { valueType: 'GROUPS', groupFilterType: 'STARTS_WITH' })];
    expect(() => hook(claims, many).claimsFor(context('access_token'))).toThrow(
      'The groups claim matched too many groups and must be configured to match fewer groups.',
    );
    expect(hook(claims, many.slice(1)).claimsFor(context('access_token')).claims['teams']).toHaveLength(100);
  });

  it('shows expressions the user, app user, app, org, scopes and clock of the request', () => {
    const seen = hook([]).expressionContext(context('access_token'));
    expect(seen).toEqual({
      user: {
        id: '00uALICE',
        status: 'ACTIVE',
        profile: alice.profile,
        groups: [
          { id: '00gENG', name: 'Engineering', type: 'OKTA_GROUP', sourceId: '00oORG' },
          { id: '00gWEST', name: 'West Coast', type: 'OKTA_GROUP', sourceId: '00oORG' },
        ],
      },
      appuser: { userName: 'alice', costCenter: 'CC-42' },
      app: { id: '0oaAPP', clientId: '0oaCLIENT', profile: { tier: 'gold' } },
      org: { name: 'Authbox', subDomain: 'sandbox' },
      scopes: ['openid', 'profile'],
      now: NOW,
    });
    expect(hook([]).expressionContext({ client, user: null, scopes: [] })).toMatchObject({ user: null, appuser: null });
  });
});
