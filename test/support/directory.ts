/**
 * Users, groups, apps and scopes made through the real management API, for tests that need them
 * around what they test; and row counts read from the test database, to show a refused request
 * changed nothing.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestApp } from './app.js';

export const EVERYONE = '00gEVERYONE000000000';
export const TEST_PASSWORD = 'Sandbox-Passw0rd!';

async function expectStatus<T>(response: Response, status: number, what: string): Promise<T> {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (status === 204 ? undefined : await response.json()) as T;
}

/** An ACTIVE user with the password TEST_PASSWORD; returns its id. */
export async function createUser(t: TestApp, login: string): Promise<string> {
  const profile = { login, email: login, firstName: login.split('@')[0], lastName: 'Test' };
  const body = JSON.stringify({ profile, credentials: { password: { value: TEST_PASSWORD } } });
  return (
    await expectStatus<{ id: string }>(
      await t.api('/api/v1/users?activate=true', { method: 'POST', body }),
      200,
      `creating ${login}`,
    )
  ).id;
}

export async function createGroup(t: TestApp, name: string): Promise<string> {
  const body = JSON.stringify({ profile: { name, description: `${name} group` } });
  return (
    await expectStatus<{ id: string }>(
      await t.api('/api/v1/groups', { method: 'POST', body }),
      200,
      `creating group ${name}`,
    )
  ).id;
}

export async function addMember(t: TestApp, groupId: string, userId: string): Promise<void> {
  await expectStatus(
    await t.api(`/api/v1/groups/${groupId}/users/${userId}`, { method: 'PUT' }),
    204,
    `adding ${userId} to ${groupId}`,
  );
}

/** An OIDC service app (client_credentials, client_secret_basic); returns its client_id. */
export async function createServiceApp(t: TestApp, label: string): Promise<string> {
  const body = JSON.stringify({
    name: 'oidc_client',
    label,
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic' } },
    settings: {
      oauthClient: { application_type: 'service', grant_types: ['client_credentials'], response_types: ['token'] },
    },
  });
  const app = await expectStatus<{ credentials: { oauthClient: { client_id: string } } }>(
    await t.api('/api/v1/apps', { method: 'POST', body }),
    200,
    `creating app ${label}`,
  );
  return app.credentials.oauthClient.client_id;
}

/** A custom scope of the server. */
export async function createScope(t: TestApp, serverId: string, name: string): Promise<void> {
  const body = JSON.stringify({ name });
  await expectStatus(
    await t.api(`/api/v1/authorizationServers/${serverId}/scopes`, { method: 'POST', body }),
    201,
    `creating scope ${name}`,
  );
}

/** Row counts of `tables`, read straight from the test database. */
export function tableCounts(t: TestApp, tables: string[]): Record<string, number> {
  const db = new Database(join(t.dataDir, 'authbox.db'), { readonly: true });
  try {
    return Object.fromEntries(
      tables.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n]),
    );
  } finally {
    db.close();
  }
}
