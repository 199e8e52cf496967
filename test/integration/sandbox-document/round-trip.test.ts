/**
 * The sandbox document through the sandbox API: the demo loads, an export imported into an empty
 * data folder exports byte-identically, and with keys the imported sandbox signs tokens the
 * original JWKS verifies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

const started: TestApp[] = [];
async function start(): Promise<TestApp> {
  const app = await startTestApp();
  started.push(app);
  return app;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((app) => app.close()));
});

async function exportText(app: TestApp, query = ''): Promise<string> {
  const response = await app.api(`/api/sandbox/v1/export${query}`);
  expect(response.status).toBe(200);
  return response.text();
}

async function importText(app: TestApp, text: string, query = '?mode=replace') {
  return app.api(`/api/sandbox/v1/import${query}`, { method: 'POST', body: text });
}

describe('the sandbox document', () => {
  it('loads the demo: a server, its policy and rules, the claim, two apps and John Smith', async () => {
    const app = await start();
    const response = await app.api('/api/sandbox/v1/demo', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      mode: 'merge',
      applied: true,
      create: { servers: 1, scopes: 2, claims: 1, policies: 1, rules: 2, apps: 2, users: 1, groups: 0 },
      conflicts: [],
    });
    const users = (await (await app.api('/api/v1/users?q=john')).json()) as { profile: Record<string, unknown> }[];
    expect(users.map((u) => u.profile['honorific'])).toEqual(['Commodore']);
    const web = (await (await app.api('/api/v1/apps/0oaDemoPetsWeb000001')).json()) as {
      settings: { oauthClient: { redirect_uris: string[] } };
    };
    expect(web.settings.oauthClient.redirect_uris[0]).toBe(`${app.origin}/flow-runner/callback`);
    // Loading it twice collides on every id, and nothing more is written.
    const again = await app.api('/api/sandbox/v1/demo', { method: 'POST' });
    expect(again.status).toBe(400);
    const body = (await again.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
    expect(body.errorCode).toBe('E0000001');
    expect(body.errorCauses.map((c) => c.errorSummary)).toContain(
      '$.servers[0].id: the authorization server ausDemoPets0000000001 already exists in the sandbox',
    );
  });

  it('exports, imports into an empty data folder and exports again byte for byte', async () => {
    const original = await start();
    expect((await original.api('/api/sandbox/v1/demo', { method: 'POST' })).status).toBe(200);
    const first = await exportText(original);
    const copy = await start();
    const imported = await importText(copy, first);
    expect(imported.status).toBe(200);
    expect(await exportText(copy)).toBe(first);
    // Two exports of one sandbox are identical too.
    expect(await exportText(original)).toBe(first);
    expect(first).not.toContain('Commodore-1');
    expect(first).not.toContain('privateJwk');
  });

  it('keeps an app’s Okta API scope grants: exported with the app, imported back, granted on the copy', async () => {
    const original = await start();
    expect((await original.api('/api/sandbox/v1/demo', { method: 'POST' })).status).toBe(200);
    const grant = (scopeId: string) =>
      original.api('/api/v1/apps/0oaDemoPetsWeb000001/grants', {
        method: 'POST',
        body: JSON.stringify({ issuer: original.origin, scopeId }),
      });
    expect((await grant('okta.users.read')).status).toBe(201);
    expect((await grant('okta.groups.manage')).status).toBe(201);
    const first = await exportText(original);
    const web = (JSON.parse(first) as { apps: { clientId: string; grants: Record<string, unknown>[] }[] }).apps.find(
      (a) => a.clientId === '0oaDemoPetsWeb000001',
    )!;
    expect(web.grants.map((g) => g['scopeId'])).toEqual(['okta.users.read', 'okta.groups.manage']);
    expect(Object.keys(web.grants[0]!)).toEqual(['id', 'scopeId', 'created', 'lastUpdated']);

    const copy = await start();
    expect((await importText(copy, first)).status).toBe(200);
    expect(await exportText(copy)).toBe(first);
    const grants = (await (await copy.api('/api/v1/apps/0oaDemoPetsWeb000001/grants')).json()) as {
      scopeId: string;
      issuer: string;
    }[];
    // The org URL is the copy's own.
    expect(grants.map((g) => [g.scopeId, g.issuer])).toEqual([
      ['okta.users.read', copy.origin],
      ['okta.groups.manage', copy.origin],
    ]);
  });

  it('with keys, the imported sandbox signs tokens that the original JWKS verifies', async () => {
    const original = await start();
    expect((await original.api('/api/sandbox/v1/demo', { method: 'POST' })).status).toBe(200);
    const text = await exportText(original, '?withKeys=true');
    expect(text).toContain('privateJwk');
    const copy = await start();
    expect((await importText(copy, text)).status).toBe(200);
    const token = await fetch(`${copy.origin}/oauth2/ausDemoPets0000000001/v1/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('0oaDemoPetsService01:demo-service-secret-change-me-01').toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=pets:read',
    });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const jwks = createRemoteJWKSet(new URL(`${original.origin}/oauth2/ausDemoPets0000000001/v1/keys`));
    const { payload } = await jwtVerify(access_token, jwks, { audience: 'api://pets' });
    expect(payload['scp']).toEqual(['pets:read']);
  });

  it('exports one server with the apps and users it references', async () => {
    const app = await start();
    expect((await app.api('/api/sandbox/v1/demo', { method: 'POST' })).status).toBe(200);
    const doc = JSON.parse(await exportText(app, '?serverId=ausDemoPets0000000001')) as {
      servers: { id: string }[];
      apps: { clientId: string }[];
      users: { profile: { login: string } }[];
    };
    expect(doc.servers.map((s) => s.id)).toEqual(['ausDemoPets0000000001']);
    expect(doc.apps.map((a) => a.clientId)).toEqual(['0oaDemoPetsWeb000001', '0oaDemoPetsService01']);
    expect(doc.users.map((u) => u.profile.login)).toEqual(['john.smith@example.com']);
    const unknown = await app.api('/api/sandbox/v1/export?serverId=ausNope');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { errorCode: string }).errorCode).toBe('E0000007');
  });
});
