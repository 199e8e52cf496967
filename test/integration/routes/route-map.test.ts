import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../src-main/contracts/routes.js';
import type { RouteDef } from '../../../src-main/contracts/routes.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { recordRoutes, routeMapProblems } from './route-map.js';
import type { RegisteredRoute } from './route-map.js';

describe('the route map', () => {
  let app: TestApp;
  let registered: RegisteredRoute[];

  beforeAll(async () => {
    // The /api routes are registered by the first /api request (`http/api-server.ts`).
    const recorded = await recordRoutes(async () => {
      const started = await startTestApp();
      await (await fetch(`${started.origin}/api`)).arrayBuffer();
      return started;
    });
    app = recorded.result;
    registered = recorded.routes;
  });
  afterAll(() => app.close());

  it('has every entry registered on a running server, and every registered /api route in it', () => {
    expect(registered.length).toBeGreaterThan(Object.keys(routes).length);
    expect(routeMapProblems(routes, registered)).toEqual([]);
  });

  it('lists each method and path once', () => {
    const keys = Object.values(routes).map((r: RouteDef) => `${r.method} ${r.path}`);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  it('marks the event stream as Server-Sent Events, and only it', () => {
    expect(
      Object.entries(routes)
        .filter(([, r]) => 'stream' in r)
        .map(([name, r]) => `${name} ${(r as RouteDef).stream}`),
    ).toEqual(['streamEvents sse']);
  });

  it('names an entry the server does not register', () => {
    const missing = {
      ...routes,
      exportServer: { method: 'GET', path: '/api/v1/authorizationServers/:id/export', response: {} },
    } satisfies Record<string, RouteDef>;
    expect(routeMapProblems(missing, registered)).toEqual([
      'GET /api/v1/authorizationServers/:id/export (exportServer) is in the route map but not registered',
    ]);
  });

  it('names a registered route the map leaves out', () => {
    const { rotateKeys: _left, ...withoutRotate } = routes;
    expect(routeMapProblems(withoutRotate, registered)).toEqual([
      'POST /api/v1/authorizationServers/:id/credentials/lifecycle/keyRotate is registered but not in the route map',
    ]);
  });

  it('ignores the routes outside /api, the 405 answers of a verb table and the /api catch-all of unknown paths', () => {
    expect(registered.some((r) => r.url.startsWith('/oauth2/'))).toBe(true);
    expect(registered.some((r) => r.method === 'PATCH' && r.url === '/api/*')).toBe(true);
    expect(registered.some((r) => r.method === 'PATCH' && r.url.startsWith('/api/') && !r.url.includes('*'))).toBe(
      false,
    );
  });
});
