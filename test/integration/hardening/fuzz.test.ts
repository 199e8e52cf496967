/**
 * A seeded fuzz run over every route: the management and sandbox API paths of the route map, the
 * protocol endpoints and the static UI, with random methods, path parameters and junk segments,
 * headers (admin token or not, content types) and bodies (JSON, forms, garbage). No answer may be a
 * 5xx, and every error body must be well-formed in its surface's format. The seed is fixed so CI
 * runs the same requests each time; `FC_SEED=<n>` runs others.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGEMENT_PREFIX, SANDBOX_PREFIX, routes } from '../../../src-main/contracts/routes.js';
import { ADMIN_TOKEN, startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { propertySeed } from '../../support/property.js';

export const FUZZ_REQUESTS = 3000;
const SEED = propertySeed(process.env['FC_SEED'] ?? '20261204');
const CONCURRENCY = 8;

let t: TestApp;
let uiRoot: string;
const unexpected: string[] = [];

beforeAll(async () => {
  uiRoot = mkdtempSync(join(tmpdir(), 'authbox-ui-'));
  writeFileSync(join(uiRoot, 'index.html'), '<!doctype html><title>Authbox</title>');
  t = await startTestApp({ uiRoot, logError: (line) => unexpected.push(line) });
});

afterAll(async () => {
  await t?.close();
  rmSync(uiRoot, { recursive: true, force: true });
});

// The event stream answers for as long as the client listens: it is fuzzed by its own tests.
const API_PATHS = Object.values(routes)
  .map((route) => route.path)
  .filter((path) => !path.endsWith('/stream'));
const PROTOCOL_PATHS = [
  'v1/authorize',
  'v1/authorize/sign-in',
  'v1/token',
  'v1/introspect',
  'v1/revoke',
  'v1/userinfo',
  'v1/keys',
  'v1/logout',
  'v1/device/authorize',
  'v1/device',
  '.well-known/openid-configuration',
  '.well-known/oauth-authorization-server',
].map((path) => `/oauth2/:serverId/${path}`);
const OTHER_PATHS = [
  '/',
  '/index.html',
  '/assets/x.js',
  '//etc/passwd',
  '/%00',
  '/..%2f..%2fetc',
  `${MANAGEMENT_PREFIX}/`,
  `${SANDBOX_PREFIX}/nope`,
];

const junk = fc.oneof(
  fc.constantFrom(
    'default',
    'nope',
    '%00',
    '..',
    '%2e%2e',
    '%',
    '%ZZ',
    '',
    'a'.repeat(300),
    '😀',
    '%F0%9F',
    "'",
    '<x>',
  ),
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
);

const pathArb = fc
  .tuple(
    fc.constantFrom(...API_PATHS, ...PROTOCOL_PATHS, ...OTHER_PATHS),
    fc.array(junk, { maxLength: 2 }),
    junk,
    fc.boolean(),
  )
  .map(([template, extra, param, appendExtra]) => {
    const filled = template.replace(/:[A-Za-z]+/g, () => param);
    return appendExtra && extra.length ? `${filled}/${extra.join('/')}` : filled;
  });

const queryArb = fc.option(
  fc.dictionary(
    fc.constantFrom(
      'client_id',
      'limit',
      'after',
      'q',
      'filter',
      'search',
      'state',
      'response_type',
      'scope',
      'redirect_uri',
      'x',
    ),
    junk,
    { maxKeys: 4 },
  ),
  { nil: undefined },
);

const bodyArb = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  fc
    .dictionary(
      fc.constantFrom('grant_type', 'client_id', 'code', 'token', 'username', 'password', 'name', 'profile', 'scope'),
      fc.string({ maxLength: 20 }),
      { maxKeys: 4 },
    )
    .map((form) => new URLSearchParams(form).toString()),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
  path: pathArb,
  query: queryArb,
  auth: fc.constantFrom(`SSWS ${ADMIN_TOKEN}`, undefined, 'SSWS wrong', 'Bearer x.y.z', 'Basic Og=='),
  contentType: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', undefined),
  origin: fc.constantFrom(undefined, 'http://localhost:8080', 'null'),
  body: bodyArb,
});

type FuzzRequest = fc.Arbitrary<unknown> extends never ? never : ReturnType<(typeof requestArb)['generate']>['value'];

/** The problem with one answer, or undefined when it is fine. */
async function problemWith(request: FuzzRequest): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  if (request.auth) headers['authorization'] = request.auth;
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.origin) headers['origin'] = request.origin;
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  const hasBody = request.body !== undefined && !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
  const body = hasBody ? (typeof request.body === 'string' ? request.body : JSON.stringify(request.body)) : undefined;
  const label = `${request.method} ${request.path}${query}`;
  let response: Response;
  try {
    response = await fetch(`${t.origin}${request.path}${query}`, {
      method: request.method,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
      ...(body !== undefined ? { body } : {}),
    });
  } catch (error) {
    // A path that fetch itself refuses to send (it is not a URL) tests nothing on the server.
    if (error instanceof TypeError && /URL|url/.test(error.message)) return undefined;
    return `${label}: ${(error as Error).message}`;
  }
  const text = await response.text();
  if (response.status >= 500) return `${label}: ${response.status} ${text.slice(0, 200)}`;
  const type = response.headers.get('content-type') ?? '';
  if (response.status >= 400 && request.method !== 'HEAD' && type.includes('json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return `${label}: ${response.status} with a body that is not JSON: ${text.slice(0, 100)}`;
    }
    const fields = parsed as Record<string, unknown>;
    const okta = typeof fields['errorCode'] === 'string' && typeof fields['errorSummary'] === 'string';
    const oauth = typeof fields['error'] === 'string';
    if (!okta && !oauth)
      return `${label}: ${response.status} with an error body of no known shape: ${text.slice(0, 100)}`;
  }
  if (/\n\s+at .+:\d+:\d+/.test(text)) return `${label}: a stack trace in the body`;
  return undefined;
}

describe('fuzzing every route', () => {
  it(`answers ${FUZZ_REQUESTS} random requests without a 5xx and with well-formed error bodies`, async () => {
    const requests = fc.sample(requestArb, { seed: SEED, numRuns: FUZZ_REQUESTS });
    const problems: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const problem = await problemWith(requests[next++]!);
        if (problem) problems.push(problem);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(problems.slice(0, 20), `seed ${SEED}; replay with FC_SEED=${SEED}`).toEqual([]);
    expect(unexpected.slice(0, 5)).toEqual([]);
  }, 120_000);
});
