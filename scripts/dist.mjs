// `npm run dist`: installers for the platform this runs on, into release/ (electron-builder.yml).
// Needs a machine with internet access: electron-builder downloads Electron and its packaging
// tools, and scripts/electron-native.mjs downloads Electron's headers (or a prebuilt binary).
// Never run it on the CI machines: see STACK.md, "Never run electron-builder".
//
// Steps: build, better-sqlite3 for Electron (into build/electron-native/, shipped as
// resources/native), electron-builder; then, whatever happened, make sure the Node build of
// better-sqlite3 in node_modules (the one the tests and `npm run serve` use) still loads.
// Extra arguments go to electron-builder, e.g. `npm run dist -- --linux deb`.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const log = (line) => process.stderr.write(`authbox: ${line}\n`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

function nodeBuildLoads() {
  const probe = "new (require('better-sqlite3'))(':memory:').close()";
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

function ensureNodeBuild() {
  if (nodeBuildLoads()) return true;
  log('the Node build of better-sqlite3 no longer loads; rebuilding it (npm rebuild better-sqlite3)…');
  return run('npm', ['rebuild', 'better-sqlite3']) && nodeBuildLoads();
}

const builder = join(root, 'node_modules', 'electron-builder', 'cli.js');
const ok =
  run('npm', ['run', '--silent', 'build']) &&
  run(process.execPath, [join(root, 'scripts', 'electron-native.mjs')]) &&
  run(process.execPath, [builder, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)]);

const nodeBuildOk = ensureNodeBuild();
if (!nodeBuildOk) log('better-sqlite3 for Node is broken; run `npm rebuild better-sqlite3` by hand');
if (ok) log('installers are in release/');
process.exit(ok && nodeBuildOk ? 0 : 1);
