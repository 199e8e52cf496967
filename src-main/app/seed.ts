/**
 * First start on an empty data folder: the `default` authorization server an Okta org comes with
 * (audience `api://default`). Runs once per database; deleting `default` later is respected.
 */
import { DEFAULT_SERVER_ID } from '../core/authorization-servers.js';
import { DEFAULT_POLICY } from '../core/policies.js';
import { DEFAULT_RULE } from '../core/rules.js';
import type { Services } from './services.js';

const SEEDED = 'seeded';

export async function seedOnFirstStart({ servers, settings, policies, rules }: Services): Promise<void> {
  if (settings.get(SEEDED)) return;
  await servers.create(
    {
      name: 'default',
      description: 'Default Authorization Server for your Applications',
      audiences: ['api://default'],
    },
    { id: DEFAULT_SERVER_ID },
  );
  // Okta's default access policy and rule (reference §3); servers created later start with none.
  const policy = policies.create(DEFAULT_SERVER_ID, DEFAULT_POLICY);
  rules.create(DEFAULT_SERVER_ID, policy.id, DEFAULT_RULE);
  settings.set(SEEDED, new Date().toISOString());
}
