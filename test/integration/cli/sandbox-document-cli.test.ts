/**
 * The sandbox document on the command line: `--config` with each example, `--demo`, `--ephemeral`,
 * a refused document stopping the start, and the `export` / `import` subcommands.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI, CliProcess, ROOT, buildCompiledCli } from './cli-process.js';

const TOKEN = 'cli-test-token-0123456789';
const ORIGIN_LINE = /^Authbox listening on (http:\/\/127\.0\.0\.1:\d+)$/;
const children: CliProcess[] = [];
const folders: string[] = [];

beforeAll(buildCompiledCli, 200_000);
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'authbox-doc-cli-'));
  folders.push(folder);
  return folder;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = new CliProcess(
    CLI,
    args,
    { ...process.env, XDG_CONFIG_HOME: tempFolder(), TMPDIR: env['TMPDIR'] ?? tmpdir(), ...env },
    ROOT,
  );
  children.push(child);
  return child;
}

async function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const cli = run(['--port', '0', '--admin-token', TOKEN, ...args], env);
  const [, origin] = await cli.waitForLine(ORIGIN_LINE);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${origin}${path}`, {
      ...init,
      headers: { authorization: `SSWS ${TOKEN}`, accept: 'application/json', 'content-type': 'application/json' },
    });
  return { cli, origin: origin!, api };
}

const example = (name: string) => join(ROOT, 'examples', name);

describe('--config', () => {
  for (const file of readdirSync(join(ROOT, 'examples')).filter((name) => name.endsWith('.json'))) {
    it(`starts with examples/${file}`, async () => {
      const doc = JSON.parse(readFileSync(example(file), 'utf8')) as {
        servers: { name: string }[];
        apps: { clientId: string }[];
      };
      const { api, origin } = await serve(['--data', tempFolder(), '--config', example(file)]);
      const servers = (await (await api('/api/v1/authorizationServers')).json()) as { name: string }[];
      // The document replaces the seed: its servers only.
      expect(servers.map((s) => s.name)).toEqual(doc.servers.map((s) => s.name));
      const apps = (await (await api('/api/v1/apps')).json()) as {
        credentials: { oauthClient: { client_id: string } };
        settings: { oauthClient: { redirect_uris: string[] } };
      }[];
      expect(apps.map((a) => a.credentials.oauthClient.client_id)).toEqual(doc.apps.map((a) => a.clientId));
      for (const uri of apps.flatMap((a) => a.settings.oauthClient.redirect_uris))
        expect(uri).not.toContain('${AUTHBOX_ORIGIN}');
      expect(JSON.stringify(apps)).not.toContain('AUTHBOX_ORIGIN');
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });
  }

  it('refuses a broken document with every fault before anything listens', async () => {
    const folder = tempFolder();
    const file = join(folder, 'broken.json');
    writeFileSync(file, JSON.stringify({ kind: 'authbox-sandbox', version: 1, servers: [{ audiences: [] }] }));
    const cli = run(['--port', '0', '--data', join(folder, 'data'), '--config', file]);
    expect(await cli.waitForExit()).toEqual({ code: 1, signal: null });
    expect(cli.stdoutLines).toEqual([]);
    expect(cli.stderrLines).toEqual([
      'authbox: the --config document is refused (2 faults):',
      '  $.servers[0].name: must be a string',
      '  $.servers[0].audiences: must name one audience',
    ]);
  });

  it('says so for a file that is missing or not JSON', async () => {
    const folder = tempFolder();
    const missing = run(['--port', '0', '--data', folder, '--config', join(folder, 'nope.json')]);
    expect((await missing.waitForExit()).code).toBe(1);
    expect(missing.stderrLines).toEqual([`authbox: cannot read ${join(folder, 'nope.json')} (ENOENT)`]);
    writeFileSync(join(folder, 'bad.json'), '{"kind":');
    const bad = run(['--port', '0', '--data', folder, '--config', join(folder, 'bad.json')]);
    expect((await bad.waitForExit()).code).toBe(1);
    expect(bad.stderrLines[0]).toMatch(/^authbox: .*bad\.json is not valid JSON: /);
  });

  it('refuses a folder that has data unless --reset is given', async () => {
    const data = tempFolder();
    const first = await serve(['--data', data]);
    expect((await first.cli.stop('SIGTERM')).code).toBe(0);
    const refused = run(['--port', '0', '--data', data, '--config', example('demo.json')]);
    expect((await refused.waitForExit()).code).toBe(1);
    expect(refused.stderrLines[0]).toMatch(/already has data; add --reset/);
    const { api } = await serve(['--data', data, '--config', example('demo.json'), '--reset']);
    const servers = (await (await api('/api/v1/authorizationServers')).json()) as { name: string }[];
    expect(servers.map((s) => s.name)).toEqual(['Pets API']);
  });
});

describe('--demo and --ephemeral', () => {
  it('--demo loads the demo once, beside the seed', async () => {
    const data = tempFolder();
    const first = await serve(['--data', data, '--demo']);
    const names = async (api: typeof first.api) =>
      ((await (await api('/api/v1/authorizationServers')).json()) as { name: string }[]).map((s) => s.name);
    expect(await names(first.api)).toEqual(['default', 'Pets API']);
    expect((await first.cli.stop('SIGTERM')).code).toBe(0);
    const again = await serve(['--data', data, '--demo']);
    expect(await names(again.api)).toEqual(['default', 'Pets API']);
  });

  it('--ephemeral leaves no folder behind', async () => {
    const scratch = tempFolder();
    const { cli, api } = await serve(['--ephemeral', '--demo'], { TMPDIR: scratch });
    expect(readdirSync(scratch).filter((name) => name.startsWith('authbox-ephemeral-'))).toHaveLength(1);
    expect((await api('/api/v1/users')).status).toBe(200);
    expect((await cli.stop('SIGTERM')).code).toBe(0);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('--ephemeral with --data is a usage error', async () => {
    const cli = run(['--ephemeral', '--data', tempFolder()]);
    expect((await cli.waitForExit()).code).toBe(2);
    expect(cli.stderrLines[0]).toBe('authbox: --ephemeral and --data exclude each other (see --help)');
  });
});

describe('export and import', () => {
  it('exports a data folder, imports it into another with --replace, and exports the same bytes', async () => {
    const data = tempFolder();
    const seeded = await serve(['--data', data, '--demo']);
    expect((await seeded.cli.stop('SIGTERM')).code).toBe(0);
    const out = join(tempFolder(), 'sandbox.json');
    const exported = run(['export', '--data', data, '--out', out]);
    expect((await exported.waitForExit()).code).toBe(0);
    const copy = tempFolder();
    const imported = run(['import', '--data', copy, '--replace', out]);
    expect((await imported.waitForExit()).code).toBe(0);
    expect(imported.stdoutLines[0]).toMatch(/^Imported into .* \(replace\): 2 servers, /);
    const again = run(['export', '--data', copy]);
    expect((await again.waitForExit()).code).toBe(0);
    expect(`${again.stdoutLines.join('\n')}\n`).toBe(readFileSync(out, 'utf8'));
  });

  it('prints every fault of a refused import and writes nothing', async () => {
    const data = tempFolder();
    const file = join(tempFolder(), 'dangling.json');
    const doc = JSON.parse(readFileSync(example('spa-and-api.json'), 'utf8'));
    doc.groups[0].members = ['00uNobody00000000001'];
    doc.apps[0].groups = [{ groupId: '00gNobody00000000001' }];
    writeFileSync(file, JSON.stringify(doc));
    const cli = run(['import', '--data', data, file]);
    expect((await cli.waitForExit()).code).toBe(1);
    expect(cli.stderrLines).toEqual([
      'authbox: the document is refused (2 faults):',
      "  $.apps[0].groups: no group with id '00gNobody00000000001' in the document or the sandbox",
      "  $.groups[0].members: no user with id '00uNobody00000000001' in the document or the sandbox",
    ]);
    const exported = run(['export', '--data', data]);
    expect((await exported.waitForExit()).code).toBe(0);
    expect(exported.stdoutLines.join('\n')).not.toContain('Notes');
  });

  it('refuses an unknown server, a missing folder and a wrong flag', async () => {
    const missing = run(['export', '--data', join(tempFolder(), 'none')]);
    expect((await missing.waitForExit()).code).toBe(1);
    expect(missing.stderrLines[0]).toMatch(/^authbox: no Authbox data in /);
    expect(existsSync(join(tempFolder(), 'none'))).toBe(false);
    const data = tempFolder();
    const seeded = await serve(['--data', data]);
    expect((await seeded.cli.stop('SIGTERM')).code).toBe(0);
    const unknown = run(['export', '--data', data, '--server', 'ausNope']);
    expect((await unknown.waitForExit()).code).toBe(1);
    expect(unknown.stderrLines[0]).toBe('authbox: Resource not found: ausNope (AuthorizationServer)');
    const wrong = run(['import', '--data', data, '--with-keys', 'x.json']);
    expect((await wrong.waitForExit()).code).toBe(2);
    expect(wrong.stderrLines[0]).toBe('authbox: --with-keys is not an import flag');
  });
});
