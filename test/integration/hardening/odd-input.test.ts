/**
 * No 5xx from input: odd paths and request lines answer 4xx in the format of their surface, a body
 * over the limit on an OAuth endpoint gets an OAuth error, the Host check answers for the address
 * the server listens on, and dangerous redirect URI schemes are refused when an app is saved.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';

let t: TestApp;
let uiRoot: string;
const errors: string[] = [];

beforeAll(async () => {
  uiRoot = mkdtempSync(join(tmpdir(), 'authbox-ui-'));
  writeFileSync(join(uiRoot, 'index.html'), '<!doctype html><title>Authbox</title>');
  t = await startTestApp({ uiRoot, logError: (line) => errors.push(line) });
});

afterAll(async () => {
  await t?.close();
  rmSync(uiRoot, { recursive: true, force: true });
});

/** Sends one raw request line (paths a URL parser would normalise) and returns the status and body. */
function rawRequest(target: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const { port } = t.app;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.slice(data.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}

describe('odd paths and request lines', () => {
  it.each([
    ['//etc/passwd', 404],
    ['/%00', 404],
    ['/%2e%2e/%2e%2e/etc/passwd', 404],
    ['/..%2f..%2fetc%2fpasswd', 404],
    ['/\\..\\windows', 404],
    ['http://127.0.0.1/', 404],
    ['http://evil.example/x', 404],
    ['/%', 400],
    ['/a%ZZ', 400],
  ])('answers %s with %i and a JSON body, never a 500', async (target, status) => {
    const answer = await rawRequest(target);
    expect(answer.status).toBe(status);
    expect(() => JSON.parse(answer.body)).not.toThrow();
    expect(answer.body).not.toMatch(/\bat .*\.js:\d+/);
  });

  it.each(['/api/v1//users', '/api/v1/users%00', '/api/v1/%2e%2e/users'])(
    'answers the management API path %s with Okta error JSON',
    async (target) => {
      const answer = await rawRequest(target);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(JSON.parse(answer.body)).toMatchObject({ errorCode: expect.stringMatching(/^E0000\d{3}$/) });
    },
  );

  it.each(['/oauth2/default/v1/keys%00', '/oauth2/%00/v1/token', '/oauth2/default/v1/%', '/oauth2//v1/keys'])(
    'answers the protocol path %s with a 4xx in JSON',
    async (target) => {
      const answer = await rawRequest(target);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect(() => JSON.parse(answer.body)).not.toThrow();
    },
  );

  it('logged no unexpected error for any of them', () => {
    expect(errors).toEqual([]);
  });
});

describe('oversized bodies', () => {
  const big = `grant_type=client_credentials&pad=${'x'.repeat(1024 * 1024 + 10)}`;

  it.each(['token', 'introspect', 'revoke', 'device/authorize'])(
    'answers 413 with an OAuth error on /oauth2/default/v1/%s',
    async (endpoint) => {
      const response = await fetch(`${t.origin}/oauth2/default/v1/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: big,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: 'invalid_request',
        error_description: 'The request body is too large.',
      });
    },
  );
});

describe('redirect URI schemes', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'VBScript:msgbox'])(
    'refuses %s when an app is saved',
    async (uri) => {
      const response = await t.api('/api/v1/apps', {
        method: 'POST',
        body: JSON.stringify({
          name: 'oidc_client',
          label: 'Scheme test',
          signOnMode: 'OPENID_CONNECT',
          settings: {
            oauthClient: {
              application_type: 'web',
              grant_types: ['authorization_code'],
              response_types: ['code'],
              redirect_uris: [uri],
            },
          },
        }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errorCode: string; errorCauses: { errorSummary: string }[] };
      expect(body.errorCode).toBe('E0000001');
      expect(body.errorCauses.map((cause) => cause.errorSummary).join('\n')).toContain(
        `must not use the ${uri.slice(0, uri.indexOf(':')).toLowerCase()}: scheme`,
      );
    },
  );
});

describe('the Host check', () => {
  it('answers for the loopback address the server listens on, such as 127.0.0.2', async () => {
    const other = await startTestApp({ host: '127.0.0.2' });
    try {
      expect(other.origin).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect((await fetch(`${other.origin}/oauth2/default/v1/keys`)).status).toBe(200);
      expect((await fetch(`${other.origin}/`)).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
