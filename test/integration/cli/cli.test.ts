/**
 * The headless CLI contract (DESIGN.md "Contracts other programs rely on"): the compiled
 * `dist/main/app/cli.js` run as a child process, on port 0 with a temporary data folder.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizationServerDto } from '../../../src-main/contracts/authorization-server.js';
import { CLI, CliProcess, ROOT, buildCompiledCli } from './cli-process.js';

const TOKEN = 'cli-test-token-0123456789';
const ORIGIN_LINE = /^Authbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/;
const STACK_LINE = /^\s+at /m;

const children: CliProcess[] = [];
const folders: string[] = [];
const blockers: Server[] = [];

beforeAll(buildCompiledCli, 200_000);

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
  await Promise.all(blockers.splice(0).map((server) => new Promise((done) => server.close(done))));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'authbox-cli-'));
  folders.push(folder);
  return folder;
}

/** The environment of a child: no inherited admin token, and a throwaway default data folder. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: tempFolder(), ...extra };
  if (!('AUTHBOX_ADMIN_TOKEN' in extra)) delete env['AUTHBOX_ADMIN_TOKEN'];
  return env;
}

function runCli(args: string[], env: NodeJS.ProcessEnv = childEnv()): CliProcess {
  const child = new CliProcess(CLI, args, env, ROOT);
  children.push(child);
  return child;
}

interface Started {
  cli: CliProcess;
  origin: string;
  port: number;
  token: string;
}

/** Starts the CLI and waits until it prints both ready lines. */
async function start(args: string[], env?: NodeJS.ProcessEnv): Promise<Started> {
  const cli = runCli(args, env);
  const [, origin, port] = await cli.waitForLine(ORIGIN_LINE);
  const [, token] = await cli.waitForLine(new RegExp(`^Open the UI: ${origin!.replace(/\./g, '\\.')}/#token=(\\S+)$`));
  return { cli, origin: origin!, port: Number(port), token: decodeURIComponent(token!) };
}

const serveArgs = (data: string, token: string | null = TOKEN) => [
  '--port',
  '0',
  '--data',
  data,
  ...(token ? ['--admin-token-file', tokenFile(token)] : []),
];

/** A private file holding `token`, as `--admin-token-file` reads it. */
function tokenFile(token: string): string {
  const file = join(tempFolder(), 'token');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return file;
}

async function getJson<T = Record<string, unknown>>(url: string, token?: string): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers['authorization'] = `SSWS ${token}`;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as T };
}

