/**
 * `npm start` (scripts/start.mjs) as a child process: here, where the Electron binary cannot be
 * downloaded, and in throwaway project folders whose node_modules/electron installer is a stand-in
 * (one that hangs, one that "downloads" a fake binary).
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const UNAVAILABLE =
  'authbox: the Electron binary could not be downloaded on this machine; run the same server and UI headless with: npm run serve';
const folders: string[] = [];

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env };
  delete result['ELECTRON_OVERRIDE_DIST_PATH'];
  delete result['AUTHBOX_ELECTRON_DOWNLOAD_TIMEOUT_MS'];
  return { ...result, ...extra };
}

function runStart(projectRoot: string, extraEnv: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'start.mjs')], {
    cwd: projectRoot,
    env: env(extraEnv),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A project folder with the real start script and a stand-in Electron package. */
function fakeProject(installer: string): string {
  const root = mkdtempSync(join(tmpdir(), 'authbox-start-'));
  folders.push(root);
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(repo, 'scripts', 'start.mjs'), join(root, 'scripts', 'start.mjs'));
  write(
    join(root, 'node_modules', 'electron', 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.5.0' }),
  );
  write(join(root, 'node_modules', 'electron', 'install.js'), installer);
  return root;
}

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const electronPresent = existsSync(join(repo, 'node_modules', 'electron', 'path.txt'));

describe('npm start', () => {
  it.skipIf(electronPresent)('on this machine prints one line pointing to npm run serve and exits 1', () => {
    const { status, output } = runStart(repo);
    expect(status).toBe(1);
    expect(output).toBe(`${UNAVAILABLE}\n`);
  });

  it('gives up on a download that hangs once the time limit passes', () => {
    const root = fakeProject('setInterval(() => {}, 1000);\n');
    const { status, output } = runStart(root, { AUTHBOX_ELECTRON_DOWNLOAD_TIMEOUT_MS: '300' });
    expect(status).toBe(1);
    expect(output).toBe(`${UNAVAILABLE}\n`);
  });

  it('keeps a failing download quiet: the one line is all it prints', () => {
    const root = fakeProject(
      "console.log('Downloading…'); console.error(new Error('getaddrinfo ENOTFOUND github.com').stack); process.exit(1);\n",
    );
    const { status, output } = runStart(root);
    expect(status).toBe(1);
    expect(output).toBe(`${UNAVAILABLE}\n`);
  });

  it('after a successful download builds, builds better-sqlite3 for Electron, then launches Electron on the project', () => {
    const root = fakeProject(
      [
        "const fs = require('fs'), path = require('path');",
        "const root = path.join(__dirname, '..', '..');",
        "fs.appendFileSync(path.join(root, 'steps.log'), 'download\\n');",
        "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });",
        'fs.writeFileSync(path.join(__dirname, \'dist\', \'electron\'), \'#!/bin/sh\\necho "launch $* RUN_AS_NODE=${ELECTRON_RUN_AS_NODE:-unset}" >> "$(dirname "$0")/../../../steps.log"\\nexit 7\\n\', { mode: 0o755 });',
        "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');",
      ].join('\n'),
    );
    write(
      join(root, 'package.json'),
      JSON.stringify({
        name: 'fake',
        private: true,
        scripts: { build: "node -e \"require('fs').appendFileSync('steps.log', 'build\\n')\"" },
      }),
    );
    write(
      join(root, 'scripts', 'electron-native.mjs'),
      "import { appendFileSync } from 'node:fs';\nappendFileSync(new URL('../steps.log', import.meta.url), 'electron-native\\n');\n",
    );

    const { status } = runStart(root, { ELECTRON_RUN_AS_NODE: '1' });
    expect(status).toBe(7);
    expect(readFileSync(join(root, 'steps.log'), 'utf8').split('\n').filter(Boolean)).toEqual([
      'download',
      'build',
      'electron-native',
      `launch ${root} RUN_AS_NODE=unset`,
    ]);
  });

  it('does not download again when the binary is there', () => {
    const root = fakeProject("require('fs').writeFileSync(require('path').join(__dirname, 'downloaded'), '');\n");
    write(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    write(join(root, 'node_modules', 'electron', 'dist', 'electron'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), 0o755);
    write(join(root, 'package.json'), JSON.stringify({ name: 'fake', private: true, scripts: { build: 'node -e 0' } }));
    write(join(root, 'scripts', 'electron-native.mjs'), '');
    const { status } = runStart(root);
    expect(status).toBe(0);
    expect(existsSync(join(root, 'node_modules', 'electron', 'downloaded'))).toBe(false);
  });
});
