// The authorization-code + PKCE round trip for `npm run bench`: a browser without a session GETs
// /authorize, reads the sign-in form, posts the credentials with the CSRF token and cookie; one with a
// session gets the code at once. Either takes the code from the 302 and exchanges it at /token.
import { createHash, randomBytes } from 'node:crypto';

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

function cookiesOf(response, jar) {
  for (const line of response?.headers.getSetCookie() ?? []) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return [...jar]
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
}

async function expectStatus(response, status, step) {
  if (response.status !== status) throw new Error(`${step}: ${response.status} ${await response.text()}`);
  return response;
}

/**
 * One full flow; throws unless every step answers as a browser and openid-client expect. `jar` is the
 * browser's cookies: a new one signs in, one kept from an earlier flow reuses that session.
 */
export async function codeFlow(target, jar = new Map()) {
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
  const page = await fetch(`${target.issuer}/v1/authorize?${query}`, {
    redirect: 'manual',
    headers: jar.size ? { cookie: cookiesOf(undefined, jar) } : {},
  });
  const answer = page.status === 302 ? page : await signIn(target, jar, await expectStatus(page, 200, 'authorize'));
  await answer.arrayBuffer();
  const callback = new URL(answer.headers.get('location'));
  if (callback.searchParams.get('state') !== state) throw new Error(`sign-in: no state in ${callback}`);
  const token = await fetch(`${target.issuer}/v1/token`, {
    method: 'POST',
    headers: { authorization: target.authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code'),
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }).toString(),
  });
  await expectStatus(token, 200, 'token');
  await token.text();
}

/** Reads the sign-in form, posts the credentials with its CSRF token and cookie; answers the 302. */
async function signIn(target, jar, page) {
  const cookie = cookiesOf(page, jar);
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)[1].replace(/&amp;/g, '&');
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2]]),
  );
  const response = await fetch(`${target.origin}${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, username: 'bench@example.com', password: PASSWORD }).toString(),
  });
  await expectStatus(response, 302, 'sign-in');
  cookiesOf(response, jar);
  return response;
}
