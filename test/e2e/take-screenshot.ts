/**
 * Regenerates the README's pictures at 1280×800: docs/screenshot.png (the Authorization Servers
 * screen with the walk-through's `orders` server and a few others) and docs/token-preview.png (step
 * 10 of the walk-through: the default server's Token Preview for the "Orders worker" app and Ada,
 * whose honorific the seed's custom claim highlights in the ID token), docs/flow-runner.png (the
 * seed's implicit flow run in the Flow Runner), docs/token-inspector.png (Ada's ID token from the
 * seed's implicit flow in the Token Inspector, nonce and custom claim highlighted), docs/app-general.png
 * (the General tab of the walk-through's "Orders web" app, its client secret hidden) and docs/person.png
 * (Ada with the custom attribute honorific = Commodore, her group and apps), docs/event-log.png
 * (the Event Log opened on the implicit flow's sign-in). The objects are made through the API as the
 * walk-through's steps 3, 6, 9 and 12 make them. docs/add-rule.png shows the Add Rule form filled in as
 * step 12's rule, and docs/access-policies.png the default server's Access Policies screen once that
 * rule was created through the form.
 * Run after `npm run build`: `npx tsx test/e2e/take-screenshot.ts` (not a test; Playwright skips it).
 */
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { AccessPoliciesPage } from './pages/access-policies-page.js';
import { FlowRunnerPage } from './pages/flow-runner-page.js';
import { PersonPage } from './pages/person-page.js';
import { TokenInspectorPage } from './pages/token-inspector-page.js';
import { TokenPreviewPage } from './pages/token-preview-page.js';
import { SEED_NONCE, seedImplicitIdToken } from './support/implicit-flow.js';
import {
  assignUser,
  createGroup,
  createScope,
  createServiceApp,
  createUser,
  createWebApp,
} from './support/sandbox-setup.js';
import { startAuthbox } from './support/authbox-process.js';

const OUT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
const PREVIEW_OUT = fileURLToPath(new URL('../../docs/token-preview.png', import.meta.url));
const INSPECTOR_OUT = fileURLToPath(new URL('../../docs/token-inspector.png', import.meta.url));
const POLICIES_OUT = fileURLToPath(new URL('../../docs/access-policies.png', import.meta.url));
const ADD_RULE_OUT = fileURLToPath(new URL('../../docs/add-rule.png', import.meta.url));

const RUNNER_OUT = fileURLToPath(new URL('../../docs/flow-runner.png', import.meta.url));

async function flowRunnerScreenshot(page: Page): Promise<void> {
  const app = await authbox.api<{ id: string }>('POST', '/api/v1/apps', {
    name: 'oidc_client',
    label: 'My SPA',
    signOnMode: 'OPENID_CONNECT',
    credentials: { oauthClient: { token_endpoint_auth_method: 'none', pkce_required: true } },
    settings: {
      oauthClient: {
        application_type: 'browser',
        grant_types: ['authorization_code', 'implicit'],
        response_types: ['code', 'token', 'id_token'],
        redirect_uris: [`${authbox.origin}/flow-runner/callback`],
      },
    },
  });
  const users = await authbox.api<{ id: string }[]>('GET', '/api/v1/users?q=ada');
  await assignUser(authbox, app.body.id, users.body[0]!.id);
  const runner = new FlowRunnerPage(page);
  await runner.open(authbox.uiUrl);
  await runner.choose('My SPA', 'Implicit');
  await runner.field('Response type').selectOption('id_token');
  await runner.field('state').fill('WM6D');
  await runner.field('nonce').fill('YsG76jo');
  await runner.runSigningIn('ada@example.com', 'Correct-Horse-9');
  await runner.status.filter({ hasText: 'Finished' }).waitFor();
  await runner.checks.scrollIntoViewIfNeeded();
  await page.screenshot({ path: RUNNER_OUT, fullPage: true });
  process.stdout.write(`wrote ${RUNNER_OUT}\n`);
}

const EVENT_LOG_OUT = fileURLToPath(new URL('../../docs/event-log.png', import.meta.url));

/** The Event Log opened on the sign-in that answered the seed's implicit flow: its exchange and decision. */
async function eventLogScreenshot(page: Page): Promise<void> {
  const listed = await authbox.api<{ id: string; runId: string | null }[]>(
    'GET',
    '/api/sandbox/v1/events?endpoint=authorize&outcome=success',
  );
  const eventId = listed.body.find((event) => event.runId !== null)!.id;
  await page.goto(`${authbox.origin}/#/events/${eventId}`);
  await page.getByRole('region', { name: 'Event details' }).getByLabel('Exchange').waitFor();
  await page.screenshot({ path: EVENT_LOG_OUT, fullPage: true });
  process.stdout.write(`wrote ${EVENT_LOG_OUT}\n`);
}

const APP_OUT = fileURLToPath(new URL('../../docs/app-general.png', import.meta.url));

const PERSON_OUT = fileURLToPath(new URL('../../docs/person.png', import.meta.url));

