/**
 * The built UI is served by a fastify instance of its own (`http/ui-server.ts`, `@fastify/static` on the
 * UI root), imported and built on the first GET or HEAD no other route matches: a start does not load
 * the static file server. Concurrent first requests share one build; files, the index, the UI's
 * security headers and the 404 of a missing file answer as before.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

let t: TestApp;
let uiRoot: string;
let instances: number;
const count = () => {
  instances += 1;
};

beforeEach(async () => {
  instances = 0;
  uiRoot = mkdtempSync(join(tmpdir(), 'authbox-ui-'));
  writeFileSync(join(uiRoot, 'index.html'), '<!doctype html><title>Authbox</title>');
  writeFileSync(join(uiRoot, 'app.js'), 'console.log(1);');
  subscribe('fastify.initialization', count);
  t = await startTestApp({ uiRoot });
});
afterEach(async () => {
  unsubscribe('fastify.initialization', count);
  await t.close();
  rmSync(uiRoot, { recursive: true, force: true });
});

describe('the UI, served by an instance built on first use', () => {
  it('is not built by a start or by protocol requests; concurrent first requests share one build', async () => {
    expect(instances).toBe(1);
    const discovery = await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(instances).toBe(1);

    const [index, root, script, head, missing] = await Promise.all([
      fetch(`${t.origin}/index.html`),
      fetch(`${t.origin}/`),
      fetch(`${t.origin}/app.js`),
      fetch(`${t.origin}/app.js`, { method: 'HEAD' }),
      fetch(`${t.origin}/no-such-file.js`),
    ]);
    expect(instances).toBe(2);
    expect([index.status, root.status, script.status, head.status, missing.status]).toEqual([200, 200, 200, 200, 404]);
    expect(await root.text()).toBe('<!doctype html><title>Authbox</title>');
    expect(root.headers.get('content-type')).toMatch(/^text\/html/);
    expect(root.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(root.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await script.text()).toBe('console.log(1);');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await head.text()).toBe('');
    expect(head.headers.get('content-length')).toBe(String('console.log(1);'.length));
    expect(((await missing.json()) as { statusCode: number }).statusCode).toBe(404);

    expect((await fetch(`${t.origin}/index.html`)).status).toBe(200);
    expect(instances).toBe(2);
  });

  it('leaves other verbs to the 404 they had', async () => {
    const post = await fetch(`${t.origin}/index.html`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(instances).toBe(1);
  });
});
