/**
 * A stand-in for the 'electron' module (the real one would try to download the Electron binary):
 * just enough of app, BrowserWindow, dialog, shell, Menu, ipcMain, contextBridge and ipcRenderer
 * to drive src-main/electron and record what it asked for. Use it through
 * `vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron())`.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** An Electron event: records preventDefault, carries the navigation URL when there is one. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;

export class FakeSession {
  requestHandler: PermissionRequestHandler | undefined;
  checkHandler: PermissionCheckHandler | undefined;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler;
  }
  /** What the request handler answers for `permission` asked by a page at `url`. */
  request(permission: string, url: string): boolean | undefined {
    let answer: boolean | undefined;
    this.requestHandler?.({}, permission, (granted) => (answer = granted), { requestingUrl: url });
    return answer;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits `name` with a fresh event, as Electron does, and returns it to see whether it was prevented. */
  fire(name: string, url = ''): FakeEvent {
    const event = new FakeEvent(url);
    this.emit(name, event, url);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** When set, loadURL rejects with it (a page that cannot load). */
  static loadError: Error | undefined;
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => {
    if (FakeBrowserWindow.loadError) throw FakeBrowserWindow.loadError;
  });
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  minimized = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null;
  }
}

/** Electron's app: paths, the single-instance lock, readiness, and quit events. */
export class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>([
    ['appData', '/fake/appData'],
    ['userData', '/fake/appData/authbox'],
    ['downloads', '/fake/Downloads'],
  ]);
  name = 'authbox';
  isPackaged = false;
  hasLock = true;
  quitCount = 0;
  /** Set when a quit went through (no will-quit handler prevented it). */
  quitted = false;
  readonly exit = vi.fn((_code?: number) => undefined);
  readonly setAboutPanelOptions = vi.fn();
  private resolveReady!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Fires 'ready' as Electron does once it has initialised. */
  becomeReady(): void {
    this.resolveReady();
    this.emit('ready');
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`fake app has no path '${name}'`);
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  setName(name: string): void {
    this.name = name;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getAppPath(): string {
    return '/fake/project';
  }
  /** Like Electron: before-quit, then will-quit; a handler may prevent the quit. */
  quit(): void {
    this.quitCount += 1;
    this.emit('before-quit', new FakeEvent());
    const willQuit = new FakeEvent();
    this.emit('will-quit', willQuit);
    if (!willQuit.defaultPrevented) this.quitted = true;
  }
}

/**
 * `safeStorage` with a stand-in cipher: the bytes reversed behind a marker, so a test can tell sealed
 * from plain and read it back. `available` and `backend` play a machine with or without a keychain.
 */
export class FakeSafeStorage {
  available = true;
  backend: 'basic_text' | 'gnome_libsecret' | 'kwallet5' | 'unknown' = 'gnome_libsecret';
  isEncryptionAvailable = vi.fn(() => this.available);
  getSelectedStorageBackend = vi.fn(() => this.backend);
  encryptString = vi.fn((plain: string) => Buffer.concat([Buffer.from('FAKE'), Buffer.from(plain, 'utf8').reverse()]));
  decryptString = vi.fn((sealed: Buffer) => {
    if (sealed.subarray(0, 4).toString() !== 'FAKE')
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(sealed.subarray(4)).reverse().toString('utf8');
  });
}

export function fakeElectron() {
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.loadError = undefined;
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    dialog: {
      showErrorBox: vi.fn((_title: string, _content: string) => undefined),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    },
    shell: { openExternal: vi.fn(async (_url: string) => undefined) },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, handler);
      }),
    },
    safeStorage: new FakeSafeStorage(),
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) },
  };
}

export type FakeElectron = ReturnType<typeof fakeElectron>;
