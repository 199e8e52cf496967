/**
 * docs/cors.md against the running server: every row of its table is one protocol endpoint of
 * `PROTOCOL_CORS`, and every cell (the preflight and the answer, from a trusted origin and from another
 * one) is what the server sends. Changing the server's CORS without the page, or the page without the
 * server, fails here.
 */
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpContext } from '../../../src-main/http/context.js';
import { PROTOCOL_CORS, registerProtocolCors } from '../../../src-main/http/oauth/cors.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { FORM, PASSWORD, assignUser, basic, createPasswordClient, createUser, postToken } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

const DOC = readFileSync(new URL('../../../docs/cors.md', import.meta.url), 'utf8');
const TRUSTED = 'http://localhost:5173';
const OTHER = 'https://evil.example';

/** What a cell says `Access-Control-Allow-Origin` is: `*`, the request's origin, or absent. */
type AllowOrigin = '*' | 'the origin' | 'none';

interface DocRow {
  url: string;
  methods: string[];
  preflight: { trusted: AllowOrigin; other: AllowOrigin };
  answer: { trusted: AllowOrigin; other: AllowOrigin };
}

function allowOrigin(cell: string): AllowOrigin {
  const value = cell.replace(/^204, /, '').replaceAll('`', '');
  if (value !== '*' && value !== 'the origin' && value !== 'none')
    throw new Error(`docs/cors.md: unknown cell "${cell}"`);
  return value;
}

function docRows(): DocRow[] {
  return DOC.split('\n')
    .filter((line) => line.startsWith('| `/oauth2/') || line.startsWith('| `/.well-known/'))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      expect(cells, line).toHaveLength(6);
      const [endpoint, methods, preflightTrusted, preflightOther, answerTrusted, answerOther] = cells as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      for (const cell of [preflightTrusted, preflightOther]) expect(cell, line).toMatch(/^204, /);
      return {
        url: endpoint.replaceAll('`', '').replace('{serverId}', ':serverId'),
        methods: methods.split(', '),
        preflight: { trusted: allowOrigin(preflightTrusted), other: allowOrigin(preflightOther) },
        answer: { trusted: allowOrigin(answerTrusted), other: allowOrigin(answerOther) },
      };
    });
}

