/**
 * The protocol paths are one fastify route each (`http/oauth/endpoint.ts`) that dispatches by its verb
 * table: every path of `PROTOCOL_CORS`, for a custom server and for the org server, answers its verbs,
 * 405 with an OAuth error for the others (HEAD too where there is no GET), HEAD like its GET without
 * a body, the preflight 204, and an unknown server 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_CORS } from '../../../src-main/http/oauth/cors.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { recordRoutes } from './route-map.js';
import type { RegisteredRoute } from './route-map.js';

let t: TestApp;
let registered: RegisteredRoute[];

beforeAll(async () => {
  ({ result: t, routes: registered } = await recordRoutes(() => startTestApp()));
});
afterAll(async () => {
  await t.close();
});

const path = (url: string) => url.replace(':serverId', 'default');

describe('protocol routes', () => {
  it('are one route per path, serving every verb', () => {
    for (const route of PROTOCOL_CORS) {
      const served = registered.filter((r) => r.url === route.url).map((r) => r.method);
      // One route for the verbs and the preflight.
      expect(served.sort(), route.url).toEqual(['DELETE', 'GET', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
      expect(registered.filter((r) => r.url === route.url && r.method === 'GET')).toHaveLength(1);
    }
  });

  it('answer 405 with an OAuth error to the verbs a path does not serve, and not to the ones it does', async () => {
    for (const route of PROTOCOL_CORS) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH']) {
        const response = await fetch(`${t.origin}${path(route.url)}`, { method, redirect: 'manual' });
        const body = await response.text();
        if ((route.methods as readonly string[]).includes(method)) {
          expect(response.status, `${method} ${route.url}`).not.toBe(405);
        } else {
          expect(response.status, `${method} ${route.url}`).toBe(405);
          expect(JSON.parse(body)).toEqual({
            error: 'invalid_request',
            error_description: `The ${method} method is not supported here.`,
          });
        }
      }
    }
  });

  it('answer HEAD as their GET without a body, and 405 where there is no GET', async () => {
    for (const url of ['/oauth2/default/.well-known/openid-configuration', '/.well-known/openid-configuration']) {
      const get = await fetch(`${t.origin}${url}`);
      const body = await get.text();
      const head = await fetch(`${t.origin}${url}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(head.headers.get('content-type')).toBe(get.headers.get('content-type'));
      expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
      expect(await head.text()).toBe('');
    }
    const token = await fetch(`${t.origin}/oauth2/default/v1/token`, { method: 'HEAD' });
    expect(token.status).toBe(405);
    expect(await token.text()).toBe('');
  });

  it('answer the preflight 204, and 404 for an unknown server', async () => {
    const preflight = await fetch(`${t.origin}/oauth2/default/v1/keys`, {
      method: 'OPTIONS',
      headers: { origin: 'https://spa.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    const unknown = await fetch(`${t.origin}/oauth2/no-such-server/v1/keys`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errorCode: string }).errorCode).toBe('E0000007');
    expect((await fetch(`${t.origin}/oauth2/no-such-server/v1/token`, { method: 'POST' })).status).toBe(404);
  });
});
