/**
 * First start on an empty data folder: the `default` authorization server an Okta org comes with
 * (audience `api://default`) with Okta's default policy and rule, plus one sample claim. Runs once
 * per database; deleting `default` later is respected.
 */
import { DEFAULT_SERVER_ID } from '../core/authorization-servers.js';
import { DEFAULT_POLICY } from '../core/policies.js';
import { DEFAULT_RULE } from '../core/rules.js';
import type { Services } from './services.js';

const SEEDED = 'seeded';

/**
 * A sample custom claim on `default`, so a newcomer's first ID token shows one at work: users whose
 * profile has `honorific` get `preferred_honorific` when `profile` is granted; others are untouched
 * (a null value leaves the claim out).
 */
export const SAMPLE_CLAIM = {
  name: 'preferred_honorific',
  claimType: 'IDENTITY',
  valueType: 'EXPRESSION',
  value: 'user.honorific',
  alwaysIncludeInToken: true,
  conditions: { scopes: ['profile'] },
} as const;

/** True until the first start on this data folder has seeded it. */
export const isFirstStart = ({ settings }: Pick<Services, 'settings'>): boolean => !settings.get(SEEDED);

export async function seedOnFirstStart({ servers, settings, policies, rules, claims }: Services): Promise<void> {
  if (settings.get(SEEDED)) return;
  await servers.create(
    {
      name: 'default',
      description: 'Default Authorization Server for your Applications',
      audiences: ['api://default'],
    },
    // Its keys are made by the first request that needs them (JWKS, a token), not by the start.
    { id: DEFAULT_SERVER_ID, keysOnFirstUse: true },
  );
  // Okta's default access policy and rule (Okta "OpenID Connect & OAuth 2.0 API"); servers created later start with none.
  const policy = policies.create(DEFAULT_SERVER_ID, DEFAULT_POLICY);
  rules.create(DEFAULT_SERVER_ID, policy.id, DEFAULT_RULE);
  claims.create(DEFAULT_SERVER_ID, SAMPLE_CLAIM);
  settings.set(SEEDED, new Date().toISOString());
}
