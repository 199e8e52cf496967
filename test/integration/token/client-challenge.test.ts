/**
 * Every client endpoint answers a failed `Basic` client authentication the same way (RFC 6749 §5.2,
 * RFC 7617 §2): 401 `invalid_client` with `WWW-Authenticate: Basic realm="<issuer>"`, the realm
 * being the issuer of the authorization server the request went to, never another name; no-store,
 * and one event with the private reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OKTA_TEXT } from '../../../src-main/core/protocol/oauth-errors.js';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { FORM, basic, createClient, createPolicyAndRule, createServer, oneEvent } from './fixtures.js';
import type { TestClient } from './fixtures.js';

const CLIENT_ENDPOINTS = [
  ['token', { grant_type: 'client_credentials', scope: 'openid' }],
  ['introspect', { token: 'any-token-value' }],
  ['revoke', { token: 'any-token-value' }],
  ['device/authorize', { scope: 'openid' }],
] as const;

let t: TestApp;
let client: TestClient;
let otherServerId: string;

beforeAll(async () => {
  t = await startTestApp();
  client = await createClient(t, { label: 'Challenge app' });
  otherServerId = await createServer(t, 'challenge');
  await createPolicyAndRule(t, otherServerId, ['client_credentials']);
});

afterAll(async () => {
  await t?.close();
});

function post(
  serverId: string,
  endpoint: string,
  params: Record<string, string>,
  authorization: string,
): Promise<Response> {
  return fetch(`${t.origin}/oauth2/${serverId}/v1/${endpoint}`, {
    method: 'POST',
    headers: { ...FORM, authorization },
    body: new URLSearchParams(params).toString(),
  });
}

describe('a wrong client secret in the Basic header', () => {
  for (const serverId of ['default', 'other']) {
    it.each(CLIENT_ENDPOINTS)(
      `at %s of the ${serverId} server is challenged with Basic realm="<issuer>"`,
      async (endpoint, params) => {
        const id = serverId === 'default' ? 'default' : otherServerId;
        const { result: response, event } = await oneEvent(t, () =>
          post(id, endpoint, params, basic(client.clientId, 'wrong-secret-value')),
        );
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toBe(`Basic realm="${t.origin}/oauth2/${id}"`);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('pragma')).toBe('no-cache');
        expect(await response.json()).toEqual({
          error: 'invalid_client',
          error_description: OKTA_TEXT.clientAuthFailed,
        });
        expect(event).toMatchObject({
          endpoint,
          server_id: id,
          client_id: client.clientId,
          outcome: 'failure',
          error: 'invalid_client',
        });
        expect(event.detail).toBeTruthy();
      },
    );
  }
});
