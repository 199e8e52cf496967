/**
 * scripts/dist.mjs in throwaway project folders with stand-ins for the build, electron-native,
 * electron-builder and better-sqlite3: the order of the steps, the builder's arguments, and the
 * repair of a Node build of better-sqlite3 that no longer loads. Nothing is packaged or downloaded.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const folders: string[] = [];

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const record = (step: string) => `require('fs').appendFileSync(${JSON.stringify('ROOT/steps.log')}, ${step} + '\\n');`;

/** `sqliteLoads: false` leaves a better-sqlite3 that throws until its install script (run by npm rebuild) repairs it. */
function fakeProject(options: { builderExit: number; sqliteLoads: boolean }) {
  const root = mkdtempSync(join(tmpdir(), 'authbox-dist-'));
  folders.push(root);
  const js = (code: string) => code.replaceAll('ROOT', root);
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(repo, 'scripts', 'dist.mjs'), join(root, 'scripts', 'dist.mjs'));
  write(
    join(root, 'package.json'),
    JSON.stringify({ name: 'fake', private: true, scripts: { build: `node build.cjs` } }),
  );
  write(join(root, 'build.cjs'), js(record("'build'")));
  write(
    join(root, 'scripts', 'electron-native.mjs'),
    js(
      `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${record("'electron-native'")}`,
    ),
  );
  write(
    join(root, 'node_modules', 'electron-builder', 'cli.js'),
    js(`${record("'electron-builder ' + process.argv.slice(2).join(' ')")}\nprocess.exit(${options.builderExit});`),
  );
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  write(
    join(sqlite, 'package.json'),
    JSON.stringify({
      name: 'better-sqlite3',
      version: '12.11.1',
      main: 'index.js',
      scripts: { install: 'node repair.js' },
    }),
  );
  write(
    join(sqlite, 'repair.js'),
    js(`${record("'npm rebuild better-sqlite3'")}\nrequire('fs').copyFileSync('good.js', 'index.js');`),
  );
  write(join(sqlite, 'good.js'), 'module.exports = class Database { close() {} };\n');
  write(
    join(sqlite, 'index.js'),
    options.sqliteLoads
      ? 'module.exports = class Database { close() {} };\n'
      : "throw new Error('was compiled against a different Node.js version');\n",
  );
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'dist.mjs'), '--linux', 'deb'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const steps = readFileSync(join(root, 'steps.log'), 'utf8').split('\n').filter(Boolean);
  return { status: result.status, output: `${result.stdout}${result.stderr}`, steps };
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('dist script', () => {
  it('builds, builds better-sqlite3 for Electron, then runs electron-builder with the config and extra arguments', () => {
    const { status, output, steps } = fakeProject({ builderExit: 0, sqliteLoads: true });
    expect(steps).toEqual([
      'build',
      'electron-native',
      'electron-builder --config electron-builder.yml --publish never --linux deb',
    ]);
    expect(output).toContain('installers are in release/');
    expect(status).toBe(0);
  });

  it('afterwards repairs a Node build of better-sqlite3 that no longer loads', () => {
    const { status, steps } = fakeProject({ builderExit: 0, sqliteLoads: false });
    expect(steps.at(-1)).toBe('npm rebuild better-sqlite3');
    expect(status).toBe(0);
  });

  it('checks the Node build even when electron-builder fails, and exits non-zero', () => {
    const { status, steps } = fakeProject({ builderExit: 2, sqliteLoads: false });
    expect(steps.slice(-2)).toEqual([
      'electron-builder --config electron-builder.yml --publish never --linux deb',
      'npm rebuild better-sqlite3',
    ]);
    expect(status).toBe(1);
  });
});
