/**
 * scripts/electron-native.mjs in throwaway project folders whose node-gyp and prebuild-install are
 * stand-ins that record how they were called: no network, no compiler, the real node_modules untouched.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

/** Records argv, cwd and npm_config_nodedir to calls.jsonl, then copies `output` to build/Release (or fails). */
function fakeTool(name: string, output: string | undefined): string {
  return [
    "const fs = require('fs'), path = require('path');",
    `const root = ${JSON.stringify('ROOT')};`,
    `fs.appendFileSync(path.join(root, 'calls.jsonl'), JSON.stringify({ tool: ${JSON.stringify(name)}, args: process.argv.slice(2), cwd: process.cwd(), nodedir: process.env.npm_config_nodedir ?? null }) + '\\n');`,
    output === undefined
      ? 'process.exit(1);'
      : `fs.mkdirSync('build/Release', { recursive: true }); fs.copyFileSync(${JSON.stringify(output)}, 'build/Release/better_sqlite3.node');`,
  ].join('\n');
}

interface Project {
  root: string;
  calls: () => { tool: string; args: string[]; cwd: string; nodedir: string | null }[];
  run: () => { status: number | null; output: string };
}

function fakeProject(options: { prebuiltAvailable?: boolean; compiled?: string } = {}): Project {
  const root = mkdtempSync(join(tmpdir(), 'authbox-native-'));
  folders.push(root);
  mkdirSync(join(root, 'scripts'));
  copyFileSync(join(repo, 'scripts', 'electron-native.mjs'), join(root, 'scripts', 'electron-native.mjs'));
  write(
    join(root, 'node_modules', 'electron', 'package.json'),
    JSON.stringify({ name: 'electron', version: '45.5.0' }),
  );
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  write(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  write(join(sqlite, 'binding.gyp'), '{}');
  write(join(sqlite, 'src', 'better_sqlite3.cpp'), '// source');
  write(join(sqlite, 'build', 'Release', 'better_sqlite3.node'), 'the Node build');
  write(join(root, 'electron-build.bin'), 'an Electron build');
  write(join(root, 'prebuilt.bin'), 'a prebuilt Electron build');
  const tool = (name: string, output: string | undefined) =>
    fakeTool(name, output).replace('"ROOT"', JSON.stringify(root));
  write(join(root, 'node_modules', 'prebuild-install', 'package.json'), JSON.stringify({ name: 'prebuild-install' }));
  write(
    join(root, 'node_modules', 'prebuild-install', 'bin.js'),
    tool('prebuild-install', options.prebuiltAvailable ? join(root, 'prebuilt.bin') : undefined),
  );
  write(join(root, 'node_modules', 'node-gyp', 'package.json'), JSON.stringify({ name: 'node-gyp' }));
  write(
    join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    tool('node-gyp', options.compiled ?? join(root, 'electron-build.bin')),
  );
  return {
    root,
    calls: () =>
      existsSync(join(root, 'calls.jsonl'))
        ? readFileSync(join(root, 'calls.jsonl'), 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line))
        : [],
    run: () => {
      // As under `npm start`: npm exports ~/.npmrc's nodedir=/usr to scripts.
      const env: NodeJS.ProcessEnv = { ...process.env, npm_config_nodedir: '/usr' };
      delete env['npm_execpath'];
      const result = spawnSync(process.execPath, [join(root, 'scripts', 'electron-native.mjs')], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
      return { status: result.status, output: `${result.stdout}${result.stderr}` };
    },
  };
}

const built = (root: string) =>
  join(root, 'build', 'electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('electron-native script', () => {
  it('compiles a copy for Electron against Electron headers, without nodedir, leaving the Node build alone', () => {
    const project = fakeProject();
    const { status, output } = project.run();
    expect(output).toContain('built build/electron-native/better-sqlite3/build/Release/better_sqlite3.node');
    expect(status).toBe(0);
    const copy = join(project.root, 'build', 'electron-native', 'better-sqlite3');
    const [prebuild, gyp] = project.calls();
    expect(prebuild).toMatchObject({ tool: 'prebuild-install', cwd: copy, nodedir: null });
    expect(prebuild!.args).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.5.0']));
    expect(gyp).toMatchObject({ tool: 'node-gyp', cwd: copy, nodedir: null });
    expect(gyp!.args).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--release',
        '--runtime=electron',
        '--target=45.5.0',
        '--dist-url=https://electronjs.org/headers',
      ]),
    );
    expect(readFileSync(built(project.root), 'utf8')).toBe('an Electron build');
    expect(
      readFileSync(
        join(project.root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
        'utf8',
      ),
    ).toBe('the Node build');
    expect(existsSync(join(copy, 'src', 'better_sqlite3.cpp'))).toBe(true);
  });

  it('uses a prebuilt Electron binary when one can be downloaded', () => {
    const project = fakeProject({ prebuiltAvailable: true });
    expect(project.run().status).toBe(0);
    expect(project.calls().map((call) => call.tool)).toEqual(['prebuild-install']);
    expect(readFileSync(built(project.root), 'utf8')).toBe('a prebuilt Electron build');
  });

  it('does nothing when the build is newer than the package and made for the installed Electron', () => {
    const project = fakeProject();
    expect(project.run().status).toBe(0);
    const callsAfterBuild = project.calls().length;
    const again = project.run();
    expect(again.status).toBe(0);
    expect(again.output).toContain('up to date');
    expect(project.calls()).toHaveLength(callsAfterBuild);
  });

  it('builds again when Electron was upgraded', () => {
    const project = fakeProject();
    expect(project.run().status).toBe(0);
    write(
      join(project.root, 'node_modules', 'electron', 'package.json'),
      JSON.stringify({ name: 'electron', version: '45.6.0' }),
    );
    expect(project.run().status).toBe(0);
    expect(
      project
        .calls()
        .filter((call) => call.tool === 'node-gyp')
        .map((call) => call.args.find((a) => a.startsWith('--target='))),
    ).toEqual(['--target=45.5.0', '--target=45.6.0']);
  });

  it('builds again when better-sqlite3 was reinstalled after the build', () => {
    const project = fakeProject();
    expect(project.run().status).toBe(0);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(project.root, 'node_modules', 'better-sqlite3', 'package.json'), later, later);
    expect(project.run().status).toBe(0);
    expect(project.calls().filter((call) => call.tool === 'node-gyp')).toHaveLength(2);
  });

  it('refuses a result built for Node instead of Electron (the nodedir trap)', () => {
    const nodeBuild = join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const project = fakeProject({ compiled: nodeBuild });
    const { status, output } = project.run();
    expect(status).toBe(1);
    expect(output).toContain('was made for Node, not Electron 45.5.0');
    expect(existsSync(built(project.root))).toBe(false);
  });
});
