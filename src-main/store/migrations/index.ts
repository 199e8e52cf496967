/**
 * Numbered, append-only schema migrations. Never edit a released one: add the next number.
 * `PRAGMA user_version` records the highest applied number.
 */
import { m0010 } from './0010-authorization-servers.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [m0010];
export const LATEST_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));
