/**
 * The policies part of a token's trace, kept per configuration and client (`PolicyTraces` in
 * `app/config-snapshot.ts`) and stored without being written out again (`event-repository.ts`):
 * the events API shows exactly the trace a fresh evaluation makes, for each client and each rule
 * outcome, and the very next request after a write to a policy or a rule shows the new state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionTrace } from '../../../src-main/contracts/trace.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { json, sendJson } from './api-fixtures.js';
import { basic, createClient, createScope, createServer, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const send = (path: string, method: string, body?: unknown) => sendJson(t, path, method, body);

const rule = (name: string, scopes: string[]) => ({
  type: 'RESOURCE_ACCESS',
  name,
  conditions: {
    people: { groups: { include: ['EVERYONE'] } },
    grantTypes: { include: ['client_credentials'] },
    scopes: { include: scopes },
  },
});

/** The trace of the newest token event, as the events API answers it. */
async function lastTrace(): Promise<DecisionTrace> {
  const [event] = await json<{ trace: DecisionTrace }[]>(
    send('/api/sandbox/v1/events?endpoint=token&limit=1', 'GET'),
    200,
  );
  return event!.trace;
}

async function token(serverId: string, client: TestClient, scope: string): Promise<DecisionTrace> {
  const r = await postToken(
    t,
    { grant_type: 'client_credentials', scope },
    { authorization: basic(client.clientId, client.clientSecret!) },
    serverId,
  );
  expect(r.status).toBe(200);
  return lastTrace();
}

describe('the policies part of a trace, kept per configuration and client', () => {
  it('shows each request the trace its own evaluation makes, and the next request after a write the new one', async () => {
    const serverId = await createServer(t, 'traces');
    const base = `/api/v1/authorizationServers/${serverId}/policies`;
    await createScope(t, serverId, 'traces:a');
    await createScope(t, serverId, 'traces:b');
    const a = await createClient(t, { label: 'Traces A' });
    const b = await createClient(t, { label: 'Traces B' });
    const other = await createClient(t, { label: 'Traces other' });
    // Two policies for another client ahead of the one for every client, whose first rule grants only traces:b.
    const skipped = [];
    for (const i of [1, 2]) {
      const policy = await json<{ id: string }>(
        send(base, 'POST', {
          type: 'OAUTH_AUTHORIZATION_POLICY',
          name: `Other ${i}`,
          description: 'x',
          priority: i,
          conditions: { clients: { include: [other.clientId] } },
        }),
        201,
      );
      skipped.push(policy.id);
    }
    const all = await json<{ id: string }>(
      send(base, 'POST', {
        type: 'OAUTH_AUTHORIZATION_POLICY',
        name: 'Everyone',
        description: 'x',
        priority: 3,
        conditions: { clients: { include: ['ALL_CLIENTS'] } },
      }),
      201,
    );
    const onlyB = await json<{ id: string }>(
      send(`${base}/${all.id}/rules`, 'POST', rule('Only b', ['traces:b'])),
      201,
    );
    await json(send(`${base}/${all.id}/rules`, 'POST', rule('Any', ['*'])), 201);

    const firstA = await token(serverId, a, 'traces:a');
    const secondA = await token(serverId, a, 'traces:a');
    const firstB = await token(serverId, b, 'traces:a');
    const aOtherRule = await token(serverId, a, 'traces:b');
    expect(secondA).toEqual(firstA);
    expect(firstA.policies.map((p) => [p.name, p.outcome, p.reason])).toEqual([
      ['Other 1', 'skipped', `client ${a.clientId} is not in the policy's clients`],
      ['Other 2', 'skipped', `client ${a.clientId} is not in the policy's clients`],
      ['Everyone', 'matched', `first ACTIVE policy that applies to client ${a.clientId}`],
    ]);
    expect(firstA.policies[2]!.rules.map((r) => [r.name, r.outcome])).toEqual([
      ['Only b', 'skipped'],
      ['Any', 'matched'],
    ]);
    // Another client: its own reasons. Another rule outcome: its own rules.
    expect(firstB.policies[0]!.reason).toBe(`client ${b.clientId} is not in the policy's clients`);
    expect(firstB.policies[2]!.reason).toBe(`first ACTIVE policy that applies to client ${b.clientId}`);
    expect(aOtherRule.policies[2]!.rules.map((r) => [r.name, r.outcome])).toEqual([
      ['Only b', 'matched'],
      ['Any', 'not-evaluated'],
    ]);
    expect((await token(serverId, a, 'traces:a')).policies).toEqual(firstA.policies);

    // A policy renamed, a rule changed: the very next request shows them.
    await json(
      send(`${base}/${skipped[0]}`, 'PUT', {
        type: 'OAUTH_AUTHORIZATION_POLICY',
        name: 'Renamed',
        description: 'x',
        priority: 1,
        conditions: { clients: { include: [other.clientId] } },
      }),
      200,
    );
    expect((await token(serverId, a, 'traces:a')).policies[0]!.name).toBe('Renamed');
    await json(send(`${base}/${all.id}/rules/${onlyB.id}`, 'PUT', rule('Only b', ['traces:a', 'traces:b'])), 200);
    expect((await token(serverId, a, 'traces:a')).policies[2]!.rules.map((r) => [r.name, r.outcome])).toEqual([
      ['Only b', 'matched'],
      ['Any', 'not-evaluated'],
    ]);
  });
});
