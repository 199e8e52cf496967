/**
 * The configuration snapshot (`app/config-snapshot.ts`) never answers with stale configuration: for
 * each kind of write — scope, claim, policy, rule, app, key, server — the very next protocol request
 * after the management API acknowledged the write sees it. Each test first makes a request so the
 * snapshot holds the old state, then writes, then asks again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Policies } from '../../../src-main/core/policies.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { json, sendJson } from './api-fixtures.js';
import { basic, createClient, createScope, decodeJwt, postToken, refusal } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Setup {
  serverId: string;
  policyId: string;
  ruleId: string;
  client: TestClient;
  base: string;
}

const send = (path: string, method: string, body?: unknown) => sendJson(t, path, method, body);

const RULE = {
  type: 'RESOURCE_ACCESS',
  name: 'Snapshot rule',
  conditions: {
    people: { groups: { include: ['EVERYONE'] } },
    grantTypes: { include: ['client_credentials'] },
    scopes: { include: ['*'] },
  },
  actions: {
    token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
  },
};

/** A server with a custom scope, a policy for every client whose rule allows client_credentials, and a service app. */
async function setUp(name: string): Promise<Setup> {
  const server = await json<{ id: string }>(
    send('/api/v1/authorizationServers', 'POST', { name, description: name, audiences: [`api://${name}`] }),
    201,
  );
  const base = `/api/v1/authorizationServers/${server.id}`;
  await createScope(t, server.id, 'snap:read');
  const policy = await json<{ id: string }>(
    send(`${base}/policies`, 'POST', {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Snapshot policy',
      description: 'Snapshot policy',
      conditions: { clients: { include: ['ALL_CLIENTS'] } },
    }),
    201,
  );
  const rule = await json<{ id: string }>(send(`${base}/policies/${policy.id}/rules`, 'POST', RULE), 201);
  const client = await createClient(t, { label: `${name} client` });
  return { serverId: server.id, policyId: policy.id, ruleId: rule.id, client, base };
}

const token = (s: Setup, scope = 'snap:read', secret = s.client.clientSecret!) =>
  postToken(
    t,
    { grant_type: 'client_credentials', scope },
    { authorization: basic(s.client.clientId, secret) },
    s.serverId,
  );

async function accessToken(s: Setup, scope?: string) {
  const body = await json<{ access_token: string }>(token(s, scope), 200);
  return decodeJwt(body.access_token);
}

