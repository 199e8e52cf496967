/** Key/value settings kept in the database (the generated admin token, the seed marker). */
import type { SettingsRepository } from '../core/ports/settings.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

export class SqliteSettingsRepository implements SettingsRepository {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    const row = prepared(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string): void {
    prepared(
      this.db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }
}
