/**
 * The Event Log's links, through real requests on a real server: an event a Flow Runner run's step
 * sent names its run; a device code's /token event links to the approval on the device page that
 * decided it; and a filter the log cannot apply is refused with Okta's error JSON naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProtocolEventDto } from '../../../src-main/contracts/events.js';
import type { FlowRunDto } from '../../../src-main/contracts/flow-run.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { Browser, assignedUser } from '../authorize/fixtures.js';
import { createDeviceClient, decide, enterCode, poll, startDevice } from '../device/fixtures.js';
import { createClient, createScope } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { expectOktaError } from './fixtures.js';

let t: TestApp;
let tv: TestClient;
let service: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  tv = await createDeviceClient(t);
  await assignedUser(t, tv, 'alice@example.com');
  await createScope(t, 'default', 'orders:read');
  service = await createClient(t, { label: 'Runner service' });
});
afterAll(async () => {
  await t?.close();
});

async function listEvents(query: string): Promise<ProtocolEventDto[]> {
  const response = await t.api(`/api/sandbox/v1/events?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ProtocolEventDto[];
}

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await t.api(path, { method: 'POST', body: JSON.stringify(body) });
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}

describe('an event sent by a Flow Runner run', () => {
  it('names the run, in the list and read alone; other events name none', async () => {
    const created = await post<FlowRunDto>('/api/sandbox/v1/flowRuns', {
      serverId: 'default',
      appId: service.id,
      flow: 'client-credentials',
      scopes: ['orders:read'],
    });
    const run = await post<FlowRunDto>(`/api/sandbox/v1/flowRuns/${created.id}/advance`, { to: 'end' });
    expect(run.status).toBe('finished');
    const stepEvent = run.steps.find((s) => s.name === 'token')!.events[0]!;

    const [listed] = await listEvents(`clientId=${service.clientId}&endpoint=token`);
    expect(listed).toMatchObject({ id: stepEvent.id, runId: run.id, appName: 'Runner service' });
    const alone = (await (await t.api(`/api/sandbox/v1/events/${stepEvent.id}`)).json()) as ProtocolEventDto;
    expect(alone.runId).toBe(run.id);

    await startDevice(t, tv);
    const [started] = await listEvents('endpoint=device/authorize&limit=1');
    expect(started!.runId).toBeNull();
  });

  it('keeps the issued JWTs whole, sent only when one event is read with reveal=true', async () => {
    const [listed] = await listEvents(`clientId=${service.clientId}&endpoint=token`);
    expect(listed!.exchange!.response.tokens).toBeUndefined();
    const read = async (query: string) =>
      (await (await t.api(`/api/sandbox/v1/events/${listed!.id}${query}`)).json()) as ProtocolEventDto;
    expect((await read('')).exchange!.response.tokens).toBeUndefined();
    const run = (await (await t.api(`/api/sandbox/v1/flowRuns/${listed!.runId!}?reveal=true`)).json()) as FlowRunDto;
    const revealed = (await read('?reveal=true')).exchange!.response;
    expect(revealed.tokens).toEqual({ access_token: run.tokens.access_token });
    expect(revealed.body).toMatchObject({ access_token: expect.stringMatching(/^eyJ.{9}….{6}$/) });
    await expectOktaError(await t.api(`/api/sandbox/v1/events/${listed!.id}?reveal=yes`), 400, 'E0000001', [
      "reveal: must be 'true' or 'false'",
    ]);
  });

  it('names no run once the run is deleted', async () => {
    const [listed] = await listEvents(`clientId=${service.clientId}&endpoint=token`);
    const response = await t.api(`/api/sandbox/v1/flowRuns/${listed!.runId!}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    const alone = (await (await t.api(`/api/sandbox/v1/events/${listed!.id}`)).json()) as ProtocolEventDto;
    expect(alone.runId).toBeNull();
  });
});

describe('a device code redeemed at /token', () => {
  it('links to the approval that decided it, which carries the policy decision', async () => {
    const device = await startDevice(t, tv);
    const browser = new Browser();
    const approvePage = await enterCode(t, browser, device.verification_uri_complete, undefined, 'alice@example.com');
    expect((await decide(t, browser, approvePage, 'allow')).status).toBe(200);
    const approval = (await listEvents('endpoint=device&limit=1'))[0]!;
    expect(approval.trace!.policies.some((p) => p.outcome === 'matched')).toBe(true);
    expect(approval.familyId).not.toBeNull();

    expect((await poll(t, tv, device.device_code)).status).toBe(200);
    const redeemed = (await listEvents('endpoint=token&limit=1'))[0]!;
    expect(redeemed.familyId).toBe(approval.familyId);
    const matched = approval.trace!.policies.find((p) => p.outcome === 'matched')!;
    expect(redeemed.trace!.redeemed).toMatchObject({
      familyId: approval.familyId,
      eventId: approval.id,
      endpoint: 'device',
      policyId: matched.id,
      ruleId: matched.rules.find((r) => r.outcome === 'matched')!.id,
    });
  });
});

describe('filters the log cannot apply', () => {
  it('refuses an endpoint that records no events, naming the ones that do', async () => {
    await expectOktaError(await t.api('/api/sandbox/v1/events?endpoint=tokens'), 400, 'E0000001', [
      'endpoint: must be one of authorize, token, introspect, revoke, userinfo, logout, device/authorize, device, storage',
    ]);
  });

  it('refuses an unknown outcome, a repeated filter and a bad limit on the list', async () => {
    await expectOktaError(await t.api('/api/sandbox/v1/events?outcome=ok'), 400, 'E0000001', [
      "outcome: must be 'success' or 'failure'",
    ]);
    await expectOktaError(await t.api('/api/sandbox/v1/events?jti=a&jti=b'), 400, 'E0000001', [
      'jti: must be given once',
    ]);
    await expectOktaError(await t.api('/api/sandbox/v1/events?limit=0'), 400, 'E0000001', [
      'limit: must be a whole number from 1 to 200',
    ]);
  });
});
