/**
 * Discovery documents and the key set are answered from a kept body with a strong ETag
 * (`http/oauth/cached-json.ts`): a matching If-None-Match gets 304 without a body (RFC 9110
 * §13.1.2, §15.4.5), and a change — a scope published, a key rotation — changes the ETag at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { createScope } from '../token/fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const DOCUMENTS = [
  '/oauth2/default/.well-known/openid-configuration',
  '/oauth2/default/.well-known/oauth-authorization-server',
  '/oauth2/default/v1/keys',
];

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.origin}${path}`, { headers });

describe('ETag and 304', () => {
  it.each(DOCUMENTS)('%s carries a strong ETag and answers 304 to If-None-Match', async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(first.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await first.json();
    const again = await get(path);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.json()).toEqual(body);

    const notModified = await get(path, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(etag);
    expect(await notModified.text()).toBe('');
    // A list, a weak form of the same tag and `*` match too (weak comparison, RFC 9110 §13.1.2).
    expect((await get(path, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect((await get(path, { 'if-none-match': '*' })).status).toBe(304);
    expect((await get(path, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('keeps the JWKS Cache-Control on a 304', async () => {
    const first = await get('/oauth2/default/v1/keys');
    const notModified = await get('/oauth2/default/v1/keys', { 'if-none-match': first.headers.get('etag')! });
    expect(notModified.headers.get('cache-control')).toBe('max-age=300, must-revalidate');
  });

  it('changes the discovery ETag when a published scope is added', async () => {
    const path = DOCUMENTS[0]!;
    const before = (await get(path)).headers.get('etag')!;
    await createScope(t, 'default', 'etag:read', { metadataPublish: 'ALL_CLIENTS' });
    const after = await get(path, { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
    expect(((await after.json()) as { scopes_supported: string[] }).scopes_supported).toContain('etag:read');
  });

  it('changes the JWKS ETag when the keys rotate', async () => {
    const path = DOCUMENTS[2]!;
    const before = (await get(path)).headers.get('etag')!;
    const rotated = await t.api('/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate', {
      method: 'POST',
      body: JSON.stringify({ use: 'sig' }),
    });
    expect(rotated.status).toBe(200);
    const after = await get(path, { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });
});
