/**
 * What the device flow tests share: a native public app registered for the device_code grant, the
 * device authorization request and token polls as plain form posts, and the verification page
 * walked as a person would (sign in, type the code, allow or deny) with the authorize tests' Browser.
 */
import { expect } from 'vitest';
import type { TestApp } from '../../support/app.js';
import { Browser, formOf } from '../authorize/fixtures.js';
import { FORM, PASSWORD, createClient } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DeviceAuthorization {
  device_code: string;
  user_code: string;
  verification_uri: string;
  verification_uri_complete: string;
  expires_in: number;
  interval: number;
}

/** A native public app (no secret) allowed authorization_code, refresh_token and device_code. */
export function createDeviceClient(
  t: TestApp,
  grants: string[] = ['authorization_code', 'refresh_token', DEVICE_GRANT],
  redirectUris = ['com.example.tv:/callback'],
): Promise<TestClient> {
  return createClient(t, {
    label: 'TV app',
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    settings: {
      application_type: 'native',
      grant_types: grants,
      response_types: ['code'],
      redirect_uris: redirectUris,
    },
  });
}

export function deviceAuthorize(t: TestApp, params: Record<string, string>, serverId = 'default'): Promise<Response> {
  return fetch(`${t.origin}/oauth2/${serverId}/v1/device/authorize`, {
    method: 'POST',
    headers: FORM,
    body: new URLSearchParams(params).toString(),
  });
}

export async function startDevice(
  t: TestApp,
  client: TestClient,
  scope = 'openid profile offline_access',
): Promise<DeviceAuthorization> {
  const response = await deviceAuthorize(t, { client_id: client.clientId, scope });
  expect(response.status).toBe(200);
  return (await response.json()) as DeviceAuthorization;
}

export function poll(t: TestApp, client: TestClient, deviceCode: string): Promise<Response> {
  return fetch(`${t.origin}/oauth2/default/v1/token`, {
    method: 'POST',
    headers: FORM,
    body: new URLSearchParams({
      grant_type: DEVICE_GRANT,
      device_code: deviceCode,
      client_id: client.clientId,
    }).toString(),
  });
}

/** The Code input's value on the code page. */
export const typedCode = (html: string) =>
  /<input id="user_code" name="user_code"[^>]* value="([^"]*)">/.exec(html)?.[1];

/** Opens the verification URI, signs in, submits `code` and returns the approve page (or the refusal). */
export async function enterCode(
  t: TestApp,
  browser: Browser,
  url: string,
  code: string | undefined,
  login: string,
): Promise<Response> {
  const first = await browser.get(url);
  expect(first.status).toBe(200);
  let html = await first.text();
  if (html.includes('name="password"')) {
    const signIn = formOf(html);
    const codePage = await browser.post(`${t.origin}${signIn.action}`, {
      ...signIn.fields,
      username: login,
      password: PASSWORD,
    });
    expect(codePage.status).toBe(200);
    html = await codePage.text();
  }
  const form = formOf(html);
  return browser.post(`${t.origin}${form.action}`, { ...form.fields, user_code: code ?? typedCode(html) ?? '' });
}

/** Answers the approve page. */
export async function decide(
  t: TestApp,
  browser: Browser,
  approvePage: Response,
  decision: 'allow' | 'deny',
): Promise<Response> {
  expect(approvePage.status).toBe(200);
  const form = formOf(await approvePage.text());
  return browser.post(`${t.origin}${form.action}`, { ...form.fields, decision });
}

export { Browser };
