/**
 * scripts/code-cache.mjs, which runs the headless entry's bundle with V8's code cache: a start without
 * a cache writes one, the next start uses it, and a cache that is damaged or belongs to another build
 * of the bundle is ignored (the bundle is compiled as without one) and replaced. Each start is its own
 * Node process, as a real start is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const codeCache = fileURLToPath(new URL('../../../scripts/code-cache.mjs', import.meta.url));
const { CJS_WRAPPER_START, CJS_WRAPPER_END } = (await import(
  new URL('../../../scripts/code-cache.mjs', import.meta.url).href
)) as {
  CJS_WRAPPER_START: string;
  CJS_WRAPPER_END: string;
};
let dir: string;
let bundle: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'authbox-code-cache-'));
  bundle = join(dir, 'bundle.cjs');
  cache = join(dir, 'bundle.cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** One start: loads the bundle, saves the cache, prints what it exported and whether the cache served. */
function start(bundleId: string): { answer: number | string; cacheUsed: boolean } {
  const program = `
    const { loadBundle } = await import(${JSON.stringify(codeCache)});
    const loaded = loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, ${JSON.stringify(bundleId)});
    loaded.saveCache();
    console.log(JSON.stringify({ answer: loaded.exports.answer(), cacheUsed: loaded.cacheUsed }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { answer: number | string; cacheUsed: boolean };
}

/** A bundle whose `answer()` returns `value`; every value of one digit gives a source of the same length. */
const writeBundle = (value: number) =>
  writeFileSync(bundle, `const path = require('node:path');\nexports.answer = () => ${value} + path.sep.length - 1;\n`);

describe('the code cache of the bundle', () => {
  it('is written by a start without one and used by the next', () => {
    writeBundle(1);
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: false });
    expect(readFileSync(cache).length).toBeGreaterThan(0);
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: true });
  });

  it('of another build is ignored, even for a source of the same length (which V8 alone would run), and replaced', () => {
    writeBundle(1);
    start('build-1');
    writeBundle(2);
    expect(start('build-2')).toEqual({ answer: 2, cacheUsed: false });
    expect(start('build-2')).toEqual({ answer: 2, cacheUsed: true });
  });

  it('that is damaged or cut short is ignored and replaced', () => {
    writeBundle(1);
    start('build-1');
    const bytes = readFileSync(cache);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 0xff, bytes.length - 10);
    writeFileSync(cache, bytes);
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: false });
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: true });
    writeFileSync(cache, readFileSync(cache).subarray(0, 40));
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: false });
    writeFileSync(cache, 'not a cache');
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: false });
  });

  it('is left out when its folder cannot hold it; the bundle runs as without one', () => {
    writeBundle(1);
    cache = join(dir, 'no-such-folder', 'bundle.cache');
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: false });
    expect(start('build-1')).toEqual({ answer: 1, cacheUsed: false });
  });

  it('serves a bundle written inside the CommonJS wrapper, after a hashbang, as it is', () => {
    writeFileSync(
      bundle,
      `#!/usr/bin/env node\n${CJS_WRAPPER_START}const path = require('node:path');\nexports.answer = () => path.basename(__filename).length + (typeof module);${CJS_WRAPPER_END}\n//# sourceMappingURL=bundle.cjs.map\n`,
    );
    expect(start('build-1')).toEqual({ answer: '10object', cacheUsed: false });
    expect(start('build-1')).toEqual({ answer: '10object', cacheUsed: true });
  });

  it('reads an all-ASCII bundle and one with other characters (UTF-8) as written', () => {
    writeFileSync(bundle, "exports.answer = () => 'plain ascii';\n");
    expect(start('build-1')).toEqual({ answer: 'plain ascii', cacheUsed: false });
    writeFileSync(bundle, "exports.answer = () => 'café ✓';\n");
    expect(start('build-2')).toEqual({ answer: 'café ✓', cacheUsed: false });
    expect(start('build-2')).toEqual({ answer: 'café ✓', cacheUsed: true });
  });

  it('written early is used, kept by the next early run, and replaced by a complete one, which is then kept', () => {
    writeBundle(1);
    const run = (complete: boolean) => {
      const program = `
        const { loadBundle } = await import(${JSON.stringify(codeCache)});
        const loaded = loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, 'build-1');
        loaded.saveCache(${complete});
        console.log(JSON.stringify({ cacheUsed: loaded.cacheUsed, cacheComplete: loaded.cacheComplete }));`;
      const answer = spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' });
      expect(answer.stderr).toBe('');
      return JSON.parse(answer.stdout) as { cacheUsed: boolean; cacheComplete: boolean };
    };
    const kind = () => readFileSync(cache, 'latin1').split('\n')[2];
    expect(run(false)).toEqual({ cacheUsed: false, cacheComplete: false });
    expect(kind()).toBe('early');
    expect(run(false)).toEqual({ cacheUsed: true, cacheComplete: false });
    expect(kind()).toBe('early');
    expect(run(true)).toEqual({ cacheUsed: true, cacheComplete: false });
    expect(kind()).toBe('complete');
    const complete = readFileSync(cache);
    expect(run(true)).toEqual({ cacheUsed: true, cacheComplete: true });
    expect(readFileSync(cache).equals(complete)).toBe(true);
  });
});
