// `npm start`: the desktop app. Electron 45 fetches its binary on first use, so this first makes
// sure the binary is there (one download attempt, with a time limit). Where it cannot be had it
// prints one line pointing to the headless mode and exits 1, before building anything.
// Otherwise: build, build better-sqlite3 for Electron (scripts/electron-native.mjs), launch.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const electronDir = join(root, 'node_modules', 'electron');
const UNAVAILABLE =
  'authbox: the Electron binary could not be downloaded on this machine; run the same server and UI headless with: npm run serve';
// Covers a slow but working download (~100 MB); a blocked network fails well before.
const downloadTimeoutMs = Number(process.env.AUTHBOX_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 300_000;

/** The executable node_modules/electron/index.js would run, if it is on disk (same rules, no download). */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = join(override, relative || 'electron');
    return existsSync(binary) ? binary : undefined;
  }
  if (!relative) return undefined;
  const binary = join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : undefined;
}

/** One attempt with Electron's own installer, its output kept quiet so failure stays one line. */
function tryDownload() {
  const installer = join(electronDir, 'install.js');
  if (!existsSync(installer)) return;
  const tty = process.stderr.isTTY;
  if (tty) process.stderr.write('authbox: fetching the Electron binary (first start only)…');
  spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: downloadTimeoutMs,
    killSignal: 'SIGKILL',
  });
  if (tty) process.stderr.write('\r\x1b[K');
}

function run(title, command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`authbox: ${title} failed\n`);
    process.exit(result.status || 1);
  }
}

let electron = electronBinary();
if (!electron) {
  tryDownload();
  electron = electronBinary();
}
if (!electron) {
  process.stderr.write(`${UNAVAILABLE}\n`);
  process.exit(1);
}

run('the build', 'npm', ['run', '--silent', 'build']);
run('building better-sqlite3 for Electron', process.execPath, [join(root, 'scripts', 'electron-native.mjs')]);

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron a plain Node.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
