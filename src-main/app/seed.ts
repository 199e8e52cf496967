/**
 * First start on an empty data folder: the `default` authorization server an Okta org comes with
 * (audience `api://default`). Runs once per database; deleting `default` later is respected.
 */
import { DEFAULT_SERVER_ID } from '../core/authorization-servers.js';
import type { Services } from './services.js';

const SEEDED = 'seeded';

export async function seedOnFirstStart({ servers, settings }: Services): Promise<void> {
  if (settings.get(SEEDED)) return;
  await servers.create(
    {
      name: 'default',
      description: 'Default Authorization Server for your Applications',
      audiences: ['api://default'],
    },
    { id: DEFAULT_SERVER_ID },
  );
  settings.set(SEEDED, new Date().toISOString());
}
