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
const V8_FLAGS = '--semi-space-growth-factor=1';
setFlagsFromString(V8_FLAGS);
// V8 configures each new isolate's heap by raising that factor to at least 2 for the whole process
// (`Heap::ConfigureHeap`, src/heap/heap.cc), so the scrypt worker's start (the first password set or
// sign-in page) made the server's young generation double again under load, up to 32 MiB: the flag is
// set again once each worker thread runs ('online' comes after its isolate is configured).
process.on('worker', (worker) => worker.once('online', () => setFlagsFromString(V8_FLAGS)));

/* global AUTHBOX_BUNDLE_HASH -- set by bundle-cli.mjs */
const bundle = fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url));
const cache = fileURLToPath(new URL('./cli-bundle.cache', import.meta.url));
const loaded = loadBundle(bundle, cache, AUTHBOX_BUNDLE_HASH);
if (!loaded.cacheComplete) {
  // A second after the start a server has started and answered its first requests: the cache then
  // holds what they compiled. A run that ends sooner (`--help`, `export`) writes an early cache at
  // exit when there was none, which the next run that lasts replaces. The flags are set again just
  // before the cache is made: once a worker thread has started (the scrypt worker, for a password set
  // or a sign-in page shown in the first second), V8 makes the cache under another flag hash than a
  // start's, and every later start refused it, compiled and wrote it again.
  const saveCache = (complete) => {
    setFlagsFromString(V8_FLAGS);
    loaded.saveCache(complete);
  };
  setTimeout(() => saveCache(true), 1000).unref();
  if (!loaded.cacheUsed) process.once('exit', () => saveCache(false));
}

export const { main, parseCli, USAGE, UsageError, TOKEN_ON_COMMAND_LINE_WARNING } = loaded.exports;
