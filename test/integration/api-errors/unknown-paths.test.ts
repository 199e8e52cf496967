/**
 * Every path under /api answers in Okta's error JSON (Okta "Error codes"), with the static UI served as it
 * is in a real start (its catch-all `GET /*` must not answer an API path): an unknown path is 404
 * E0000008, a known path asked with a verb it does not serve is 405 E0000022, and the official SDK
 * sees both as an `OktaApiError` with its code. Other unknown paths keep fastify's 404.
 */
import { OktaApiError } from '@okta/okta-sdk-nodejs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { expectOktaError, oktaClient } from '../../support/okta.js';

let t: TestApp;
let uiRoot: string;

beforeAll(async () => {
  uiRoot = mkdtempSync(join(tmpdir(), 'authbox-ui-'));
  writeFileSync(join(uiRoot, 'index.html'), '<!doctype html><title>Authbox</title>');
  t = await startTestApp({ uiRoot });
});

afterAll(async () => {
  await t?.close();
  rmSync(uiRoot, { recursive: true, force: true });
});

const UNKNOWN_PATHS: [string, string][] = [
  ['GET', '/api/v1/nonexistent'],
  ['POST', '/api/v1/nonexistent'],
  ['DELETE', '/api/v1/nonexistent'],
  ['GET', '/api/v1/users/x/y/z'],
  ['PUT', '/api/v1/users/x/y/z'],
  ['GET', '/api/v1/authorizationServers/default/nope'],
  ['GET', '/api/v1/authorizationServers/default/'],
  ['GET', '/api/v1'],
  ['GET', '/api/v1/'],
  ['GET', '/api'],
  ['GET', '/api/'],
  ['GET', '/api/v2/users'],
  ['GET', '/api/sandbox/v1/nope'],
  ['POST', '/api/sandbox/v1/nope'],
  ['GET', '/api/sandbox/v1/events/x/y'],
  ['GET', '/api/sandbox/v2/events'],
  ['GET', '/api/sandbox'],
];

const WRONG_METHODS: [string, string][] = [
  ['PATCH', '/api/v1/authorizationServers'],
  ['DELETE', '/api/v1/authorizationServers'],
  ['PATCH', '/api/v1/authorizationServers/default'],
  ['PUT', '/api/v1/users'],
  ['DELETE', '/api/v1/groups'],
  ['PATCH', '/api/v1/apps/0oanothere'],
  ['GET', '/api/v1/users/00unothere/lifecycle/activate'],
  ['PUT', '/api/sandbox/v1/events'],
  ['GET', '/api/sandbox/v1/expressions/check'],
];

function send(method: string, path: string, authorization?: string): Promise<Response> {
  return t.api(path, {
    method,
    ...(authorization === undefined ? {} : { headers: { authorization } }),
    ...(method === 'GET' ? {} : { body: '{}' }),
  });
}

describe('Okta error JSON on /api', () => {
  it.each(UNKNOWN_PATHS)('%s %s answers 404 E0000008', async (method, path) => {
    const body = await expectOktaError(await send(method, path), 404, 'E0000008');
    expect(body).toEqual({
      errorCode: 'E0000008',
      errorSummary: 'The requested path was not found',
      errorLink: 'E0000008',
      errorId: body.errorId,
      errorCauses: [],
    });
  });

  it.each(WRONG_METHODS)('%s %s answers 405 E0000022', async (method, path) => {
    const body = await expectOktaError(await send(method, path), 405, 'E0000022');
    const summary = 'The endpoint does not support the provided HTTP method';
    expect(body).toEqual({
      errorCode: 'E0000022',
      errorSummary: summary,
      errorLink: 'E0000022',
      errorId: body.errorId,
      errorCauses: [],
    });
  });

  it('checks the admin token before it says a path is unknown, as on every API call', async () => {
    await expectOktaError(await fetch(`${t.origin}/api/v1/nonexistent`), 403, 'E0000005');
    await expectOktaError(await send('GET', '/api/sandbox/v1/nope', 'SSWS wrong-token'), 401, 'E0000011');
  });

  it('leaves other unknown paths to the UI server: its page at /, fastify 404 elsewhere', async () => {
    const page = await fetch(`${t.origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Authbox</title>');
    const missing = await fetch(`${t.origin}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Route GET:/nope not found', error: 'Not Found', statusCode: 404 });
  });

  it('gives @okta/okta-sdk-nodejs an OktaApiError with errorCode E0000008 for an unknown path', async () => {
    const client = oktaClient(t.origin);
    const error: unknown = await client.http.http(`${t.origin}/api/v1/nonexistent`).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({
      status: 404,
      errorCode: 'E0000008',
      errorSummary: 'The requested path was not found',
      errorCauses: [],
    });
  });
});