const ROWS = docRows();
const ALLOWED_HEADERS = /^Allowed request headers: `([^`]+)`$/m.exec(DOC)?.[1];

function expectAllowOrigin(response: Response, expected: AllowOrigin, origin: string): void {
  const header = response.headers.get('access-control-allow-origin');
  expect(header).toBe(expected === 'none' ? null : expected === '*' ? '*' : origin);
}

let t: TestApp;
let client: TestClient;
let accessToken: string;
let orgAccessToken: string;

beforeAll(async () => {
  t = await startTestApp();
  client = await createPasswordClient(t);
  await assignUser(t, client.id, await createUser(t, 'cora@example.com'));
  const tokens = await postToken(
    t,
    { grant_type: 'password', username: 'cora@example.com', password: PASSWORD, scope: 'openid' },
    { authorization: basic(client.clientId, client.clientSecret!) },
  );
  accessToken = ((await tokens.json()) as { access_token: string }).access_token;
  const orgTokens = await fetch(`${t.origin}/oauth2/v1/token`, {
    method: 'POST',
    headers: { ...FORM, authorization: basic(client.clientId, client.clientSecret!) },
    body: new URLSearchParams({
      grant_type: 'password',
      username: 'cora@example.com',
      password: PASSWORD,
      scope: 'openid',
    }),
  });
  orgAccessToken = ((await orgTokens.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await t?.close();
});

/**
 * One real request per endpoint, from `origin`, made as that endpoint's callers make it; the client
 * endpoints are called by the test client (whose redirect URI origin is TRUSTED) or with its token,
 * on `default` or on the org server (`/oauth2/v1/…`).
 */
function call(url: string, method: string, origin: string): Promise<Response> {
  const path = url.replace(':serverId', 'default');
  const clientAuth = { ...FORM, origin, authorization: basic(client.clientId, client.clientSecret!) };
  const form = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const org = !path.startsWith('/oauth2/default/');
  switch (path.replace(/^\/oauth2\/(default\/)?/, '')) {
    case 'v1/token':
      return fetch(`${t.origin}${path}`, {
        method: 'POST',
        headers: clientAuth,
        body: form({ grant_type: 'password', username: 'cora@example.com', password: PASSWORD, scope: 'openid' }),
      });
    case 'v1/introspect':
    case 'v1/revoke':
      return fetch(`${t.origin}${path}`, { method: 'POST', headers: clientAuth, body: form({ token: 'not-a-token' }) });
    case 'v1/device/authorize':
      return fetch(`${t.origin}${path}`, { method: 'POST', headers: clientAuth, body: form({ scope: 'openid' }) });
    case 'v1/userinfo':
      return fetch(`${t.origin}${path}`, {
        method,
        headers: { origin, authorization: `Bearer ${org ? orgAccessToken : accessToken}` },
      });
    default:
      return fetch(`${t.origin}${path}`, {
        method,
        headers: { ...FORM, origin },
        ...(method === 'POST' ? { body: '' } : {}),
      });
  }
}

describe('docs/cors.md', () => {
  it('lists every protocol endpoint of the CORS table, with its methods, once', () => {
    expect(ROWS.map(({ url, methods }) => ({ url, methods }))).toEqual(
      PROTOCOL_CORS.map(({ url, methods }) => ({ url, methods: [...methods] })),
    );
    expect(ALLOWED_HEADERS).toBeDefined();
  });

  describe.each(ROWS)('$url', (row) => {
    it.each([
      ['trusted', TRUSTED],
      ['other', OTHER],
    ] as const)('answers the preflight from a %s origin as the page says', async (which, origin) => {
      const response = await fetch(`${t.origin}${row.url.replace(':serverId', 'default')}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': row.methods.at(-1)!,
          'access-control-request-headers': 'content-type,x-okta-user-agent-extended',
        },
      });
      expect(response.status).toBe(204);
      expect(await response.text()).toBe('');
      expectAllowOrigin(response, row.preflight[which], origin);
      if (row.preflight[which] === 'none') {
        expect(response.headers.get('access-control-allow-methods')).toBeNull();
      } else {
        expect(response.headers.get('access-control-allow-methods')).toBe([...row.methods, 'OPTIONS'].join(', '));
        expect(response.headers.get('access-control-allow-headers')).toBe(ALLOWED_HEADERS);
        expect(response.headers.get('access-control-max-age')).toBe('600');
      }
      if (row.preflight[which] === 'the origin') expect(response.headers.get('vary')).toContain('Origin');
    });

    it.each([
      ['trusted', TRUSTED],
      ['other', OTHER],
    ] as const)('answers a call from a %s origin as the page says', async (which, origin) => {
      for (const method of row.methods) {
        const response = await call(row.url, method, origin);
        expect(response.status, `${method} ${row.url}`).toBeLessThan(500);
        expectAllowOrigin(response, row.answer[which], origin);
        if (row.answer.trusted === 'the origin') expect(response.headers.get('vary')).toContain('Origin');
      }
    });
  });

  it('refuses to start with a protocol route that has no row in the table', () => {
    const app = Fastify();
    registerProtocolCors(app, {} as HttpContext);
    expect(() => app.get('/oauth2/:serverId/v1/par', async () => ({}))).toThrow(
      '/oauth2/:serverId/v1/par has no CORS policy',
    );
    expect(() => app.get('/healthz', async () => ({}))).not.toThrow();
  });

  it('keeps * on the 404 of an unknown server, so a browser can read it', async () => {
    const response = await fetch(`${t.origin}/oauth2/nope/v1/keys`, { headers: { origin: OTHER } });
    expect(response.status).toBe(404);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
