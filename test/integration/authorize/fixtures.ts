/**
 * What the authorize tests share: apps that use /authorize (a confidential web app, a public
 * browser app), a cookie jar that plays the browser with plain fetch (`redirect: 'manual'`), and
 * the sign-in form walked the way a person would: GET authorize → the form → POST the credentials
 * with the CSRF token and the cookie → the redirect to the app.
 */
import { expect } from 'vitest';
import type { TestApp } from '../../support/app.js';
import { PASSWORD, assignUser, createClient, createUser } from '../token/fixtures.js';
import type { TestClient } from '../token/fixtures.js';

export const REDIRECT_URI = 'https://app.example.com/callback';
export const OTHER_REDIRECT_URI = 'https://app.example.com/other';

/** A web app (client_secret_basic) allowed the code, implicit and refresh grants and every response type. */
export function createWebClient(
  t: TestApp,
  credentials: Record<string, unknown> = {},
  settings: Record<string, unknown> = {},
): Promise<TestClient> {
  return createClient(t, {
    label: 'Web app',
    credentials: { token_endpoint_auth_method: 'client_secret_basic', pkce_required: false, ...credentials },
    settings: {
      application_type: 'web',
      grant_types: ['authorization_code', 'implicit', 'refresh_token'],
      response_types: ['code', 'token', 'id_token'],
      redirect_uris: [REDIRECT_URI, OTHER_REDIRECT_URI],
      ...settings,
    },
  });
}

/** A public browser app (token_endpoint_auth_method none, so PKCE is required). */
export function createBrowserClient(t: TestApp, settings: Record<string, unknown> = {}): Promise<TestClient> {
  return createClient(t, {
    label: 'SPA',
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    settings: {
      application_type: 'browser',
      grant_types: ['authorization_code', 'implicit'],
      response_types: ['code', 'token', 'id_token'],
      redirect_uris: [REDIRECT_URI],
      ...settings,
    },
  });
}

/** A new ACTIVE user (password PASSWORD) assigned to the app. */
export async function assignedUser(
  t: TestApp,
  client: TestClient,
  login: string,
  profile: Record<string, unknown> = {},
): Promise<string> {
  const id = await createUser(t, login, profile);
  await assignUser(t, client.id, id);
  return id;
}

/** A browser: keeps the cookies it is sent (by name; every test talks to one origin) and never follows redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];

  async get(url: string): Promise<Response> {
    return this.keep(await fetch(url, { redirect: 'manual', headers: this.headers() }));
  }

  async post(url: string, form: Record<string, string>): Promise<Response> {
    const headers = { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' };
    return this.keep(
      await fetch(url, { method: 'POST', redirect: 'manual', headers, body: new URLSearchParams(form).toString() }),
    );
  }

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return cookie ? { cookie } : {};
  }

  private keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

/** The hidden fields and action of a sign-in or consent page. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form in the page: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1]!] = match[2]!;
  return { action: action.replace(/&amp;/g, '&'), fields };
}

/** GET authorize, expect the sign-in form, post the credentials; returns the answer to the post. */
export async function signInThrough(
  t: TestApp,
  browser: Browser,
  authorizeUrl: string,
  username: string,
  password = PASSWORD,
): Promise<Response> {
  const page = await browser.get(authorizeUrl);
  expect(page.status, 'the sign-in page').toBe(200);
  const { action, fields } = formOf(await page.text());
  return browser.post(`${t.origin}${action}`, { ...fields, username, password });
}

/**
 * A code for `client` (a web app redirecting to REDIRECT_URI) with `openid offline_access`, after
 * `login` signs in through a new browser.
 */
export async function codeAfterSignIn(t: TestApp, client: TestClient, login: string, state: string): Promise<string> {
  const url = authorizeUrl(t, {
    client_id: client.clientId,
    response_type: 'code',
    scope: 'openid offline_access',
    redirect_uri: REDIRECT_URI,
    state,
  });
  return redirectParams(await signInThrough(t, new Browser(), url, login))['code']!;
}

/** Posts Allow or Deny on a consent page. */
export async function answerConsent(
  t: TestApp,
  browser: Browser,
  page: Response,
  decision: 'allow' | 'deny',
): Promise<Response> {
  expect(page.status, 'the consent page').toBe(200);
  const { action, fields } = formOf(await page.text());
  return browser.post(`${t.origin}${action}`, { ...fields, decision });
}

/** The parameters of a redirect: its query for `query` mode, its fragment for `fragment`. */
export function redirectParams(response: Response, part: 'query' | 'fragment' = 'query'): Record<string, string> {
  expect(response.status, 'a redirect').toBe(302);
  const location = new URL(response.headers.get('location')!);
  const raw = part === 'query' ? location.search.slice(1) : location.hash.slice(1);
  return Object.fromEntries(new URLSearchParams(raw));
}

/** An authorize URL of the default server (or `serverId`). */
export function authorizeUrl(t: TestApp, params: Record<string, string>, serverId = 'default'): string {
  return `${t.origin}/oauth2/${serverId}/v1/authorize?${new URLSearchParams(params).toString()}`;
}
