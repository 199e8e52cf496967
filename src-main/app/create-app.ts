/**
 * Wiring: opens the store, builds the domain services and the HTTP server, listens.
 * Used by the headless CLI, the Electron shell and every integration test.
 */
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../core/ports/runtime.js';
import { markedSealer, PLAIN_SEALER } from '../core/secret-sealer.js';
import type { SecretCipher } from '../core/secret-sealer.js';
import type { HttpContext } from '../http/context.js';
import { allowedHosts } from '../http/host-check.js';
import { buildHttpServer } from '../http/server.js';
import { StoreError, openDatabase } from '../store/database.js';
import type { Db } from '../store/database.js';
import { FolderLocked, LOCK_FILE, lockFolder } from '../store/folder-lock.js';
import type { FolderLock } from '../store/folder-lock.js';
import { guardStorage } from '../store/storage-guard.js';
import { hasSealedSecrets } from '../store/sealed-secrets.js';
import { DataFolderError, createPrivateFile, prepareDatabaseFile, prepareDataFolder } from './data-folder.js';
import { nodeNativeBinding } from './native-binding.js';
import { nodeCrypto } from './node-crypto.js';
import { DATABASE_FILE, DEFAULT_PORT } from './paths.js';
import { isFirstStart, seedOnFirstStart } from './seed.js';
import { buildServices } from './services.js';
import type { Services } from './services.js';
import { traceStart } from './start-trace.js';

export interface AppOptions {
  dataDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Overrides the token kept in the data folder. */
  adminToken?: string;
  /** Required to listen on a non-loopback address. */
  allowRemote?: boolean;
  /** Start even when other users can read the data folder or database (`--allow-shared-data`). */
  allowSharedData?: boolean;
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
  /**
   * The OS keychain's cipher (the desktop app's `safeStorage`): private signing keys and client
   * secrets are then sealed with it in the database. Without it (headless) they are kept as they
   * are, protected by the data folder's permissions.
   */
  keychain?: SecretCipher;
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
  /** The open SQLite connection (tests simulate storage failures on it, e.g. a full disk). */
  readonly database: Db;
  close(): Promise<void>;
}

export type StartErrorCode = 'PORT_IN_USE' | 'DATA_DIR' | 'DATA_IN_USE' | 'DATABASE' | 'HOST' | 'CONFIG';

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

/** The data folder made ready (private, writable) without taking its lock, or a StartError with one line. */
export function prepareDataDir(dataDir: string, allowShared = false): void {
  try {
    prepareDataFolder(dataDir, { allowShared });
  } catch (error) {
    if (error instanceof DataFolderError) throw new StartError('DATA_DIR', error.message);
    throw new StartError('DATA_DIR', `cannot use the data folder ${dataDir} (${(error as Error).message})`);
  }
}

