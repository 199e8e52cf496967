/**
 * The `/api` routes live in a fastify instance of their own (`http/api-server.ts`), imported and built
 * on the first `/api` request: a start registers only the protocol routes and the UI. Concurrent first
 * requests share one build; the first request's body, the Host check and the `SSWS` guard behave as
 * on any later request.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

let t: TestApp;
let instances: number;
const count = () => {
  instances += 1;
};

beforeEach(async () => {
  instances = 0;
  subscribe('fastify.initialization', count);
  t = await startTestApp();
});
afterEach(async () => {
  unsubscribe('fastify.initialization', count);
  await t.close();
});

describe('the /api routes, built on first use', () => {
  it('are not built by a start; concurrent first requests share one build and are all answered', async () => {
    expect(instances).toBe(1);
    const discovery = await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(instances).toBe(1);

    const answers = await Promise.all([
      t.api('/api/v1/authorizationServers'),
      t.api('/api/v1/authorizationServers/default'),
      t.api('/api/sandbox/v1/org-server'),
      fetch(`${t.origin}/api/v1/authorizationServers`),
      t.api('/api/v1/no-such-thing'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 403, 404]);
    expect(((await answers[0]!.json()) as { id: string }[]).map((s) => s.id)).toEqual(['default']);
    expect(((await answers[1]!.json()) as { name: string }).name).toBe('default');
    expect(((await answers[3]!.json()) as { errorCode: string }).errorCode).toBe('E0000005');
    expect(((await answers[4]!.json()) as { errorCode: string }).errorCode).toBe('E0000008');
    expect(instances).toBe(2);
  });

  it('read the body of a first request that is a write', async () => {
    const created = await t.api('/api/v1/authorizationServers', {
      method: 'POST',
      body: JSON.stringify({ name: 'Orders', description: 'Orders API', audiences: ['api://orders'] }),
    });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { name: string }).name).toBe('Orders');
    const malformed = await t.api('/api/v1/authorizationServers', { method: 'POST', body: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { errorCode: string }).errorCode).toBe('E0000003');
  });

  it('keep the Host check in front of them', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const url = new URL(`${t.origin}/api/v1/authorizationServers`);
      request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          headers: { host: 'evil.example', authorization: `SSWS ${ADMIN_TOKEN}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });
});