async function createAuthorizationServer(origin: string, token: string, name: string): Promise<AuthorizationServerDto> {
  const response = await fetch(`${origin}/api/v1/authorizationServers`, {
    method: 'POST',
    headers: { authorization: `SSWS ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ name, description: `${name} API`, audiences: [`api://${name}`] }),
    signal: AbortSignal.timeout(10_000),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as AuthorizationServerDto;
}

const kidsOf = async (origin: string, serverId: string) =>
  (await getJson<{ keys: { kid: string }[] }>(`${origin}/oauth2/${serverId}/v1/keys`)).body.keys.map((k) => k.kid);

/** A free port that is then held by another listener on 127.0.0.1. */
async function occupiedPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  return address.port;
}

/** Runs the CLI expecting it to refuse to start; returns its exit and its stderr lines. */
async function refusal(args: string[], env?: NodeJS.ProcessEnv) {
  const cli = runCli(args, env);
  const exit = await cli.waitForExit();
  expect(cli.stdoutLines.filter((line) => ORIGIN_LINE.test(line))).toEqual([]);
  expect(cli.stderr).not.toMatch(STACK_LINE);
  return { exit, lines: cli.stderrLines };
}

describe('headless CLI: start and serve', () => {
  it('prints the origin and the UI address with the admin token on a free port', async () => {
    const { cli, origin, port, token } = await start(serveArgs(tempFolder()));
    expect(port).toBeGreaterThan(0);
    expect(origin).toBe(`http://127.0.0.1:${port}`);
    expect(token).toBe(TOKEN);
    expect(cli.stdoutLines).toEqual([`Authbox listening on ${origin}`, `Open the UI: ${origin}/#token=${TOKEN}`]);
    expect(cli.stderr).toBe('');
  });

  it('serves the default server’s discovery document and keys', async () => {
    const { origin } = await start(serveArgs(tempFolder()));
    const discovery = await getJson(`${origin}/oauth2/default/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    expect(discovery.body).toMatchObject({
      issuer: `${origin}/oauth2/default`,
      jwks_uri: `${origin}/oauth2/default/v1/keys`,
      userinfo_endpoint: `${origin}/oauth2/default/v1/userinfo`,
    });
    const keys = await getJson<{ keys: unknown[] }>(`${origin}/oauth2/default/v1/keys`);
    expect(keys.status).toBe(200);
    expect(keys.body.keys).toHaveLength(2);
    for (const key of keys.body.keys) {
      expect(key).toEqual({
        kty: 'RSA',
        alg: 'RS256',
        kid: expect.any(String),
        use: 'sig',
        e: 'AQAB',
        n: expect.any(String),
      });
    }
  });

  it('serves the management API with the admin token', async () => {
    const { origin } = await start(serveArgs(tempFolder()));
    expect((await getJson(`${origin}/api/v1/authorizationServers/default`, TOKEN)).body).toMatchObject({
      id: 'default',
      audiences: ['api://default'],
      issuer: `${origin}/oauth2/default`,
    });
    expect((await getJson(`${origin}/api/v1/authorizationServers/default`, 'wrong-token-123')).status).toBe(401);
  });
});

describe('headless CLI: stop and restart', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 cleanly on %s', async (signal) => {
    const { cli } = await start(serveArgs(tempFolder()));
    expect(await cli.stop(signal)).toEqual({ code: 0, signal: null });
    expect(cli.stdoutLines[cli.stdoutLines.length - 1]).toBe('Authbox stopped');
    expect(cli.stderr).toBe('');
  });

  it('keeps servers and keys across a restart on the same folder', async () => {
    const data = tempFolder();
    const first = await start(serveArgs(data));
    const created = await createAuthorizationServer(first.origin, TOKEN, 'payments');
    const kids = await kidsOf(first.origin, created.id);
    const defaultKids = await kidsOf(first.origin, 'default');
    expect(kids).toHaveLength(2);
    expect(created.credentials.signing.kid).toBe(kids[0]);
    expect(await first.cli.stop('SIGTERM')).toEqual({ code: 0, signal: null });

    const second = await start(serveArgs(data));
    const again = await getJson<AuthorizationServerDto>(
      `${second.origin}/api/v1/authorizationServers/${created.id}`,
      TOKEN,
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: created.id, name: 'payments', audiences: ['api://payments'] });
    expect(again.body.credentials.signing.kid).toBe(kids[0]);
    expect(await kidsOf(second.origin, created.id)).toEqual(kids);
    expect(await kidsOf(second.origin, 'default')).toEqual(defaultKids);
    const list = await getJson<AuthorizationServerDto[]>(`${second.origin}/api/v1/authorizationServers`, TOKEN);
    expect(list.body.map((s) => s.id)).toEqual(['default', created.id]);
  });
});

describe('headless CLI: admin token', () => {
  it('generates a token on first start and reuses it on the next start of the same folder', async () => {
    const data = tempFolder();
    const first = await start(serveArgs(data, null));
    expect(first.token).toMatch(/^[\x21-\x7e]{8,256}$/);
    expect((await getJson(`${first.origin}/api/v1/authorizationServers/default`, first.token)).status).toBe(200);
    await first.cli.stop('SIGTERM');

    const second = await start(serveArgs(data, null));
    expect(second.token).toBe(first.token);
    expect((await getJson(`${second.origin}/api/v1/authorizationServers/default`, first.token)).status).toBe(200);
  });

  it('generates a different token for a different folder', async () => {
    const a = await start(serveArgs(tempFolder(), null));
    const b = await start(serveArgs(tempFolder(), null));
    expect(a.token).not.toBe(b.token);
  });

  it('uses AUTHBOX_ADMIN_TOKEN from the environment', async () => {
    const envToken = 'env-token-abcdefgh';
    const { origin, token } = await start(serveArgs(tempFolder(), null), childEnv({ AUTHBOX_ADMIN_TOKEN: envToken }));
    expect(token).toBe(envToken);
    expect((await getJson(`${origin}/api/v1/authorizationServers/default`, envToken)).status).toBe(200);
  });

  it('prefers --admin-token over AUTHBOX_ADMIN_TOKEN', async () => {
    const { token } = await start(serveArgs(tempFolder()), childEnv({ AUTHBOX_ADMIN_TOKEN: 'env-token-abcdefgh' }));
    expect(token).toBe(TOKEN);
  });
});

describe('headless CLI: bad flags', () => {
  // A usage error is exactly one `authbox:` line naming the problem and pointing to --help; exit code 2.
  it.each([
    ['an unknown flag', ['--bogus'], /^authbox: .*'--bogus'/],
    [
      'a port that is not a number',
      ['--port', 'abc'],
      /^authbox: --port must be a whole number from 0 to 65535, not 'abc' \(see --help\)$/,
    ],
    [
      'a port above 65535',
      ['--port', '70000'],
      /^authbox: --port must be a whole number from 0 to 65535, not '70000' \(see --help\)$/,
    ],
    ['a negative port', ['--port=-1'], /^authbox: --port .*'-1'/],
    [
      'a short admin token',
      ['--admin-token', 'short'],
      /^authbox: --admin-token must be 8 to 256 printable characters without spaces \(see --help\)$/,
    ],
    ['an admin token with a space', ['--admin-token', 'has a space 123'], /^authbox: --admin-token must be/],
    ['a positional argument', ['serve'], /^authbox: .*'serve'/],
    ['a flag without its value', ['--port'], /^authbox: .*'--port <value>' argument missing/],
    [
      'a token starting with a dash, with the fix in the same line',
      ['--admin-token', '-abcdefghij'],
      /^authbox: .*ambiguous.*'--admin-token=-XYZ'/,
    ],
    ['an empty data folder', ['--data', ''], /^authbox: --data needs a folder \(see --help\)$/],
  ])('refuses %s with one clear line', async (_what, flags, message) => {
    const { exit, lines } = await refusal([...serveArgs(tempFolder()), ...flags]);
    expect(exit).toEqual({ code: 2, signal: null });
    expect(lines[0]).toMatch(message);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ \(see --help\)$/);
  });

  it('refuses a short AUTHBOX_ADMIN_TOKEN', async () => {
    const { exit, lines } = await refusal(serveArgs(tempFolder(), null), childEnv({ AUTHBOX_ADMIN_TOKEN: 'short' }));
    expect(exit.code).toBe(2);
    expect(lines[0]).toMatch(/admin-token must be 8 to 256 printable characters/);
  });

  it('prints the usage on --help and exits 0', async () => {
    const cli = runCli(['--help']);
    expect(await cli.waitForExit()).toEqual({ code: 0, signal: null });
    expect(cli.stdoutLines[0]).toBe('Usage: npm run serve -- [options]');
    expect(cli.stdoutLines.join('\n')).toContain('--admin-token');
  });
});

describe('headless CLI: start-up problems are one line on stderr', () => {
  it('reports a port already in use', async () => {
    const port = await occupiedPort();
    const { exit, lines } = await refusal(['--port', String(port), '--data', tempFolder(), '--admin-token', TOKEN]);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^authbox: port ${port} on 127\\.0\\.0\\.1 is already in use`)),
    ]);
  });

  it('reports a data folder that cannot be created, naming it', async () => {
    const file = join(tempFolder(), 'a-file');
    writeFileSync(file, 'not a folder');
    const data = join(file, 'sub');
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([expect.stringContaining(`cannot use the data folder ${data}`)]);
  });

  it('reports a data folder that is a file, naming it', async () => {
    const file = join(tempFolder(), 'a-file');
    writeFileSync(file, 'not a folder');
    const { exit, lines } = await refusal(serveArgs(file));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([expect.stringContaining(`cannot use the data folder ${file}`)]);
  });

  it('reports a database path it cannot open, naming it', async () => {
    const data = tempFolder();
    mkdirSync(join(data, 'authbox.db'));
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([expect.stringContaining(`cannot open the database ${join(data, 'authbox.db')}`)]);
  });

  it('refuses a --host that is not an IP address with one line and no warning', async () => {
    const { exit, lines } = await refusal([...serveArgs(tempFolder()), '--host', 'example.com', '--allow-remote']);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual(["authbox: --host must be an IP address or localhost, not 'example.com'"]);
  });

  it('refuses a non-loopback --host without --allow-remote', async () => {
    const { exit, lines } = await refusal([...serveArgs(tempFolder()), '--host', '0.0.0.0']);
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([
      'authbox: refusing to listen on 0.0.0.0, which is not a loopback address; add --allow-remote if you mean it',
    ]);
  });

  it('starts on a non-loopback --host with --allow-remote and prints a warning', async () => {
    const { cli, origin } = await start([...serveArgs(tempFolder()), '--host', '0.0.0.0', '--allow-remote']);
    await cli.waitForStderr(/^authbox: warning: listening on 0\.0\.0\.0; /);
    expect(cli.stderrLines).toHaveLength(1);
    expect((await getJson(`${origin}/oauth2/default/.well-known/openid-configuration`)).status).toBe(200);
  });

  it('reports a damaged database', async () => {
    const data = tempFolder();
    const file = join(data, 'authbox.db');
    writeFileSync(file, 'garbage, not an SQLite file. '.repeat(100), { mode: 0o600 });
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([expect.stringMatching(/^authbox: .*damaged/)]);
    expect(lines[0]).toContain(file);
  });

  it('refuses a database written by a newer Authbox', async () => {
    const data = tempFolder();
    const db = new Database(join(data, 'authbox.db'));
    db.pragma('user_version = 9999');
    db.close();
    chmodSync(join(data, 'authbox.db'), 0o600);
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([expect.stringMatching(/^authbox: .*newer Authbox.*9999/)]);
  });
});

