/**
 * The runner as a DPoP client (RFC 9449) for an app that requires DPoP-bound access tokens: one
 * ES256 key per run, a proof on each token request, the `use_dpop_nonce` round shown as a step,
 * and UserInfo called with `Authorization: DPoP` and a proof carrying `ath`; Client Credentials and
 * Device Authorization runs (each poll is a token request) prove the same way.
 */
import { calculateJwkThumbprint, decodeJwt, decodeProtectedHeader } from 'jose';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunStep } from '../../../src-main/contracts/flow-run.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { assignedUser } from '../authorize/fixtures.js';
import { Browser, DEVICE_GRANT, decide, enterCode } from '../device/fixtures.js';
import { PASSWORD, createClient, createScope } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';
import { RUNS, createNativeApp, postRun } from './runner-fixtures.js';

let t: TestApp;
let app: TestClient;
const clock = new MovableClock();
const post = (path: string, body: unknown = {}) => postRun(t, path, body);

const proofOf = (step: RunStep) => step.exchange.request.headers.dpop!;

/** The thumbprint of the key in a step's proof, which a bound token's `cnf.jkt` must name. */
const thumbprintOf = (step: RunStep) =>
  calculateJwkThumbprint(decodeProtectedHeader(proofOf(step)).jwk as JWK, 'sha256');

beforeAll(async () => {
  t = await startTestApp({ clock });
  app = await createNativeApp(t, 'Runner DPoP native', { dpop_bound_access_tokens: true });
  await assignedUser(t, app, 'dora@example.com');
});

afterAll(async () => {
  await t?.close();
});

