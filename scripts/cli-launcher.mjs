// `dist/main/app/cli.js` as `scripts/bundle-cli.mjs` writes it: runs the bundle `cli-bundle.cjs` beside
// it through V8's code cache (`code-cache.mjs`) and exports what the entry exports. Without a usable
// complete cache, the cache is written a second after the start; a run without any cache that ends
// sooner writes an early one at exit, which the next run that lasts a second replaces.
import { fileURLToPath } from 'node:url';
import { traceStart } from '../src-main/app/start-trace.ts';
import { setMemoryFlags, underStartFlags } from '../src-main/app/v8-memory.ts';
import { loadBundle } from './code-cache.mjs';

// V8's heap settings (`src-main/app/v8-memory.ts`), set before the bundle is compiled: V8 refuses a
// code cache made under other flags, so a flag set after loading made every start reject the cache and
// write it again (`test/integration/cli/code-cache-start.test.ts` starts the built entry twice and
// checks the second start uses the cache).
setMemoryFlags();

/* global AUTHBOX_BUNDLE_HASH -- set by bundle-cli.mjs */
const bundle = fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url));
const cache = fileURLToPath(new URL('./cli-bundle.cache', import.meta.url));
// `AUTHBOX_TRACE_START=1` (`src-main/app/start-trace.ts`): the launcher's steps too, in the same form.
traceStart('launcher started');
const loaded = loadBundle(bundle, cache, AUTHBOX_BUNDLE_HASH, traceStart);
if (!loaded.cacheComplete) {
  // A second after the start a server has started and answered its first requests: the cache then
  // holds what they compiled. A run that ends sooner (`--help`, `export`) writes an early cache at
  // exit when there was none, which the next run that lasts replaces. The cache is made under the
  // start's flags: the young generation's stop (`v8-memory.ts`) and a worker thread's start (the scrypt
  // worker, for a password set or a sign-in page shown in the first second) change them, and a cache
  // made under another flag hash was refused by every later start, which compiled and wrote it again.
  const saveCache = (complete) => underStartFlags(() => loaded.saveCache(complete));
  setTimeout(() => saveCache(true), 1000).unref();
  if (!loaded.cacheUsed) process.once('exit', () => saveCache(false));
}

export const { main, parseCli, USAGE, UsageError, TOKEN_ON_COMMAND_LINE_WARNING } = loaded.exports;
