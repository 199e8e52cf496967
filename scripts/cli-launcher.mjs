// `dist/main/app/cli.js` as `scripts/bundle-cli.mjs` writes it: runs the bundle `cli-bundle.cjs` beside
// it through V8's code cache (`code-cache.mjs`) and exports what the entry exports. Without a usable
// cache, the cache is written a second after the start, or at exit if that comes first (by then it
// holds the functions the start compiled).
import { fileURLToPath } from 'node:url';
import { loadBundle } from './code-cache.mjs';

/* global AUTHBOX_BUNDLE_HASH -- set by bundle-cli.mjs */
const bundle = fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url));
const cache = fileURLToPath(new URL('./cli-bundle.cache', import.meta.url));
const loaded = loadBundle(bundle, cache, AUTHBOX_BUNDLE_HASH);
if (!loaded.cacheUsed) {
  setTimeout(loaded.saveCache, 1000).unref();
  process.once('exit', loaded.saveCache);
}

export const { main, parseCli, USAGE, UsageError, TOKEN_ON_COMMAND_LINE_WARNING } = loaded.exports;
