#!/usr/bin/env node
/**
 * Headless entry: `npm run serve -- --host 127.0.0.1 --port 0 --data DIR --admin-token TOKEN`, and the
 * `export` / `import` subcommands of the sandbox document (sandbox-commands.ts).
 * Prints `Authbox listening on <origin>` and the UI address once ready; any start-up problem is
 * one line on stderr and exit code 1 (2 for a bad flag). SIGINT / SIGTERM close cleanly.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { StartError, createApp, isLoopback } from './create-app.js';
import type { AppOptions, RunningApp } from './create-app.js';
import { DEFAULT_PORT, defaultDataDir } from './paths.js';
import { traceStart } from './start-trace.js';

export const USAGE = `Usage: npm run serve -- [options]
  --host ADDRESS       address to listen on (default 127.0.0.1)
  --port N             port to listen on (default ${DEFAULT_PORT}; 0 picks a free port)
  --data DIR           data folder (default: ${defaultDataDir()})
  --admin-token-file FILE  read the management API token from FILE (its first line)
  --admin-token TOKEN  the token itself; other local users can see it in the process list, prefer the file
                       (default: $AUTHBOX_ADMIN_TOKEN, else one generated and kept in the data folder)
  --allow-remote       allow a --host that is not a loopback address
  --allow-shared-data  start even when other users can read the data folder or database
  --config FILE        start from this sandbox document (docs/sandbox-document.md) on an empty data folder
  --reset              with --config: replace what the data folder holds with the document
  --demo               load the demo (examples/demo.json) unless it is there already
  --ephemeral          use a temporary data folder, removed on exit (not with --data)
  --help               show this help

Also: npm run export -- --data DIR [--server ID] [--with-keys] [--out FILE]
      npm run import -- --data DIR [--replace] [--origin URL] FILE`;

export class UsageError extends Error {}

/** The start options, and what the CLI resolves itself (the --config file, the ephemeral folder). */
export interface CliOptions extends AppOptions {
  configFile?: string;
  reset?: boolean;
  ephemeral?: boolean;
}

export function parseCli(argv: string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'admin-token': { type: 'string' },
        'admin-token-file': { type: 'string' },
        'allow-remote': { type: 'boolean' },
        'allow-shared-data': { type: 'boolean' },
        config: { type: 'string' },
        reset: { type: 'boolean' },
        demo: { type: 'boolean' },
        ephemeral: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // Node's message spans lines (e.g. how to pass a value starting with '-'); keep it on one.
    throw new UsageError((error as Error).message.split('\n').filter(Boolean).join(' '));
  }
  if (values.help) return 'help';
  if (values.ephemeral && values.data !== undefined) throw new UsageError('--ephemeral and --data exclude each other');
  if (values.reset && values.config === undefined) throw new UsageError('--reset needs --config');
  const options: CliOptions = { dataDir: values.data ?? defaultDataDir(env) };
  if (values.data === '') throw new UsageError('--data needs a folder');
  if (values.ephemeral) options.ephemeral = true;
  if (values.demo) options.demo = true;
  if (values.config !== undefined) options.configFile = values.config;
  if (values.reset) options.reset = true;
  if (values.host !== undefined) {
    if (values.host.trim() === '') throw new UsageError('--host needs an address');
    options.host = values.host;
  }
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535)
      throw new UsageError(`--port must be a whole number from 0 to 65535, not '${values.port}'`);
    options.port = port;
  }
  // The command line first, then the file, then the environment.
  const token =
    values['admin-token'] ??
    (values['admin-token-file'] !== undefined ? readTokenFile(values['admin-token-file']) : env['AUTHBOX_ADMIN_TOKEN']);
  if (token !== undefined) {
    if (!/^[\x21-\x7e]{8,256}$/.test(token)) {
      throw new UsageError('--admin-token must be 8 to 256 printable characters without spaces');
    }
    options.adminToken = token;
  }
  if (values['allow-remote']) options.allowRemote = true;
  if (values['allow-shared-data']) options.allowSharedData = true;
  return options;
}

/** The token file's first line, without its line ending. */
function readTokenFile(file: string): string {
  if (file === '') throw new UsageError('--admin-token-file needs a file');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot read --admin-token-file ${file} (${reason})`);
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/** The command line of a process is readable by every local user (`ps`, /proc/<pid>/cmdline). */
export const TOKEN_ON_COMMAND_LINE_WARNING =
  'warning: --admin-token is visible to other local users in the process list; use --admin-token-file FILE or $AUTHBOX_ADMIN_TOKEN';

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // The sandbox document's modules are loaded by the commands and options that read or write one.
  if (argv[0] === 'export' || argv[0] === 'import')
    return (await import('./sandbox-commands.js')).runDocumentCommand(argv[0], argv.slice(1), env);
  let options;
  try {
    options = parseCli(argv, env);
  } catch (error) {
    process.stderr.write(`authbox: ${(error as Error).message} (see --help)\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let app: RunningApp;
  const { configFile, reset, ephemeral, ...appOptions } = options;
  const scratch = ephemeral ? mkdtempSync(join(tmpdir(), 'authbox-ephemeral-')) : undefined;
  const removeScratch = () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const config =
      configFile === undefined
        ? undefined
        : { document: (await import('./sandbox-commands.js')).readDocumentFile(configFile), reset: reset ?? false };
    app = await createApp({
      ...appOptions,
      ...(scratch ? { dataDir: scratch } : {}),
      ...(config ? { config } : {}),
      logError: (line) => process.stderr.write(`authbox: ${line}\n`),
    });
  } catch (error) {
    removeScratch();
    process.stderr.write(`authbox: ${error instanceof StartError ? error.message : (error as Error).message}\n`);
    return 1;
  }
  if (argv.some((arg) => arg === '--admin-token' || arg.startsWith('--admin-token='))) {
    process.stderr.write(`authbox: ${TOKEN_ON_COMMAND_LINE_WARNING}\n`);
  }
  if (options.host && !isLoopback(options.host)) {
    process.stderr.write(
      `authbox: warning: listening on ${options.host}; anyone who can reach it and knows the admin token can change this server\n`,
    );
  }
  // Handlers go in before the ready lines, so a signal sent as soon as they are read is caught.
  // A second signal while closing forces the exit.
  const stopped = new Promise<void>((done) => {
    let stopping = false;
    const stop = () => {
      if (stopping) {
        removeScratch();
        process.exit(130);
      }
      stopping = true;
      void app.close().then(() => {
        removeScratch();
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write(`Authbox listening on ${app.origin}\nOpen the UI: ${app.uiUrl}\n`);
  await stopped;
  process.stdout.write('Authbox stopped\n');
  return 0;
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  traceStart('modules loaded');
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`authbox: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