describe('a write is seen by the very next request', () => {
  it('scope: a new scope can be requested at once, and shows in discovery', async () => {
    const s = await setUp('snapscope');
    expect((await refusal(token(s, 'snap:write'))).error).toBe('invalid_scope');
    await createScope(t, s.serverId, 'snap:write', { metadataPublish: 'ALL_CLIENTS' });
    expect((await accessToken(s, 'snap:write')).payload['scp']).toEqual(['snap:write']);
    const discovery = await json<{ scopes_supported: string[] }>(
      fetch(`${t.origin}/oauth2/${s.serverId}/.well-known/openid-configuration`),
      200,
    );
    expect(discovery.scopes_supported).toContain('snap:write');
  });

  it('claim: a new RESOURCE claim is in the next access token, and gone after it is deleted', async () => {
    const s = await setUp('snapclaim');
    expect((await accessToken(s)).payload).not.toHaveProperty('tier');
    const claim = await json<{ id: string }>(
      send(`${s.base}/claims`, 'POST', {
        name: 'tier',
        claimType: 'RESOURCE',
        valueType: 'EXPRESSION',
        value: '"gold"',
        conditions: { scopes: [] },
      }),
      201,
    );
    expect((await accessToken(s)).payload['tier']).toBe('gold');
    await json(send(`${s.base}/claims/${claim.id}`, 'DELETE'), 204);
    expect((await accessToken(s)).payload).not.toHaveProperty('tier');
  });

  it('policy: a deactivated policy no longer grants tokens', async () => {
    const s = await setUp('snappolicy');
    await accessToken(s);
    await json(send(`${s.base}/policies/${s.policyId}/lifecycle/deactivate`, 'POST'), 204);
    expect((await refusal(token(s))).error).toBe('access_denied');
  });

  it('rule: a new access token lifetime applies to the next token', async () => {
    const s = await setUp('snaprule');
    const before = (await accessToken(s)).payload;
    expect(Number(before['exp']) - Number(before['iat'])).toBe(3600);
    const lifetime = { ...RULE.actions.token, accessTokenLifetimeMinutes: 5 };
    await json(
      send(`${s.base}/policies/${s.policyId}/rules/${s.ruleId}`, 'PUT', { ...RULE, actions: { token: lifetime } }),
      200,
    );
    const after = (await accessToken(s)).payload;
    expect(Number(after['exp']) - Number(after['iat'])).toBe(300);
  });

  it('app: a deactivated app is refused at the next request', async () => {
    const s = await setUp('snapapp');
    await accessToken(s);
    await json(send(`/api/v1/apps/${s.client.id}/lifecycle/deactivate`, 'POST'), 200);
    expect((await refusal(token(s))).error).toBe('invalid_client');
  });

  it('key: after a rotation the next token is signed with the new ACTIVE key, which JWKS publishes', async () => {
    const s = await setUp('snapkey');
    const oldKid = (await accessToken(s)).header['kid'];
    const keys = await json<{ kid: string; status: string }[]>(
      send(`${s.base}/credentials/lifecycle/keyRotate`, 'POST', { use: 'sig' }),
      200,
    );
    const active = keys.find((k) => k.status === 'ACTIVE')!.kid;
    expect(active).not.toBe(oldKid);
    expect((await accessToken(s)).header['kid']).toBe(active);
    const jwks = await json<{ keys: { kid: string }[] }>(fetch(`${t.origin}/oauth2/${s.serverId}/v1/keys`), 200);
    expect(jwks.keys.map((k) => k.kid)).toContain(active);
  });

  it('server: a new audience is in the next token; a deactivated server answers 404 at once', async () => {
    const s = await setUp('snapserver');
    expect((await accessToken(s)).payload['aud']).toBe('api://snapserver');
    await json(
      send(`/api/v1/authorizationServers/${s.serverId}`, 'PUT', {
        name: 'snapserver',
        description: 'renamed',
        audiences: ['api://renamed'],
      }),
      200,
    );
    expect((await accessToken(s)).payload['aud']).toBe('api://renamed');
    await json(send(`/api/v1/authorizationServers/${s.serverId}/lifecycle/deactivate`, 'POST'), 204);
    expect((await token(s)).status).toBe(404);
    expect((await fetch(`${t.origin}/oauth2/${s.serverId}/v1/keys`)).status).toBe(404);
  });
});

describe("a server's policies with their rules, as the token endpoint evaluates them", () => {
  it('are built once per configuration: not again for the next token, again after a rule changes', async () => {
    const s = await setUp('snapevaluation');
    const built = vi.spyOn(Policies.prototype, 'policiesForEvaluation');
    try {
      await accessToken(s);
      const first = built.mock.calls.length;
      expect(first).toBeLessThanOrEqual(1);
      await accessToken(s);
      await accessToken(s);
      expect(built.mock.calls.length).toBe(first);
      const lifetime = { ...RULE.actions.token, accessTokenLifetimeMinutes: 7 };
      await json(
        send(`${s.base}/policies/${s.policyId}/rules/${s.ruleId}`, 'PUT', { ...RULE, actions: { token: lifetime } }),
        200,
      );
      const after = (await accessToken(s)).payload;
      expect(Number(after['exp']) - Number(after['iat'])).toBe(420);
      expect(built.mock.calls.length).toBe(first + 1);
    } finally {
      built.mockRestore();
    }
  });
});
