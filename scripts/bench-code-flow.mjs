// The authorization-code + PKCE round trip for `npm run bench`: a browser without a session GETs
// /authorize, reads the sign-in form, posts the credentials with the CSRF token and cookie; one with a
// session gets the code at once. Either takes the code from the 302 and exchanges it at /token.
// The requests go through node:http on one kept-alive connection (TCP_NODELAY, as fetch sets it too):
// `fetch` (undici) cost the bench's own process 0.5-1 ms more CPU per flow, which the sequential flows
// counted as the server's latency. `onLoadCore()` moves the bench's process to the load generator's
// core: left unpinned, the client was woken on the server's core and preempted it there (the server's
// involuntary context switches during 200 flows went from 1,000-1,450 to about 600 with the client
// pinned).
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';

const REDIRECT_URI = 'http://127.0.0.1/bench/callback';
const PASSWORD = 'Bench-Passw0rd!';

/** A web app allowed authorization_code, an assigned user, and a rule that allows the grant. */
export async function setUpCodeFlow(api, server, policyId) {
  await api(`/api/v1/authorizationServers/${server.id}/policies/${policyId}/rules`, {
    type: 'RESOURCE_ACCESS',
    name: 'Bench code rule',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['authorization_code'] },
      scopes: { include: ['*'] },
    },
  });
  const app = await api('/api/v1/apps', {
    name: 'oidc_client',
    label: 'Bench web',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic', pkce_required: true } },
    settings: {
      oauthClient: {
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [REDIRECT_URI],
      },
    },
  });
  const user = await api('/api/v1/users?activate=true', {
    profile: { login: 'bench@example.com', email: 'bench@example.com', firstName: 'Bench', lastName: 'User' },
    credentials: { password: { value: PASSWORD } },
  });
  await api(`/api/v1/apps/${app.id}/users`, { id: user.id, scope: 'USER' });
  const { client_id: id, client_secret: secret } = app.credentials.oauthClient;
  return {
    issuer: server.issuer,
    origin: new URL(server.issuer).origin,
    clientId: id,
    authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** Pins this process (all its threads) to `core` with `taskset`, where it exists; true when it did. */
export function onLoadCore(core = 1) {
  const taskset = ['/usr/bin/taskset', '/bin/taskset'].find((path) => existsSync(path));
  return Boolean(taskset) && spawnSync(taskset, ['-a', '-p', '-c', String(core), String(process.pid)]).status === 0;
}

/**
 * One request on the kept-alive connection; resolves with status, headers and body text. A request
 * sent on a connection the server had just closed as idle is sent once more (the server never read it).
 */
function send(url, { method = 'GET', headers = {}, body } = {}, retried = false) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent, noDelay: true }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, text: Buffer.concat(chunks).toString() }),
      );
      response.on('error', reject);
    });
    req.on('error', (error) => {
      const closed = req.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(error.code);
      if (closed && !retried) resolve(send(url, { method, headers, body }, true));
      else reject(error);
    });
    req.end(body);
  });
}

function cookiesOf(response, jar) {
  for (const line of response?.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

function expectStatus(response, status, step) {
  if (response.status !== status) throw new Error(`${step}: ${response.status} ${response.text}`);
  return response;
}

/** Runs `step` and adds its time in ms to `steps[name]` (when `steps` is given). */
async function timed(steps, name, step) {
  const started = process.hrtime.bigint();
  const result = await step();
  if (steps) (steps[name] ??= []).push(Number(process.hrtime.bigint() - started) / 1e6);
  return result;
}

/** The median of each step's times, `name p50 ms` joined. */
export function stepMedians(steps) {
  return Object.entries(steps)
    .map(([name, times]) => `${name} ${times.sort((a, b) => a - b)[Math.floor(times.length / 2)].toFixed(1)}`)
    .join(', ');
}

/**
 * One full flow; throws unless every step answers as a browser and openid-client expect. `jar` is the
 * browser's cookies: a new one signs in, one kept from an earlier flow reuses that session. `steps`
 * collects each request's time (authorize, sign-in, token).
 */
export async function codeFlow(target, jar = new Map(), steps = undefined) {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(8).toString('hex');
  const query = new URLSearchParams({
    client_id: target.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const page = await timed(steps, 'authorize', () =>
    send(`${target.issuer}/v1/authorize?${query}`, { headers: jar.size ? { cookie: cookiesOf(undefined, jar) } : {} }),
  );
  const answer = page.status === 302 ? page : await signIn(target, jar, expectStatus(page, 200, 'authorize'), steps);
  const callback = new URL(answer.headers['location']);
  if (callback.searchParams.get('state') !== state) throw new Error(`sign-in: no state in ${callback}`);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code'),
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
  }).toString();
  const token = await timed(steps, 'token', () =>
    send(`${target.issuer}/v1/token`, {
      method: 'POST',
      headers: { authorization: target.authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
  expectStatus(token, 200, 'token');
}

/** Reads the sign-in form, posts the credentials with its CSRF token and cookie; answers the 302. */
async function signIn(target, jar, page, steps) {
  const cookie = cookiesOf(page, jar);
  const html = page.text;
  const action = /<form method="post" action="([^"]+)"/.exec(html)[1].replace(/&amp;/g, '&');
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const body = new URLSearchParams({ ...fields, username: 'bench@example.com', password: PASSWORD }).toString();
  const response = await timed(steps, 'sign-in', () =>
    send(`${target.origin}${action}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    }),
  );
  expectStatus(response, 302, 'sign-in');
  cookiesOf(response, jar);
  return response;
}