describe('headless CLI: secrets at rest and one process per data folder', () => {
  const modeOf = (path: string) => statSync(path).mode & 0o777;

  it('creates the data folder 0700 and every file in it 0600', async () => {
    const data = join(tempFolder(), 'nested', 'data');
    const { origin } = await start(serveArgs(data));
    // A write, so the WAL and shared-memory files exist.
    await createAuthorizationServer(origin, TOKEN, 'perms');
    expect(modeOf(data)).toBe(0o700);
    expect(modeOf(join(data, '..'))).toBe(0o700);
    const files = readdirSync(data);
    expect(files).toEqual(expect.arrayContaining(['authbox.db', 'authbox.db-wal', 'authbox.db-shm', 'authbox.lock']));
    for (const file of files) expect([file, modeOf(join(data, file))]).toEqual([file, 0o600]);
  });

  it('refuses a data folder other users can read, naming the fix, unless --allow-shared-data', async () => {
    const data = tempFolder();
    chmodSync(data, 0o755);
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([
      `authbox: the data folder ${data} can be read by other users (mode 0755); run \`chmod 700 ${data}\`, or start with --allow-shared-data`,
    ]);
    const { origin } = await start([...serveArgs(data), '--allow-shared-data']);
    expect((await getJson(`${origin}/oauth2/default/v1/keys`)).status).toBe(200);
  });

  it('refuses a database file other users can read', async () => {
    const data = tempFolder();
    const first = await start(serveArgs(data));
    await first.cli.stop('SIGTERM');
    chmodSync(join(data, 'authbox.db'), 0o644);
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([
      expect.stringContaining(
        `the database file ${join(data, 'authbox.db')} can be read by other users (mode 0644); run \`chmod 600`,
      ),
    ]);
  });

  it('reads the admin token from --admin-token-file, and warns when it is given on the command line', async () => {
    const fromFile = await start(serveArgs(tempFolder()));
    expect(fromFile.token).toBe(TOKEN);
    expect(fromFile.cli.stderr).toBe('');
    const onLine = await start(['--port', '0', '--data', tempFolder(), '--admin-token', TOKEN]);
    await onLine.cli.waitForStderr(/^authbox: warning: --admin-token is visible to other local users/);
    expect((await getJson(`${onLine.origin}/api/v1/authorizationServers/default`, TOKEN)).status).toBe(200);
  });

  it('refuses an unreadable --admin-token-file with one line', async () => {
    const missing = join(tempFolder(), 'no-such-file');
    const { exit, lines } = await refusal(['--port', '0', '--data', tempFolder(), '--admin-token-file', missing]);
    expect(exit).toEqual({ code: 2, signal: null });
    expect(lines).toEqual([`authbox: cannot read --admin-token-file ${missing} (ENOENT) (see --help)`]);
  });

  it('refuses a second process on the same data folder, naming the first one’s pid', async () => {
    const data = tempFolder();
    const first = await start(serveArgs(data));
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([
      `authbox: another Authbox (pid ${first.cli.pid}) is using ${data}; stop it first, or choose another folder with --data`,
    ]);
    // The lock goes with the process, however it ends.
    await first.cli.kill();
    const again = await start(serveArgs(data));
    expect((await getJson(`${again.origin}/oauth2/default/v1/keys`)).status).toBe(200);
  });

  it('lets exactly one of two simultaneous first starts on a fresh folder run', async () => {
    const data = join(tempFolder(), 'fresh');
    const a = runCli(serveArgs(data));
    const b = runCli(serveArgs(data));
    const outcome = (cli: CliProcess) =>
      cli.waitForLine(ORIGIN_LINE).then(
        () => 'running',
        () => 'refused',
      );
    const results = await Promise.all([outcome(a), outcome(b)]);
    // Which one wins is up to the race; `sort` works on a copy so results[0] stays a's outcome.
    expect([...results].sort()).toEqual(['refused', 'running']);
    const refused = results[0] === 'refused' ? a : b;
    expect(refused.stderrLines).toEqual([expect.stringMatching(/^authbox: another Authbox (\(pid \d+\) )?is using /)]);
  });

  it('refuses an unusable data folder under /proc with one line instead of hanging', async () => {
    const { exit, lines } = await refusal(serveArgs('/proc/authbox-nope'));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([expect.stringMatching(/^authbox: cannot use the data folder \/proc\/authbox-nope \(/)]);
  });

  it('refuses a database damaged in the middle with one line (quick_check at start)', async () => {
    const data = tempFolder();
    const first = await start(serveArgs(data));
    for (let i = 0; i < 5; i += 1) await createAuthorizationServer(first.origin, TOKEN, `filler${i}`);
    await first.cli.stop('SIGTERM');
    const file = join(data, 'authbox.db');
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(4096), 0, 4096, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const { exit, lines } = await refusal(serveArgs(data));
    expect(exit).toEqual({ code: 1, signal: null });
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^authbox: the database ${file.replace(/[.]/g, '\\.')} is damaged`)),
    ]);
  });
});
