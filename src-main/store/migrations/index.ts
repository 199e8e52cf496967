/**
 * Numbered, append-only schema migrations. Never edit a released one: add the next number.
 * `PRAGMA user_version` records the highest applied number.
 */
import { m0010 } from './0010-authorization-servers.js';
import { m0020 } from './0020-users-and-groups.js';
import { m0030 } from './0030-apps-and-assignments.js';
import { m0040 } from './0040-scopes-and-claims.js';
import { m0050 } from './0050-policies-and-rules.js';
import { m0060 } from './0060-events.js';
import { m0070 } from './0070-client-assertions.js';
import { m0080 } from './0080-sessions-and-codes.js';
import { m0090 } from './0090-token-families.js';
import { m0100 } from './0100-device-authorizations.js';
import { m0110 } from './0110-event-exchanges.js';
import { m0120 } from './0120-flow-runs.js';
import { m0130 } from './0130-sign-in-failures.js';
import { m0140 } from './0140-app-grants.js';
import { m0160 } from './0160-flow-run-events.js';
import { m0200 } from './0200-token-tables-without-rowid.js';
import { m0210 } from './0210-family-rows-when-needed.js';
import { m0220 } from './0220-event-bodies.js';
import { m0240 } from './0240-family-index-without-client-credentials.js';
import { m0260 } from './0260-fewer-token-b-trees.js';
import type { Migration } from './migration.js';

export type { Migration };

export const MIGRATIONS: Migration[] = [
  m0010,
  m0020,
  m0030,
  m0040,
  m0050,
  m0060,
  m0070,
  m0080,
  m0090,
  m0100,
  m0110,
  m0120,
  m0130,
  m0140,
  m0160,
  m0200,
  m0210,
  m0220,
  m0240,
  m0260,
];
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
