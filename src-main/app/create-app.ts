/**
 * Wiring: opens the store, builds the domain services and the HTTP server, listens.
 * Used by the headless CLI, the Electron shell and every integration test.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../core/ports/runtime.js';
import type { HttpContext } from '../http/context.js';
import { allowedHosts } from '../http/host-check.js';
import { buildHttpServer } from '../http/server.js';
import { StoreError, openDatabase } from '../store/database.js';
import { nodeCrypto } from './node-crypto.js';
import { DATABASE_FILE, DEFAULT_PORT } from './paths.js';
import { isFirstStart, seedOnFirstStart } from './seed.js';
import { buildServices } from './services.js';
import type { Services } from './services.js';

export interface AppOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Overrides the token kept in the data folder. */
  adminToken?: string;
  /** Required to listen on a non-loopback address. */
  allowRemote?: boolean;
  clock?: Clock;
  /** better_sqlite3.node for the running runtime (Electron); default: the Node build. */
  nativeBinding?: string;
  /** Folder of the built UI; default `dist/renderer` next to the compiled code. */
  uiRoot?: string;
  logError?: (line: string) => void;
  /**
   * A sandbox document to start from (`--config`): applied before the ready line, on a data folder
   * with no data yet, or replacing what it has with `reset`. A refused document stops the start.
   */
  config?: { document: unknown; reset?: boolean };
  /** Merge the demo (examples/demo.json) unless it is there already (`--demo`). */
  demo?: boolean;
}

export interface RunningApp {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  adminToken: string;
  /** The UI address with the admin token in the fragment. */
  uiUrl: string;
  /** The domain services the server runs on (tests record events and read state through them). */
  readonly services: Services;
  close(): Promise<void>;
}

export type StartErrorCode = 'PORT_IN_USE' | 'DATA_DIR' | 'DATABASE' | 'HOST' | 'CONFIG';

/** A start-up failure with one line for the user; never a stack trace. */
export class StartError extends Error {
  constructor(
    readonly code: StartErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StartError';
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const systemClock: Clock = { now: () => new Date() };
const ADMIN_TOKEN_SETTING = 'admin_token';

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

export function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartError('DATA_DIR', `cannot use the data folder ${dataDir} (${reason}); choose another with --data`);
  }
}

/** The host part of the origin printed and used for ORG_URL issuers. */
function displayHost(host: string): string {
  if (host === 'localhost' || host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Host names a remote client may use: the bound address, or every interface for 0.0.0.0 / ::. */
function remoteHosts(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

export function defaultUiRoot(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '../../renderer');
}

async function checkConfig(
  services: Services,
  config: NonNullable<AppOptions['config']>,
  firstStart: boolean,
  origin: string,
): Promise<void> {
  if (!firstStart && !config.reset) {
    throw new StartError(
      'CONFIG',
      'the data folder already has data; add --reset to replace it with the --config document, or choose an empty folder with --data',
    );
  }
  const result = await services.sandbox.importDocument(config.document, { mode: 'replace', dryRun: true, origin });
  if (!result.ok) throw configRefused(result.faults);
}

async function applyConfig(services: Services, document: unknown, origin: string): Promise<void> {
  const result = await services.sandbox.importDocument(document, { mode: 'replace', origin });
  if (!result.ok) throw configRefused(result.faults);
}

async function loadDemoOnce(services: Services, origin: string): Promise<void> {
  if (services.sandbox.hasDemo()) return;
  const result = await services.sandbox.loadDemo(origin);
  if (!result.ok) {
    throw new StartError('CONFIG', `the demo cannot be loaded into this data folder: ${faultLines(result.faults)}`);
  }
}

export const faultCount = (count: number) => `${count} ${count === 1 ? 'fault' : 'faults'}`;
const faultLines = (faults: { path: string; message: string }[]) =>
  faults.map((fault) => `${fault.path}: ${fault.message}`).join('; ');

function configRefused(faults: { path: string; message: string }[]): StartError {
  const lines = faults.map((fault) => `\n  ${fault.path}: ${fault.message}`).join('');
  return new StartError('CONFIG', `the --config document is refused (${faultCount(faults.length)}):${lines}`);
}

export async function createApp(options: AppOptions): Promise<RunningApp> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && !options.allowRemote) {
    throw new StartError(
      'HOST',
      `refusing to listen on ${host}, which is not a loopback address; add --allow-remote if you mean it`,
    );
  }
  if (host !== 'localhost' && !isIP(host))
    throw new StartError('HOST', `--host must be an IP address or localhost, not '${host}'`);
  const dataDir = resolve(options.dataDir);
  prepareDataDir(dataDir);

  let db;
  try {
    db = openDatabase(
      join(dataDir, DATABASE_FILE),
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
  } catch (error) {
    if (error instanceof StoreError) throw new StartError('DATABASE', error.message);
    throw error;
  }

  const clock = options.clock ?? systemClock;
  const services = buildServices(db, nodeCrypto, clock);
  const { settings } = services;
  const firstStart = isFirstStart(services);
  const provisionalOrigin = `http://${displayHost(host)}:${options.port ?? DEFAULT_PORT}`;
  try {
    await seedOnFirstStart(services);
    // Checked before anything listens, so a refused document never serves a half-made sandbox.
    if (options.config) await checkConfig(services, options.config, firstStart, provisionalOrigin);
  } catch (error) {
    db.close();
    throw error;
  }
  let adminToken = options.adminToken ?? settings.get(ADMIN_TOKEN_SETTING);
  if (!adminToken) {
    // Hex, so a generated token never starts with '-' (which a shell flag parser would misread).
    adminToken = randomBytes(24).toString('hex');
    settings.set(ADMIN_TOKEN_SETTING, adminToken);
  }

  let port = options.port ?? DEFAULT_PORT;
  const urlHost = displayHost(host);
  const ctx: HttpContext = {
    services,
    adminToken,
    origins: (request) => ({
      canonical: `http://${urlHost}:${port}`,
      request: `${request.protocol}://${request.host}`,
    }),
    allowedHosts: () => allowedHosts(port, isLoopback(host) ? [] : remoteHosts(host)),
    uiRoot: options.uiRoot ?? defaultUiRoot(),
  };
  const http = await buildHttpServer(ctx, options.logError ? { logError: options.logError } : {});
  try {
    await http.listen({ host, port });
  } catch (error) {
    await http.close();
    db.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartError(
        'PORT_IN_USE',
        `port ${port} on ${host} is already in use; choose another with --port (0 picks a free one)`,
      );
    }
    throw new StartError('HOST', `cannot listen on ${host}:${port} (${code ?? (error as Error).message})`);
  }
  const address = http.server.address();
  if (address && typeof address === 'object') port = address.port;
  const origin = `http://${urlHost}:${port}`;
  try {
    // Applied once the port is known: the documents' ${AUTHBOX_ORIGIN} becomes this origin.
    if (options.config) await applyConfig(services, options.config.document, origin);
    if (options.demo) await loadDemoOnce(services, origin);
  } catch (error) {
    await http.close();
    db.close();
    throw error;
  }

  let closed = false;
  return {
    origin,
    port,
    adminToken,
    uiUrl: `${origin}/#token=${encodeURIComponent(adminToken)}`,
    services,
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      db.close();
    },
  };
}
