// Loads the CommonJS bundle of the headless entry with V8's code cache (`vm.Script`'s `cachedData`):
// a start then skips compiling the bundle's 3.9 MB and the functions the last run compiled. The cache
// is one file beside the bundle, `cli-bundle.cache` (delete it any time: the next start compiles as
// before and writes it again). It starts with the id of the bundle it was made from (a hash of it):
// V8 itself only compares the source's length, and would run a cache of another build of the same
// length. It also says whether it was written early, by a run that ended before a server would have
// answered its first requests (`--help`, `export`): it then lacks what a server runs, and the next
// run that lasts replaces it. A cache of another build, a damaged one (its CRC-32 does not match), or one V8 refuses
// (another Node version, other V8 flags) is ignored and replaced; a folder that cannot hold it is left alone.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

const MAGIC = 'authbox-code-cache-2';

/**
 * The function Node wraps a CommonJS module in. A bundle written inside it (`bundle-cli.mjs`) is
 * compiled as it is read; any other file is wrapped here, a copy V8 then flattens.
 */
export const CJS_WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {';
export const CJS_WRAPPER_END = '\n})';

/** How a cache was written: `complete` by the launcher's timer, `early` by a run that ended before it. */
const KINDS = ['complete', 'early'];
const prefixOf = (bundleId, kind) => Buffer.from(`${MAGIC}\n${bundleId}\n${kind}\n`);

/** `MAGIC`, the bundle's id and the kind, a line each, the CRC-32 of the data (4 bytes), the data. */
function header(bundleId, kind, data) {
  const text = prefixOf(bundleId, kind);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data));
  return Buffer.concat([text, crc]);
}

/** The cached data and its kind when the file holds a cache of this bundle that arrived whole. */
function readCache(cacheFile, bundleId) {
  let bytes;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  for (const kind of KINDS) {
    const prefix = prefixOf(bundleId, kind);
    if (bytes.length <= prefix.length + 4 || !bytes.subarray(0, prefix.length).equals(prefix)) continue;
    const data = bytes.subarray(prefix.length + 4);
    return bytes.readUInt32BE(prefix.length) === crc32(data) ? { data, kind } : undefined;
  }
  return undefined;
}

function writeCache(cacheFile, bundleId, kind, data) {
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    writeFileSync(partial, Buffer.concat([header(bundleId, kind, data), data]));
    // A rename replaces the file whole: a start running meanwhile reads the old cache or the new one.
    renameSync(partial, cacheFile);
  } catch {
    rmSync(partial, { force: true });
  }
}

/**
 * Runs the CommonJS `file` as Node would (`module`, `exports`, `require`, `__filename`, `__dirname`)
 * and returns its exports, whether the cache was used and whether it was a complete one, and
 * `saveCache(complete = true)`, which writes the cache (with every function compiled so far) unless
 * a complete one was used or it was saved already; an early one (`complete` false) is written only
 * when no cache was used. `bundleId` names this build of `file` (its hash). `trace(step)` is called
 * after each step (read, compiled), for `AUTHBOX_TRACE_START`.
 */
export function loadBundle(file, cacheFile, bundleId, trace = () => {}) {
  // Read as UTF-8: as one-byte text (latin1, the bundle being all ASCII) Node makes a string of this
  // size external, and the first request's functions, compiled from it, took some 12 ms longer. Read
  // into a buffer of the file's size, then decoded: `readFileSync(file, 'utf8')` reads it in pieces
  // into a growing copy before it makes the string, some 450 more pages touched (page faults, about
  // 5 ms of a start here) for the same string.
  const text = readFileSync(file).toString('utf8');
  trace('bundle read');
  // V8 itself accepts a hashbang line before the wrapper.
  const wrapped = text.startsWith(CJS_WRAPPER_START, text.startsWith('#!') ? text.indexOf('\n') + 1 : 0);
  const source = wrapped ? text : `${CJS_WRAPPER_START}${text.replace(/^#!.*/, '')}${CJS_WRAPPER_END}`;
  const cached = readCache(cacheFile, bundleId);
  const script = new Script(source, {
    filename: file,
    ...(cached ? { cachedData: cached.data } : {}),
  });
  const cacheUsed = cached !== undefined && !script.cachedDataRejected;
  const cacheComplete = cacheUsed && cached.kind === 'complete';
  trace(`bundle compiled (code cache ${cacheUsed ? `used, ${cached.kind}` : 'not used'})`);
  let saved = cacheComplete;
  const saveCache = (complete = true) => {
    // An early cache that served is kept until a complete one replaces it.
    if (saved || (cacheUsed && !complete)) return;
    saved = true;
    writeCache(cacheFile, bundleId, complete ? 'complete' : 'early', script.createCachedData());
  };
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cacheUsed, cacheComplete, saveCache };
}