const authbox = await startAuthbox();
try {
  const servers = [
    { name: 'orders', audience: 'api://orders', description: 'Orders API' },
    { name: 'Mobile App', audience: 'api://mobile', description: 'Tokens for the iOS and Android apps' },
    {
      name: 'Partner Portal',
      audience: 'https://partners.example.com',
      description: 'Tokens for partner integrations',
    },
  ];
  for (const s of servers) {
    const created = await authbox.api<{ id: string }>('POST', '/api/v1/authorizationServers', {
      name: s.name,
      audiences: [s.audience],
      description: s.description,
    });
    if (created.status !== 201) throw new Error(`could not create ${s.name}: HTTP ${created.status}`);
    if (s.name === 'Partner Portal')
      await authbox.api('POST', `/api/v1/authorizationServers/${created.body.id}/lifecycle/deactivate`);
  }

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(authbox.uiUrl);
    await page
      .getByRole('table', { name: 'Authorization Servers' })
      .getByRole('link', { name: 'Partner Portal' })
      .waitFor();
    await page.screenshot({ path: OUT });
    process.stdout.write(`wrote ${OUT}\n`);

    await createScope(authbox, 'default', 'orders:read');
    const app = await createServiceApp(authbox, 'Orders worker');
    const adaId = await createUser(authbox, 'ada@example.com', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      honorific: 'Commodore',
    });
    const preview = new TokenPreviewPage(page);
    await preview.open(authbox.uiUrl, 'default');
    await preview.preview(`Orders worker (${app.clientId})`, 'ada@example.com', 'openid profile');
    await preview.customClaims('ID token').first().waitFor();
    await page.screenshot({ path: PREVIEW_OUT });
    process.stdout.write(`wrote ${PREVIEW_OUT}\n`);

    // The seed's "Test your authorization server configuration" in the Flow Runner: the implicit
    // flow with state WM6D and nonce YsG76jo, signed in in the popup, every client check passed.
    await flowRunnerScreenshot(page);
    // The walk-through's ID token (the seed's implicit flow, signed in as Ada) in the Token Inspector.
    // In a context of its own: the Flow Runner's popup left Ada signed in, so this page would skip the sign-in.
    const signInContext = await browser.newContext();
    const idToken = await seedImplicitIdToken(authbox, await signInContext.newPage(), {
      id: adaId,
      login: 'ada@example.com',
      password: 'Correct-Horse-9',
    });
    await signInContext.close();
    const inspector = new TokenInspectorPage(page);
    await inspector.open(authbox.uiUrl);
    await inspector.inspect(idToken, SEED_NONCE);
    await inspector.claim('preferred_honorific').waitFor();
    await inspector.verdict.scrollIntoViewIfNeeded();
    await page.screenshot({ path: INSPECTOR_OUT, fullPage: true });
    process.stdout.write(`wrote ${INSPECTOR_OUT}\n`);
    // The Event Log opened on the Flow Runner run's sign-in: the exchange beside the decision trace.
    await eventLogScreenshot(page);
    const web = await createWebApp(authbox, 'Orders web');
    await page.goto(`${authbox.origin}/#/applications/${web.id}/general`);
    await page.getByRole('form', { name: 'Application settings' }).waitFor();
    await page.screenshot({ path: APP_OUT });
    process.stdout.write(`wrote ${APP_OUT}\n`);

    // A person's page: Ada with the seed's honorific, in a group and assigned to the web app (step 12).
    await createGroup(authbox, 'Pilots', [adaId]);
    await assignUser(authbox, web.id, adaId);
    const person = new PersonPage(page);
    await person.open(authbox.uiUrl, adaId);
    await person.apps.getByRole('link', { name: 'Orders web' }).waitFor();
    await person.groups.getByRole('link', { name: 'Pilots' }).waitFor();
    await page.screenshot({ path: PERSON_OUT });
    process.stdout.write(`wrote ${PERSON_OUT}\n`);

    // Step 12's access policy for Orders web on the default server, and its rule through the Add
    // Rule form (Authorization Code and Implicit, any user assigned the app, openid profile
    // orders:read, 30-minute access tokens), then the policy's rules with a second, inactive one.
    const policiesPath = '/api/v1/authorizationServers/default/policies';
    const ordersPolicy = await authbox.api<{ id: string }>('POST', policiesPath, {
      type: 'OAUTH_AUTHORIZATION_POLICY',
      name: 'Orders web',
      description: 'The orders web app signs people in',
      priority: 1,
      conditions: { clients: { include: [web.clientId] } },
    });
    const policies = new AccessPoliciesPage(page);
    await policies.open(authbox.uiUrl, 'default', ordersPolicy.body.id);
    await policies.addRule.click();
    await policies.ruleField('Rule Name').fill('Web sign-in');
    await policies.ruleDialog.getByRole('checkbox', { name: 'Implicit' }).check();
    await policies.ruleDialog.getByRole('radio', { name: 'Any user assigned the app' }).check();
    await policies.ruleDialog.getByRole('radio', { name: 'The following scopes:' }).check();
    for (const scope of ['openid', 'profile', 'orders:read'])
      await policies.ruleDialog.getByRole('checkbox', { name: scope }).check();
    await policies.unitOf('THEN Access token lifetime is').selectOption('minutes');
    await policies.ruleField('THEN Access token lifetime is').fill('30');
    await page.screenshot({ path: ADD_RULE_OUT });
    process.stdout.write(`wrote ${ADD_RULE_OUT}\n`);
    await policies.ruleDialog.getByRole('button', { name: 'Create Rule' }).click();
    await policies.ruleRow('Web sign-in').waitFor();
    await authbox.api('POST', `${policiesPath}/${ordersPolicy.body.id}/rules`, {
      type: 'RESOURCE_ACCESS',
      name: 'Password (legacy)',
      status: 'INACTIVE',
      conditions: { grantTypes: { include: ['password'] }, scopes: { include: ['*'] } },
      actions: { token: { accessTokenLifetimeMinutes: 15 } },
    });
    await page.reload();
    await policies.ruleRow('Password (legacy)').waitFor();
    await page.screenshot({ path: POLICIES_OUT });
    process.stdout.write(`wrote ${POLICIES_OUT}\n`);
  } finally {
    await browser.close();
  }
} finally {
  await authbox.stop();
}
