/**
 * The headless start names better-sqlite3's addon by its path (`app/native-binding.ts`) instead of
 * letting the `bindings` package search for it: the path is the addon npm built, and opens a database.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { nodeNativeBinding } from '../../../src-main/app/native-binding.js';

it('is the build of better-sqlite3 that npm installed, and opens a database', () => {
  const addon = nodeNativeBinding();
  expect(addon).toMatch(/[\\/]better-sqlite3[\\/]build[\\/]Release[\\/]better_sqlite3\.node$/);
  expect(existsSync(addon!)).toBe(true);
  expect(nodeNativeBinding()).toBe(addon);
  const db = new Database(':memory:', { nativeBinding: addon! });
  try {
    expect(db.prepare('select 6 * 7 as answer').get()).toEqual({ answer: 42 });
  } finally {
    db.close();
  }
});
