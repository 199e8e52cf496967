// `dist/main/app/cli.js` as `scripts/bundle-cli.mjs` writes it: runs the bundle `cli-bundle.cjs` beside
// it through V8's code cache (`code-cache.mjs`) and exports what the entry exports. Without a usable
// complete cache, the cache is written a second after the start; a run without any cache that ends
// sooner writes an early one at exit, which the next run that lasts a second replaces.
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { loadBundle } from './code-cache.mjs';

// V8's young generation stays at the size the start left it (1-2 MiB per semi-space) instead of
// doubling up to 16 MiB under load: about 20 MiB less at peak, with no CPU per token measured beyond
// the bench's noise (README "Benchmarks"). Set before the bundle is compiled: V8 refuses a code cache
// made under other flags, so a flag set after loading made every start reject the cache and write it
// again (`test/integration/cli/code-cache-start.test.ts` starts the built entry twice and checks the second
// start uses the cache).
setFlagsFromString('--semi-space-growth-factor=1');

/* global AUTHBOX_BUNDLE_HASH -- set by bundle-cli.mjs */
const bundle = fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url));
const cache = fileURLToPath(new URL('./cli-bundle.cache', import.meta.url));
const loaded = loadBundle(bundle, cache, AUTHBOX_BUNDLE_HASH);
if (!loaded.cacheComplete) {
  // A second after the start a server has started and answered its first requests: the cache then
  // holds what they compiled. A run that ends sooner (`--help`, `export`) writes an early cache at
  // exit when there was none, which the next run that lasts replaces.
  setTimeout(() => loaded.saveCache(true), 1000).unref();
  if (!loaded.cacheUsed) process.once('exit', () => loaded.saveCache(false));
}

export const { main, parseCli, USAGE, UsageError, TOKEN_ON_COMMAND_LINE_WARNING } = loaded.exports;
