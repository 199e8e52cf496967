/**
 * What the policy and rule tests need around them: the SDK client, apps, users, groups and scopes
 * made through the management API, and row counts of the policy tables (read from the database).
 */
import type { Client } from '@okta/okta-sdk-nodejs';
import type { AuthorizationServerPolicy, AuthorizationServerPolicyRuleRequest } from '@okta/okta-sdk-nodejs';
import type { TestApp } from '../../support/app.js';
import { createServiceApp, tableCounts } from '../../support/directory.js';
import { oktaClient } from '../../support/okta.js';
export { collect } from '../../support/okta.js';

export const sdk = (t: TestApp) => oktaClient(t.origin);

export const policyBody = (name: string, overrides: Record<string, unknown> = {}) =>
  ({
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name,
    description: `${name} description`,
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
    ...overrides,
  }) as AuthorizationServerPolicy;

export const ruleBody = (name: string, overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RESOURCE_ACCESS',
    name,
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['authorization_code'] },
      scopes: { include: ['*'] },
    },
    ...overrides,
  }) as AuthorizationServerPolicyRuleRequest;

export async function createServer(client: Client, name: string): Promise<string> {
  const server = await client.authorizationServerApi.createAuthorizationServer({
    authorizationServer: { name, description: `${name} API`, audiences: [`api://${name}`] },
  });
  return server.id!;
}

export { createGroup, createScope, createUser } from '../../support/directory.js';

/** An OIDC service app; returns its client_id. */
export const createApp = createServiceApp;

/** Row counts of the policy tables, to show a refused request changed nothing. */
export const counts = (t: TestApp) => tableCounts(t, ['policies', 'policy_apps', 'rules', 'rule_users', 'rule_groups']);

/** The Okta error a rejected SDK call carries. */
export async function oktaError(
  call: Promise<unknown>,
): Promise<{ status: number; errorCode: string; errorCauses: { errorSummary: string }[] }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected the call to fail');
  return error as { status: number; errorCode: string; errorCauses: { errorSummary: string }[] };
}