/** The data folder made ready and locked for this process, or a StartError with one line. */
function claimDataDir(dataDir: string, nativeBinding: string | undefined, options: AppOptions): FolderLock {
  const folder = { allowShared: options.allowSharedData ?? false };
  try {
    prepareDataFolder(dataDir, folder);
    createPrivateFile(join(dataDir, LOCK_FILE));
    const lock = lockFolder(dataDir, nativeBinding);
    try {
      prepareDatabaseFile(join(dataDir, DATABASE_FILE), folder);
    } catch (error) {
      lock.release();
      throw error;
    }
    return lock;
  } catch (error) {
    if (error instanceof FolderLocked) throw new StartError('DATA_IN_USE', error.message);
    if (error instanceof DataFolderError) throw new StartError('DATA_DIR', error.message);
    throw new StartError('DATA_DIR', `cannot use the data folder ${dataDir} (${(error as Error).message})`);
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

function recordStorageEvent(services: Services, detail: string): void {
  try {
    services.events.record({
      endpoint: 'storage',
      serverId: null,
      clientId: null,
      userId: null,
      grantType: null,
      outcome: 'failure',
      error: 'temporarily_unavailable',
      errorDescription: 'The storage failed; requests were answered 503 until it worked again.',
      detail,
      trace: null,
    });
  } catch {
    // Failed again: the next recovery records it.
  }
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
  await services.loadSandbox();
  const result = await services.sandbox.importDocument(config.document, { mode: 'replace', dryRun: true, origin });
  if (!result.ok) throw configRefused(result.faults);
}

async function applyConfig(services: Services, document: unknown, origin: string): Promise<void> {
  await services.loadSandbox();
  const result = await services.sandbox.importDocument(document, { mode: 'replace', origin });
  if (!result.ok) throw configRefused(result.faults);
}

async function loadDemoOnce(services: Services, origin: string): Promise<void> {
  await services.loadSandbox();
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
  traceStart('createApp');
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
  const nativeBinding = options.nativeBinding ?? nodeNativeBinding();
  const lock = claimDataDir(dataDir, nativeBinding, options);

  traceStart('data folder claimed');
  let db;
  try {
    db = openDatabase(join(dataDir, DATABASE_FILE), nativeBinding ? { nativeBinding } : {});
  } catch (error) {
    lock.release();
    if (error instanceof StoreError) throw new StartError('DATABASE', error.message);
    throw error;
  }

  if (!options.keychain && hasSealedSecrets(db)) {
    db.close();
    lock.release();
    throw new StartError(
      'DATABASE',
      `${dataDir} holds private keys, client secrets or Flow Runner runs encrypted with the desktop app's OS keychain; open it with the desktop app, or export the sandbox from there`,
    );
  }

  traceStart('database opened');
  const clock = options.clock ?? systemClock;
  const logError = options.logError ?? (() => undefined);
  const services: Services = buildServices(
    guardStorage(db, {
      onFailure: (code, message) =>
        logError(`storage failed (${code}: ${message}); answering 503 until it works again`),
      onRecovery: (since, failures) => {
        const line = `storage failed at ${since.toISOString()} and works again; ${failures} statements failed meanwhile and their requests were answered 503`;
        logError(line);
        // The event log lives in the same store: its event is written once the store works again.
        setImmediate(() => recordStorageEvent(services, line));
      },
    }),
    nodeCrypto,
    clock,
    options.keychain ? markedSealer(options.keychain) : PLAIN_SEALER,
  );
  const { settings } = services;
  const closeStore = () => {
    services.groupCommit.flush();
    db.close();
    lock.release();
  };
  traceStart('services built');
  const firstStart = isFirstStart(services);
  const provisionalOrigin = `http://${displayHost(host)}:${options.port ?? DEFAULT_PORT}`;
  // The seed waits for its keys while the HTTP server is built; the server listens only once it is done.
  const seeding = seedOnFirstStart(services);
  seeding.catch(() => undefined);
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
    // The address it listens on is always its own (`--host 127.0.0.2` answers for 127.0.0.2).
    allowedHosts: () => allowedHosts(port, isLoopback(host) ? [urlHost.replace(/^\[|\]$/g, '')] : remoteHosts(host)),
    uiRoot: options.uiRoot ?? defaultUiRoot(),
  };
  let http;
  try {
    http = await buildHttpServer(ctx, options.logError ? { logError: options.logError } : {});
  } catch (error) {
    await seeding.catch(() => undefined);
    closeStore();
    throw error;
  }
  traceStart('http server built');
  try {
    await seeding;
    traceStart('seeded');
    services.servers.ensureOrgServer();
    // Checked before anything listens, so a refused document never serves a half-made sandbox.
    if (options.config) await checkConfig(services, options.config, firstStart, provisionalOrigin);
  } catch (error) {
    await http.close();
    closeStore();
    throw error;
  }
  try {
    await http.listen({ host, port });
  } catch (error) {
    await http.close();
    closeStore();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartError(
        'PORT_IN_USE',
        `port ${port} on ${host} is already in use; choose another with --port (0 picks a free one)`,
      );
    }
    throw new StartError('HOST', `cannot listen on ${host}:${port} (${code ?? (error as Error).message})`);
  }
  traceStart('listening');
  const address = http.server.address();
  if (address && typeof address === 'object') port = address.port;
  const origin = `http://${urlHost}:${port}`;
  try {
    // Applied once the port is known: the documents' ${AUTHBOX_ORIGIN} becomes this origin.
    if (options.config) await applyConfig(services, options.config.document, origin);
    if (options.demo) await loadDemoOnce(services, origin);
  } catch (error) {
    await http.close();
    closeStore();
    throw error;
  }

  let closed = false;
  return {
    origin,
    port,
    adminToken,
    uiUrl: `${origin}/#token=${encodeURIComponent(adminToken)}`,
    services,
    database: db,
    async close() {
      if (closed) return;
      closed = true;
      await http.close();
      closeStore();
    },
  };
}
