/**
 * A new data folder's `default` server gets its signing keys from the first request that needs them
 * (its JWKS, a token, the management API's key list), not from the start: the start answers discovery
 * without waiting for two RSA key generations. Concurrent first requests share one generation.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { basic, createClient, createScope, decodeJwt, postToken } from '../token/fixtures.js';

let t: TestApp;
const storedKeys = () =>
  t.app.database.prepare("SELECT kid, status FROM signing_keys WHERE server_id = 'default' ORDER BY status").all();

beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.close());

describe("the default server's first keys", () => {
  it('are not made by the start; discovery is answered without them', async () => {
    expect(storedKeys()).toEqual([]);
    const discovery = await fetch(`${t.origin}/oauth2/default/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(((await discovery.json()) as { jwks_uri: string }).jwks_uri).toBe(`${t.origin}/oauth2/default/v1/keys`);
    expect(storedKeys()).toEqual([]);
  });

  it('are made once by concurrent first requests, which all see the same ACTIVE and NEXT key', async () => {
    const answers = await Promise.all([
      fetch(`${t.origin}/oauth2/default/v1/keys`).then((r) => r.json() as Promise<{ keys: { kid: string }[] }>),
      fetch(`${t.origin}/oauth2/default/v1/keys`).then((r) => r.json() as Promise<{ keys: { kid: string }[] }>),
      t
        .api('/api/v1/authorizationServers/default/credentials/keys')
        .then((r) => r.json() as Promise<{ kid: string; status: string }[]>),
    ]);
    const stored = storedKeys() as { kid: string; status: string }[];
    expect(stored.map((k) => k.status)).toEqual(['ACTIVE', 'NEXT']);
    const kids = stored.map((k) => k.kid).sort();
    expect(answers[0]!.keys.map((k) => k.kid).sort()).toEqual(kids);
    expect(answers[1]!.keys.map((k) => k.kid).sort()).toEqual(kids);
    expect(answers[2]!.map((k) => k.kid).sort()).toEqual(kids);

    await t.restart();
    expect(storedKeys()).toEqual(stored);
  });

  it('are made by a first token request, which is signed with the ACTIVE one', async () => {
    await createScope(t, 'default', 'orders:read');
    const client = await createClient(t, { label: 'Orders service' });
    expect(storedKeys()).toEqual([]);
    const token = await postToken(
      t,
      { grant_type: 'client_credentials', scope: 'orders:read' },
      { authorization: basic(client.clientId, client.clientSecret!) },
    );
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const stored = storedKeys() as { kid: string; status: string }[];
    expect(stored.map((k) => k.status)).toEqual(['ACTIVE', 'NEXT']);
    expect(decodeJwt(access_token).header['kid']).toBe(stored[0]!.kid);
  });
});
