/**
 * The seed's whole setup done in the UI alone, as a newcomer would: an authorization server, a scope,
 * a web app with its redirect URI, a person with a custom attribute assigned to it, an access policy
 * for that app with its rule, and an ID token claim — then Okta's "Test your authorization server
 * configuration" implicit request signs the person in and gets the claim, and the Token Preview names
 * the rule that matched. Every step is checked through the management API too.
 */
import { decodeJwt } from 'jose';
import { expect, test } from './fixtures.js';
import type { Authbox } from './fixtures.js';
import { AccessPoliciesPage } from './pages/access-policies-page.js';
import { ApplicationsPage } from './pages/applications-page.js';
import { ClaimsPage } from './pages/claims-page.js';
import { PeoplePage } from './pages/people-page.js';
import { PersonPage } from './pages/person-page.js';
import { ScopesPage } from './pages/scopes-page.js';
import { ServerSettingsPage } from './pages/server-settings-page.js';
import { ServersPage } from './pages/servers-page.js';
import { TokenPreviewPage } from './pages/token-preview-page.js';
import { SEED_NONCE, implicitIdToken } from './support/implicit-flow.js';

const PASSWORD = 'Sandbox-Passw0rd!';
const LOGIN = 'john.smith@example.com';
const RULE = 'Pets web sign-in';

const get = async <T>(authbox: Authbox, path: string): Promise<T> => {
  const answer = await authbox.api<T>('GET', path);
  expect(answer.status, `GET ${path}`).toBe(200);
  return answer.body;
};