describe('a flow for a DPoP app', () => {
  it('runs to the end with a proof of the run key, after one use_dpop_nonce round, and calls UserInfo as DPoP', async () => {
    const created = await post(`${RUNS}?reveal=true`, {
      serverId: 'default',
      appId: app.id,
      flow: 'password',
      username: 'dora@example.com',
      password: PASSWORD,
      scopes: ['openid', 'offline_access'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const run = (await post(`${RUNS}/${created.body.id}/advance?reveal=true`, { to: 'end' })).body;
    expect(run.status, run.error ?? '').toBe('finished');
    expect(run.tokens.token_type).toBe('DPoP');
    expect(run.checks.filter((c) => !c.passed)).toEqual([]);

    const [challenge, token] = run.steps.filter((s) => s.name === 'token');
    expect(challenge!.ok).toBe(true);
    expect(challenge!.exchange.response!.status).toBe(400);
    expect(JSON.parse(challenge!.exchange.response!.body)).toMatchObject({ error: 'use_dpop_nonce' });
    const nonce = challenge!.exchange.response!.headers['dpop-nonce'];
    expect(nonce).toEqual(expect.any(String));
    expect(decodeJwt(proofOf(challenge!))).not.toHaveProperty('nonce');
    expect(token!.exchange.response!.status).toBe(200);

    const header = decodeProtectedHeader(proofOf(token!));
    expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
    expect(header.jwk).not.toHaveProperty('d');
    const claims = decodeJwt(proofOf(token!));
    expect(claims).toMatchObject({ htm: 'POST', htu: `${t.origin}/oauth2/default/v1/token`, nonce });
    expect(claims.jti).toEqual(expect.any(String));
    expect(claims.iat).toEqual(expect.any(Number));
    expect(claims.jti).not.toBe(decodeJwt(proofOf(challenge!)).jti);
    const jkt = await calculateJwkThumbprint(header.jwk as JWK, 'sha256');
    expect(decodeJwt(run.tokens.access_token!).cnf).toEqual({ jkt });

    const withUserinfo = (await post(`${RUNS}/${run.id}/followUps?reveal=true`, { kind: 'userinfo' })).body;
    const userinfo = withUserinfo.steps[withUserinfo.steps.length - 1]!;
    expect(userinfo.exchange.response!.status).toBe(200);
    expect(userinfo.exchange.request.headers.authorization).toBe(`DPoP ${run.tokens.access_token}`);
    expect(decodeJwt(proofOf(userinfo))).toMatchObject({ htm: 'GET', ath: expect.any(String) });
    expect(decodeProtectedHeader(proofOf(userinfo)).jwk).toEqual(header.jwk);

    // The refresh grant of a DPoP app needs a proof too: the run's key and the nonce it holds.
    const refreshed = (await post(`${RUNS}/${run.id}/followUps?reveal=true`, { kind: 'refresh' })).body;
    const refresh = refreshed.steps[refreshed.steps.length - 1]!;
    expect(refresh.exchange.response!.status, refresh.exchange.response!.body).toBe(200);
    expect(decodeProtectedHeader(proofOf(refresh)).jwk).toEqual(header.jwk);
    expect(refreshed.tokens.token_type).toBe('DPoP');
    expect(decodeJwt(refreshed.tokens.access_token!).cnf).toEqual({ jkt });

    // A Refresh Token run from this one goes on as the same client, with the key its refresh token is bound to.
    const again = await post(`${RUNS}?reveal=true`, {
      serverId: 'default',
      appId: app.id,
      flow: 'refresh',
      refreshFrom: run.id,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const continued = (await post(`${RUNS}/${again.body.id}/advance?reveal=true`, { to: 'end' })).body;
    expect(continued.status, continued.error ?? '').toBe('finished');
    expect(continued.tokens.token_type).toBe('DPoP');
    expect(decodeJwt(continued.tokens.access_token!).cnf).toEqual({ jkt });
  });
});

describe('the other grants of a DPoP app', () => {
  it('runs Client Credentials with a proof after the nonce round, to a DPoP token bound to the run key', async () => {
    const service = await createClient(t, {
      label: 'Runner DPoP service',
      settings: { dpop_bound_access_tokens: true },
    });
    await createScope(t, 'default', 'orders:read');
    const created = await post(`${RUNS}?reveal=true`, {
      serverId: 'default',
      appId: service.id,
      flow: 'client-credentials',
      scopes: ['orders:read'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const run = (await post(`${RUNS}/${created.body.id}/advance?reveal=true`, { to: 'end' })).body;
    expect(run.status, run.error ?? '').toBe('finished');
    const [challenge, token] = run.steps.filter((s) => s.name === 'token');
    expect(JSON.parse(challenge!.exchange.response!.body)).toMatchObject({ error: 'use_dpop_nonce' });
    expect(token!.exchange.response!.status).toBe(200);
    expect(token!.exchange.request.headers.authorization).toMatch(/^Basic /);
    expect(run.tokens.token_type).toBe('DPoP');
    expect(decodeJwt(run.tokens.access_token!).cnf).toEqual({ jkt: await thumbprintOf(token!) });
  });

  it('polls Device Authorization with a proof on each poll, and gets a DPoP token once approved', async () => {
    const tv = await createNativeApp(t, 'Runner DPoP TV', {
      grant_types: ['authorization_code', 'refresh_token', DEVICE_GRANT],
      dpop_bound_access_tokens: true,
    });
    await assignedUser(t, tv, 'tv@example.com');
    const created = await post(`${RUNS}?reveal=true`, {
      serverId: 'default',
      appId: tv.id,
      flow: 'device',
      scopes: ['openid', 'profile'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const started = (await post(`${RUNS}/${created.body.id}/advance?reveal=true`, { to: 'end' })).body;
    expect(started.status, started.error ?? '').toBe('polling');

    const browser = new Browser();
    const approve = await enterCode(
      t,
      browser,
      started.device!.verification_uri_complete!,
      undefined,
      'tv@example.com',
    );
    await decide(t, browser, approve, 'allow');
    clock.advance(started.device!.interval);
    const run = (await post(`${RUNS}/${started.id}/advance?reveal=true`, { to: 'end' })).body;
    expect(run.status, run.error ?? '').toBe('finished');
    const polls = run.steps.filter((s) => s.name === 'poll');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    for (const poll of polls) expect(decodeJwt(proofOf(poll))).toMatchObject({ htm: 'POST', jti: expect.any(String) });
    const last = polls[polls.length - 1]!;
    expect(last.exchange.response!.status).toBe(200);
    expect(run.tokens.token_type).toBe('DPoP');
    expect(decodeJwt(run.tokens.access_token!).cnf).toEqual({ jkt: await thumbprintOf(last) });
    expect(new Set(await Promise.all(polls.map(thumbprintOf))).size).toBe(1);
  });
});
