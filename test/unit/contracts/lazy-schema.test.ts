/**
 * The contract modules a server start evaluates build their zod schemas on first use
 * (`contracts/lazy-schema.ts`): importing them builds none, the first validation builds them, later
 * ones reuse the same schema, and the answers are the ones the validators have always given.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as Zod from 'zod';

/** Every zod schema begins with a call of a `z` builder (`z.object`, `z.string`, …); these are counted. */
const built = vi.hoisted(() => ({ calls: 0 }));

vi.mock('zod', async (importOriginal) => {
  const actual = await importOriginal<typeof Zod>();
  const z = new Proxy(actual.z, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || typeof key !== 'string' || !/^[a-z]/.test(key)) return value;
      return (...args: unknown[]) => {
        built.calls += 1;
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { ...actual, z };
});

describe('lazySchema', () => {
  it('builds the schema on the first call only, and returns the same one after', async () => {
    const { lazySchema } = await import('../../../src-main/contracts/lazy-schema.js');
    const { z } = await import('zod');
    const build = vi.fn(() => z.string().min(2, 'too short'));
    const schema = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    const first = schema();
    expect(schema()).toBe(first);
    expect(build).toHaveBeenCalledTimes(1);
    expect(first.safeParse('a').error?.issues[0]?.message).toBe('too short');
  });
});

describe('the contract modules a start evaluates', () => {
  it('build no schema when imported, and validate as before once asked', async () => {
    built.calls = 0;
    const [server, policy, rule, app, appRules, claim, group, scope, security, user, routes] = await Promise.all([
      import('../../../src-main/contracts/authorization-server.js'),
      import('../../../src-main/contracts/policy.js'),
      import('../../../src-main/contracts/rule.js'),
      import('../../../src-main/contracts/app.js'),
      import('../../../src-main/contracts/app-rules.js'),
      import('../../../src-main/contracts/claim.js'),
      import('../../../src-main/contracts/group.js'),
      import('../../../src-main/contracts/scope.js'),
      import('../../../src-main/contracts/security-settings.js'),
      import('../../../src-main/contracts/user.js'),
      import('../../../src-main/contracts/server-routes.js'),
    ]);
    expect(built.calls).toBe(0);
    // The route map carries the schema itself, built on first use.
    expect(routes.serverRoutes.createPolicy.body).toBe(policy.policyInput);

    expect(policy.validatePolicy({ type: 'OAUTH_AUTHORIZATION_POLICY', name: '' })).toEqual({
      ok: false,
      issues: [
        { field: 'name', message: 'The field cannot be left blank' },
        { field: 'description', message: 'The field cannot be left blank' },
        { field: 'conditions.clients.include', message: 'The field cannot be left blank' },
      ],
    });
    expect(built.calls).toBeGreaterThan(0);
    expect(policy.policyInput()).toBe(policy.policyInput());

    const ruleBody = {
      type: 'RESOURCE_ACCESS',
      name: 'Short refresh',
      conditions: { grantTypes: { include: ['client_credentials'] }, scopes: { include: ['*'] } },
      actions: { token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 30 } },
    };
    expect(rule.validateRule(ruleBody)).toEqual({
      ok: false,
      issues: [
        {
          field: 'actions.token.refreshTokenLifetimeMinutes',
          message: 'must be 0 (unlimited) or at least the access token lifetime (60)',
        },
      ],
    });
    const accepted = rule.validateRule({ ...ruleBody, actions: {} });
    expect(accepted.ok && accepted.value.conditions.people.groups.include).toEqual([rule.EVERYONE]);
    expect(accepted.ok && accepted.value.actions.token.refreshTokenWindowMinutes).toBe(10_080);

    expect(server.validateAuthorizationServer({ name: 'A', description: 'B', audiences: [] })).toEqual({
      ok: false,
      issues: [{ field: 'audiences', message: 'exactly one audience is supported' }],
    });
    expect(
      appRules.validateApp({
        name: 'oidc_client',
        label: 'Web',
        signOnMode: 'OPENID_CONNECT',
        settings: { oauthClient: { redirect_uris: ['javascript:alert(1)'] } },
      }),
    ).toMatchObject({
      ok: false,
      issues: [
        {
          field: 'settings.oauthClient.redirect_uris',
          message: "'javascript:alert(1)' must not use the javascript: scheme",
        },
      ],
    });
    expect(app.oauthSettings().safeParse({}).data).toMatchObject({ redirect_uris: [], consent_method: 'TRUSTED' });
    expect(claim.validateClaim({ name: 'scp', claimType: 'RESOURCE', value: 'user.login' })).toEqual({
      ok: false,
      issues: [{ field: 'name', message: "'scp' is a reserved claim name" }],
    });
    expect(group.validateGroup({ profile: { name: ' ' } })).toEqual({
      ok: false,
      issues: [{ field: 'profile.name', message: 'The field cannot be left blank' }],
    });
    expect(scope.validateScope({ name: 'okta.users.read' })).toEqual({
      ok: false,
      issues: [{ field: 'name', message: "must not start with 'okta.' or 'okta:' (reserved for Okta API scopes)" }],
    });
    expect(security.validateSecuritySettings({ ...security.DEFAULT_SECURITY_SETTINGS, maxDelaySeconds: 0 })).toEqual({
      ok: false,
      issues: [{ field: 'maxDelaySeconds', message: 'must be from 1 to 3600' }],
    });
    expect(
      user.validateCreateUser({
        profile: { login: 'a@example.com', email: 'not-an-email', firstName: 'A', lastName: 'B' },
        credentials: { password: { value: 'short' } },
      }),
    ).toEqual({
      ok: false,
      issues: [
        { field: 'email', message: 'must be a valid email address' },
        {
          field: 'password',
          message: 'Password requirements were not met. Password requirements: at least 8 characters.',
        },
      ],
    });
    expect(user.validateUpdateUser({ profile: { secondEmail: null } })).toEqual({
      ok: true,
      value: { profile: { secondEmail: null } },
    });
  });
});