test('the seed’s setup done in the UI alone signs John Smith in with preferred_honorific', async ({
  page,
  authbox,
}) => {
  test.setTimeout(120_000);
  const redirectUri = `${authbox.origin}/e2e/callback`;

  // The authorization server.
  const servers = new ServersPage(page);
  await servers.open(authbox.uiUrl);
  await servers.fillNewServer({ name: 'Pets', audience: 'api://pets', description: 'The pets API' });
  await servers.save();
  const settings = new ServerSettingsPage(page);
  await expect(settings.heading).toContainText('Pets');
  const serverId = /#\/authorization-servers\/([^/]+)\//.exec(page.url())![1]!;
  const server = await get<{ name: string; audiences: string[]; issuer: string }>(
    authbox,
    `/api/v1/authorizationServers/${serverId}`,
  );
  expect(server).toMatchObject({ name: 'Pets', audiences: ['api://pets'] });
  const base = `/api/v1/authorizationServers/${serverId}`;

  // The scope.
  const scopes = new ScopesPage(page);
  await scopes.tab.click();
  await scopes.addButton.click();
  await scopes.field('Name').fill('pets:read');
  await scopes.submit();
  await expect(page.getByRole('status')).toHaveText('Created scope pets:read.');
  expect((await get<{ name: string }[]>(authbox, `${base}/scopes`)).map((s) => s.name)).toContain('pets:read');

  // The person, with the custom attribute.
  const people = new PeoplePage(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await people.add({
    'First name': 'John',
    'Last name': 'Smith',
    Username: LOGIN,
    'Primary email': LOGIN,
    Password: PASSWORD,
  });
  await expect(people.notice).toHaveText('Added John Smith.');
  await people.notice.getByRole('link', { name: 'John Smith' }).click();
  const person = new PersonPage(page);
  await person.addAttribute('honorific', 'Commodore');
  await person.saveProfile();
  await expect(person.profile.getByRole('status')).toHaveText('Profile saved.');
  const john = await get<{ id: string; status: string; profile: Record<string, unknown> }>(
    authbox,
    `/api/v1/users/${encodeURIComponent(LOGIN)}`,
  );
  expect(john).toMatchObject({
    status: 'ACTIVE',
    profile: { firstName: 'John', lastName: 'Smith', login: LOGIN, honorific: 'Commodore' },
  });

  // The web app with its redirect URI, then John assigned to it.
  const apps = new ApplicationsPage(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Applications' }).click();
  await apps.startCreate('Web Application');
  await apps.field('App integration name').fill('Pets web');
  await apps.grant('Implicit (hybrid)').check();
  await apps.uriRow('Sign-in', 1).fill(redirectUri);
  await apps.wizard.getByRole('radio', { name: 'Skip group assignment for now' }).check();
  await apps.save();
  await expect(apps.heading).toContainText('Pets web');
  const appId = apps.appIdFromUrl();
  const app = await get<{
    credentials: { oauthClient: { client_id: string } };
    settings: { oauthClient: { grant_types: string[]; redirect_uris: string[] } };
  }>(authbox, `/api/v1/apps/${appId}`);
  expect(app.settings.oauthClient).toMatchObject({
    grant_types: ['authorization_code', 'implicit'],
    redirect_uris: [redirectUri],
  });
  const clientId = app.credentials.oauthClient.client_id;

  await apps.tab('Assignments').click();
  await page.getByRole('button', { name: 'Assign to People' }).click();
  const assign = apps.assignDialog('People');
  await assign.getByLabel('Search people').fill('john');
  await assign.getByRole('button', { name: 'Assign John Smith' }).click();
  await expect(assign.getByRole('button', { name: 'John Smith is assigned' })).toBeDisabled();
  await assign.getByRole('button', { name: 'Done' }).click();
  await expect(apps.assignedPeople()).toContainText('John Smith');
  const assigned = await get<{ id: string }[]>(authbox, `/api/v1/apps/${appId}/users`);
  expect(assigned.map((u) => u.id)).toEqual([john.id]);

  // The access policy for that one app, and its rule.
  const policies = new AccessPoliciesPage(page);
  await policies.open(authbox.uiUrl, serverId);
  await policies.addPolicy.click();
  await policies.policyField('Name').fill('Pets web policy');
  await policies.policyField('Description').fill('Only the pets web app');
  await policies.policyDialog.getByRole('radio', { name: 'The following clients:' }).check();
  await policies.policyDialog.getByRole('searchbox', { name: 'Search clients' }).fill('Pets');
  await policies.policyDialog.getByRole('checkbox', { name: /Pets web/ }).check();
  await policies.policyDialog.getByRole('button', { name: 'Create Policy' }).click();
  await expect(policies.policyDialog).toBeHidden();
  const [policy] = await get<{ id: string; name: string; conditions: unknown }[]>(authbox, `${base}/policies`);
  expect(policy).toMatchObject({ name: 'Pets web policy', conditions: { clients: { include: [clientId] } } });

  await policies.addRule.click();
  const form = policies.ruleDialog;
  await policies.ruleField('Rule Name').fill(RULE);
  await form.getByRole('checkbox', { name: 'Implicit' }).check();
  await expect(form.getByRole('checkbox', { name: 'Authorization Code' })).toBeChecked();
  await form.getByRole('radio', { name: 'Any user assigned the app' }).check();
  await form.getByRole('radio', { name: 'The following scopes:' }).check();
  for (const scope of ['openid', 'profile', 'pets:read']) await form.getByRole('checkbox', { name: scope }).check();
  await policies.unitOf('THEN Access token lifetime is').selectOption('minutes');
  await policies.ruleField('THEN Access token lifetime is').fill('30');
  await form.getByRole('button', { name: 'Create Rule' }).click();
  await expect(form).toBeHidden();
  await expect(policies.ruleRow(RULE)).toContainText('30 minutes');
  const [rule] = await get<{ name: string }[]>(authbox, `${base}/policies/${policy!.id}/rules`);
  expect(rule).toMatchObject({
    name: RULE,
    status: 'ACTIVE',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: expect.arrayContaining(['authorization_code', 'implicit']) },
      scopes: { include: ['openid', 'profile', 'pets:read'] },
    },
    actions: { token: { accessTokenLifetimeMinutes: 30 } },
  });

  // The ID token claim, for the scope profile.
  const claims = new ClaimsPage(page);
  await claims.tab.click();
  await claims.addButton.click();
  await claims.field('Name').fill('preferred_honorific');
  await claims.field('Include in token type').selectOption('ID Token');
  await claims.field('Value').fill('user.honorific');
  await claims.includeIn('The following scopes').check();
  await claims.scope('profile').check();
  await claims.submit();
  await expect(claims.dialog).toBeHidden();
  await expect(claims.cell('preferred_honorific', 4)).toHaveText('profile');
  expect(await get<unknown[]>(authbox, `${base}/claims`)).toContainEqual(
    expect.objectContaining({
      name: 'preferred_honorific',
      claimType: 'IDENTITY',
      value: 'user.honorific',
      conditions: { scopes: ['profile'] },
    }),
  );

  // The seed's request: John signs in and the ID token carries the nonce and the claim.
  const idToken = await implicitIdToken(page, {
    issuer: server.issuer,
    clientId,
    redirectUri,
    user: { login: LOGIN, password: PASSWORD },
  });
  expect(decodeJwt(idToken)).toMatchObject({
    iss: server.issuer,
    aud: clientId,
    sub: john.id,
    nonce: SEED_NONCE,
    preferred_honorific: 'Commodore',
  });

  // The Token Preview names the rule that matched.
  const preview = new TokenPreviewPage(page);
  await preview.open(authbox.uiUrl, serverId);
  await preview.preview(`Pets web (${clientId})`, LOGIN, 'openid profile', 'Implicit');
  await expect(preview.policy('Pets web policy')).toContainText('Matched');
  const matched = preview.rule('Pets web policy', RULE);
  await expect(matched).toContainText('Matched');
  await expect(matched).toHaveAttribute('aria-current', 'true');
  await expect(preview.fact('Access token', preview.decision)).toHaveText('30 minutes');
});
