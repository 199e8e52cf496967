import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteSettingsRepository } from '../../../src-main/store/settings-repository.js';

let db: Db;
let settings: SqliteSettingsRepository;

beforeEach(() => {
  db = openDatabase(':memory:');
  settings = new SqliteSettingsRepository(db);
});

afterEach(() => {
  db.close();
});

describe('SqliteSettingsRepository', () => {
  it('returns undefined for a setting never written', () => {
    expect(settings.get('admin_token')).toBeUndefined();
  });

  it('stores a value and overwrites it on a second set', () => {
    settings.set('admin_token', 'first');
    expect(settings.get('admin_token')).toBe('first');
    settings.set('admin_token', 'second');
    expect(settings.get('admin_token')).toBe('second');
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });
  });

  it('keeps keys apart and stores an empty string as a value', () => {
    settings.set('a', '');
    settings.set('b', 'x');
    expect(settings.get('a')).toBe('');
    expect(settings.get('b')).toBe('x');
  });
});
