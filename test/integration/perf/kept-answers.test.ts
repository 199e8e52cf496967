/**
 * Discovery documents and key sets answered before routing (`http/oauth/kept-answers.ts`): once the
 * route has answered a path for a Host, the same request is answered from the table with the route's
 * bytes — status line, headers in their order, body — for GET, HEAD and a matching If-None-Match; a
 * request the table cannot answer exactly still reaches the route.
 */
import { connect } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeptAnswers } from '../../../src-main/http/oauth/kept-answers.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { createScope } from '../token/fixtures.js';
import { MovableClock } from '../token/issued-tokens.js';

const PATHS = [
  '/oauth2/default/.well-known/openid-configuration',
  '/oauth2/default/.well-known/oauth-authorization-server',
  '/oauth2/default/v1/keys',
  '/.well-known/openid-configuration',
  '/.well-known/oauth-authorization-server',
  '/oauth2/v1/keys',
];

/** Sends the requests pipelined on one connection (the last closes it) and returns what came back. */
function exchange(port: number, requests: string[]): Promise<string> {
  const text = requests
    .map((request, i) => `${request}${i === requests.length - 1 ? 'Connection: close\r\n' : ''}\r\n`)
    .join('');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(received.replace(/^Date: .*\r\n/gm, 'Date: (now)\r\n')));
  });
}

/** Counts the requests the table answered (true) and handed on (false). */
function countAnswers() {
  const spy = vi.spyOn(KeptAnswers.prototype, 'answer');
  return {
    kept: () => spy.mock.results.filter((r) => r.value === true).length,
    routed: () => spy.mock.results.filter((r) => r.value === false).length,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('answers before routing', () => {
  let t: TestApp;
  let port: number;
  let fresh = 0;
  beforeAll(async () => {
    t = await startTestApp();
    port = t.app.port;
  });
  afterAll(async () => {
    await t.close();
  });

  /** GET, GET from a browser, HEAD, 304, HEAD 304, a stale tag: each of `url()` with these headers. */
  const requestsOf = (url: () => string, etag: string) =>
    [
      '',
      'Origin: https://app.example.com\r\n',
      'HEAD',
      `If-None-Match: ${etag}\r\n`,
      `HEAD If-None-Match: "other", W/${etag}\r\n`,
      'If-None-Match: "other"\r\n',
    ].map((variant) => {
      const head = variant.startsWith('HEAD');
      const headers = head ? variant.slice(4).trimStart() : variant;
      return `${head ? 'HEAD' : 'GET'} ${url()} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${headers}`;
    });

  it.each(PATHS)('%s: the kept answers are the route’s bytes', async (path) => {
    const first = await fetch(`${t.origin}${path}`);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;

    const counts = countAnswers();
    // A query string the table has never seen: every one of these reaches the route.
    const routed = await exchange(
      port,
      requestsOf(() => `${path}?n=${++fresh}`, etag),
    );
    expect(counts.kept()).toBe(0);
    const kept = await exchange(
      port,
      requestsOf(() => path, etag),
    );
    expect(counts.kept()).toBe(6);

    expect(kept).toBe(routed);
    expect(kept.match(/HTTP\/1\.1 \d+ [A-Za-z ]+(?=\r\n)/g)).toEqual([
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
      'HTTP/1.1 200 OK',
      'HTTP/1.1 304 Not Modified',
      'HTTP/1.1 304 Not Modified',
      'HTTP/1.1 200 OK',
    ]);
    expect(kept).toContain('access-control-allow-origin: *\r\n');
    expect(kept).toContain(`etag: ${etag}\r\n`);
  });

  it('hands on what it cannot answer exactly: another Host, a body, another method', async () => {
    const path = PATHS[0]!;
    await fetch(`${t.origin}${path}`);
    const counts = countAnswers();

    const otherHost = await exchange(port, [`GET ${path} HTTP/1.1\r\nHost: evil.example:${port}\r\n`]);
    expect(otherHost).toMatch(/^HTTP\/1\.1 421 /);
    const localhost = await exchange(port, [`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\n`]);
    expect(localhost).toMatch(/^HTTP\/1\.1 200 /);
    expect(localhost).toContain(`"issuer":"http://127.0.0.1:${port}/oauth2/default"`);
    const withBody = await exchange(port, [`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\n`]);
    expect(withBody).toMatch(/^HTTP\/1\.1 200 /);
    const post = await exchange(port, [`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\n`]);
    expect(post).toMatch(/^HTTP\/1\.1 405 /);
    expect(counts.kept()).toBe(0);
    expect(counts.routed()).toBe(4);

    // The second localhost request is kept: its Host was answered once.
    await exchange(port, [`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\n`]);
    expect(counts.kept()).toBe(1);
  });

  it('answers a configuration change at once', async () => {
    const path = PATHS[0]!;
    const before = await (await fetch(`${t.origin}${path}`)).text();
    expect(await (await fetch(`${t.origin}${path}`)).text()).toBe(before);
    await createScope(t, 'default', 'kept:read', { metadataPublish: 'ALL_CLIENTS' });
    const after = (await (await fetch(`${t.origin}${path}`)).json()) as { scopes_supported: string[] };
    expect(after.scopes_supported).toContain('kept:read');
  });
});

describe('a key set whose AUTO rotation falls due', () => {
  const clock = new MovableClock();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is not answered from the table once the rotation is due: the route rotates and answers the new set', async () => {
    for (const path of ['/oauth2/default/v1/keys', '/oauth2/v1/keys']) {
      const kids = async () =>
        ((await (await fetch(`${t.origin}${path}`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
      const before = await kids();
      expect(await kids()).toEqual(before);
      clock.advance(91 * 24 * 60 * 60);
      const after = await kids();
      // The NEXT key became ACTIVE and a new NEXT was published.
      expect(after).not.toEqual(before);
      expect(after[0]).toBe(before[1]);
    }
  });
});
