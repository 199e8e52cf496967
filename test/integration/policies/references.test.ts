/**
 * Referential integrity across the directory, apps and policies: a user, group, app or custom scope that an access policy
 * or rule names cannot be deleted (400 E0000001 naming the policy and rule), and the policy and
 * rule stay intact; once the rule no longer names it, the delete goes through.
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { counts, createApp, createGroup, createScope, createUser, policyBody, ruleBody, sdk } from './fixtures.js';

let t: TestApp;
let client: Client;

beforeAll(async () => {
  t = await startTestApp();
  client = sdk(t);
});

afterAll(async () => {
  await t.close();
});

async function expectRefused(response: Response, cause: RegExp): Promise<void> {
  expect(response.status).toBe(400);
  const body = (await response.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
  expect(body.errorCode).toBe('E0000001');
  expect(body.errorCauses.map((c) => c.errorSummary).join('\n')).toMatch(cause);
}

describe('deleting what a policy or rule names', () => {
  it('is refused for users, groups, apps and scopes, leaving the policy and rule intact', async () => {
    const userId = await createUser(t, 'ref-user@example.com');
    const groupId = await createGroup(t, 'ref-group');
    const clientId = await createApp(t, 'Ref app');
    await createScope(t, 'default', 'ref:read');
    const policy = await client.authorizationServerApi.createAuthorizationServerPolicy({
      authServerId: 'default',
      policy: policyBody('Refs', { conditions: { clients: { include: [clientId] } } }),
    });
    const rule = await client.authorizationServerApi.createAuthorizationServerPolicyRule({
      authServerId: 'default',
      policyId: policy.id!,
      policyRule: ruleBody('Ref rule', {
        conditions: {
          people: { users: { include: [userId] }, groups: { include: [groupId] } },
          grantTypes: { include: ['password'] },
          scopes: { include: ['ref:read'] },
        },
      }),
    });
    const before = counts(t);

    await t.api(`/api/v1/users/${userId}/lifecycle/deactivate`, { method: 'POST' });
    await expectRefused(
      await t.api(`/api/v1/users/${userId}`, { method: 'DELETE' }),
      /rule 'Ref rule' in policy 'Refs'/,
    );
    await expectRefused(
      await t.api(`/api/v1/groups/${groupId}`, { method: 'DELETE' }),
      /rule 'Ref rule' in policy 'Refs'/,
    );
    const apps = (await (await t.api('/api/v1/apps')).json()) as {
      id: string;
      credentials: { oauthClient: { client_id: string } };
    }[];
    const appId = apps.find((a) => a.credentials.oauthClient.client_id === clientId)!.id;
    await t.api(`/api/v1/apps/${appId}/lifecycle/deactivate`, { method: 'POST' });
    await expectRefused(await t.api(`/api/v1/apps/${appId}`, { method: 'DELETE' }), /policy 'Refs'/);
    const scopes = (await (await t.api('/api/v1/authorizationServers/default/scopes')).json()) as {
      id: string;
      name: string;
    }[];
    const scopeId = scopes.find((s) => s.name === 'ref:read')!.id;
    await expectRefused(
      await t.api(`/api/v1/authorizationServers/default/scopes/${scopeId}`, { method: 'DELETE' }),
      /rule 'Ref rule' in policy 'Refs'/,
    );

    expect(counts(t)).toEqual(before);
    const kept = await client.authorizationServerApi.getAuthorizationServerPolicyRule({
      authServerId: 'default',
      policyId: policy.id!,
      ruleId: rule.id!,
    });
    expect(kept.conditions).toMatchObject({
      people: { users: { include: [userId] }, groups: { include: [groupId] } },
      scopes: { include: ['ref:read'] },
    });

    // Deleting the policy (and so its rule) frees them all.
    await client.authorizationServerApi.deleteAuthorizationServerPolicy({
      authServerId: 'default',
      policyId: policy.id!,
    });
    expect((await t.api(`/api/v1/users/${userId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.api(`/api/v1/groups/${groupId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.api(`/api/v1/apps/${appId}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.api(`/api/v1/authorizationServers/default/scopes/${scopeId}`, { method: 'DELETE' })).status).toBe(
      204,
    );
  });
});
