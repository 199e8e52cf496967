/**
 * better-sqlite3's addon for Node, named by its path. Without a path better-sqlite3 finds its addon
 * with the `bindings` package, which reads the call stack and tries a dozen paths first (some 5 ms of
 * a start, the start's first `new Database`). The Electron shell names its own build instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let found: string | null | undefined;

/** The addon npm built for this Node (`build/Release`), or undefined: better-sqlite3 then looks for it itself. */
export function nodeNativeBinding(): string | undefined {
  if (found === undefined) {
    try {
      const packageFile = createRequire(import.meta.url).resolve('better-sqlite3/package.json');
      const addon = join(dirname(packageFile), 'build', 'Release', 'better_sqlite3.node');
      found = existsSync(addon) ? addon : null;
    } catch {
      found = null;
    }
  }
  return found ?? undefined;
}
