/** Users, groups and policies around the app tests, made through the management API. */
import { tableCounts } from '../../support/directory.js';
import type { TestApp } from '../../support/app.js';

export { EVERYONE, addMember, createGroup, createUser } from '../../support/directory.js';

/** Row counts of the tables this feature writes, to show a refused request changed nothing. */
export const counts = (t: TestApp) => tableCounts(t, ['apps', 'app_user_assignments', 'app_group_assignments']);

/** Makes an access policy of the default server name the app. */
export async function createPolicyNaming(t: TestApp, clientId: string, _appId: string, name: string): Promise<void> {
  const response = await t.api('/api/v1/authorizationServers/default/policies', {
    method: 'POST',
    body: JSON.stringify({
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name,
      description: name,
      conditions: { clients: { include: [clientId] } },
    }),
  });
  if (response.status !== 201) throw new Error(`creating policy ${name}: ${response.status} ${await response.text()}`);
}
