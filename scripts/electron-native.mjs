// Builds better-sqlite3 for Electron in its own folder, build/electron-native/better-sqlite3, so the
// Node build in node_modules (which the tests use) is never touched. The desktop app opens its
// database with `nativeBinding` pointing at the result (src-main/electron/lifecycle.ts), and
// electron-builder.yml ships it as resources/native/better_sqlite3.node.
//
// Tries a prebuilt binary first (prebuild-install, from better-sqlite3's GitHub releases), then
// compiles with node-gyp against Electron's headers. Needs internet the first time; does nothing
// when the build is newer than the installed package and made for the installed Electron.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const source = join(root, 'node_modules', 'better-sqlite3');
const target = join(root, 'build', 'electron-native', 'better-sqlite3');
const binary = join(target, 'build', 'Release', 'better_sqlite3.node');
const stampFile = join(target, 'electron-build.json');
const HEADERS = 'https://electronjs.org/headers';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const log = (line) => process.stderr.write(`authbox: ${line}\n`);
const fail = (line) => {
  log(line);
  process.exit(1);
};

if (!existsSync(join(source, 'package.json'))) fail('node_modules/better-sqlite3 is missing; run npm ci first');
if (!existsSync(join(root, 'node_modules', 'electron', 'package.json')))
  fail('node_modules/electron is missing; run npm ci first');
const wanted = {
  electron: readJson(join(root, 'node_modules', 'electron', 'package.json')).version,
  betterSqlite3: readJson(join(source, 'package.json')).version,
  platform: process.platform,
  arch: process.arch,
};

function upToDate() {
  if (!existsSync(binary) || !existsSync(stampFile)) return false;
  let stamp;
  try {
    stamp = readJson(stampFile);
  } catch {
    return false;
  }
  const same = Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  return same && statSync(binary).mtimeMs > statSync(join(source, 'package.json')).mtimeMs;
}

// ~/.npmrc sets nodedir=/usr so node-gyp builds offline against Node's headers. Here it would
// silently build for Node's ABI instead of Electron's: drop it, and any other target override.
function buildEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)) delete env[key];
  }
  return env;
}

/** A module from the project's node_modules, else npm's own copy (node-gyp ships with npm). */
function resolveTool(request, from) {
  try {
    return createRequire(join(from, 'package.json')).resolve(request);
  } catch {
    const npmCli = process.env.npm_execpath;
    const bundled = npmCli ? join(dirname(npmCli), '..', 'node_modules', request) : '';
    return bundled && existsSync(bundled) ? bundled : undefined;
  }
}

function runTool(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: target,
    env: buildEnv(),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return result.status === 0;
}

function prebuilt() {
  const script = resolveTool('prebuild-install/bin.js', source);
  if (!script) return false;
  const args = [
    '--runtime=electron',
    `--target=${wanted.electron}`,
    `--arch=${wanted.arch}`,
    `--platform=${wanted.platform}`,
  ];
  return runTool(script, args) && existsSync(binary);
}

function compiled() {
  const script = resolveTool('node-gyp/bin/node-gyp.js', root);
  if (!script) fail('node-gyp not found (neither in node_modules nor next to npm)');
  const args = [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${wanted.electron}`,
    `--arch=${wanted.arch}`,
    `--dist-url=${HEADERS}`,
  ];
  return runTool(script, args) && existsSync(binary);
}

/** A Node build loads in Node; an Electron build must not (its NODE_MODULE_VERSION differs). */
function loadsInNode() {
  const probe = `try { process.dlopen({ exports: {} }, ${JSON.stringify(binary)}); process.exit(0) } catch { process.exit(3) }`;
  return spawnSync(process.execPath, ['-e', probe], { stdio: 'ignore' }).status === 0;
}

if (upToDate()) {
  log(`better-sqlite3 for Electron ${wanted.electron} is up to date (${relative(root, binary)})`);
  process.exit(0);
}

log(`building better-sqlite3 ${wanted.betterSqlite3} for Electron ${wanted.electron} in ${relative(root, target)}…`);
rmSync(target, { recursive: true, force: true });
mkdirSync(dirname(target), { recursive: true });
// Copy the sources only: the package's build/ holds the Node build.
const sourceBuild = join(source, 'build');
cpSync(source, target, {
  recursive: true,
  filter: (path) => path !== sourceBuild && !path.startsWith(sourceBuild + sep),
});

if (!prebuilt() && !compiled()) fail('could not build better-sqlite3 for Electron (see the output above)');
if (loadsInNode()) {
  rmSync(binary, { force: true });
  fail(
    `the build in ${relative(root, target)} was made for Node, not Electron ${wanted.electron}; check npm_config_* settings`,
  );
}
writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
log(`built ${relative(root, binary)}`);
