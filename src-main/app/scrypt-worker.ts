/**
 * Password key derivation (scrypt) on one worker thread kept for the purpose, for every caller: a
 * sign-in's check awaits it (`scryptOnWorker`, off the event loop), a new password's hash waits for it
 * (`scryptOnWorkerSync`). Each derivation at N=2^14, r=8 needs a 16 MiB buffer, which glibc keeps in
 * the malloc arena of the thread that freed it (it raises its mmap threshold after the first free,
 * and a buffer served from mmap would cost its 4,096 page faults on every hash instead): on libuv's
 * thread pool every pool thread's arena kept one, so 400 sign-ins left the process 64 MiB larger, and
 * a password set on the main thread kept one more there. One thread keeps one. Derivations queue on
 * it in order; the worker starts with the first, never keeps the process alive, and stops after 10 s
 * without work, which gives its V8 heap back (the next derivation starts it again, in about 30 ms).
 */
import { scryptSync } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program (CommonJS, evaluated): derive, answer, next. A call that waits blocked
 * sends `shared`: the key is written there (after a 4-byte state: 1 done, 2 failed, then the key
 * length or the UTF-8 error's) and the waiting thread is woken with Atomics.notify.
 *
 * `{ stop: true }` ends the thread, and gives the scrypt buffer kept in its malloc arena back to the
 * system. glibc returns the free top of an arena only once it exceeds the trim threshold, which it
 * sets to twice the mmap threshold, and the first 16 MiB buffer freed raised that to 16 MiB
 * (mallopt(3), M_MMAP_THRESHOLD and M_TRIM_THRESHOLD): a free 16 MiB on top never reaches 32. So
 * after a derivation the thread takes three 12 MiB blocks (uninitialized, so no page of them is
 * touched; each under the mmap threshold, so from this arena, past the free buffer) and exits: they
 * and the buffer are freed together with the thread's heap, one free top of more than 32 MiB, which
 * glibc hands back. Stopped without them, a worker left its arena some 17 MiB larger for the rest of
 * the process's life. Other allocators (Electron's) just free them.
 */
const PROGRAM = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
let derived = false;
parentPort.on('message', ({ id, password, salt, keyLength, options, shared, stop }) => {
  if (stop) {
    let blocks = [];
    try {
      if (derived) blocks = [1, 2, 3].map(() => Buffer.allocUnsafeSlow(12 * 1024 * 1024));
    } catch {}
    parentPort.postMessage({ stopped: blocks.length });
    process.exit(0);
  }
  let key;
  let error;
  try {
    key = scryptSync(password, Buffer.from(salt), keyLength, options);
    derived = true;
  } catch (failure) {
    error = String(failure && failure.message);
  }
  if (!shared) return parentPort.postMessage(error === undefined ? { id, key } : { id, error });
  const state = new Int32Array(shared, 0, 2);
  const bytes = error === undefined ? key : Buffer.from(error).subarray(0, shared.byteLength - 8);
  new Uint8Array(shared, 8).set(bytes);
  state[1] = bytes.length;
  Atomics.store(state, 0, error === undefined ? 1 : 2);
  Atomics.notify(state, 0);
});
`;

interface Answer {
  id: number;
  key?: Uint8Array;
  error?: string;
  /** Sent as it stops: how many blocks it took to give its arena back (0 when it never derived). */
  stopped?: number;
}

export interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/**
 * The worker's V8 heap limits. Its program holds a few MiB (its bootstrap, one message at a time);
 * stating a maximum for the old generation, far above that, makes V8 size the new thread's heap
 * from it instead of from the machine's memory: the thread takes 9.5 MiB of resident memory instead
 * of 10.3 (measured here, three starts each). A worker that still ran out would fail its waiting
 * derivations with an error, and the next derivation starts a new one.
 */
export const SCRYPT_WORKER_RESOURCE_LIMITS = { maxOldGenerationSizeMb: 32 } as const;

/** A worker started ahead of a derivation (a sign-in page shown) waits this long for it, then stops. */
export const SCRYPT_WORKER_IDLE_MS = 10_000;
/**
 * A worker stops this long after its last derivation: it holds some 26 MiB (its V8 heap and the
 * scrypt buffer) for nothing meanwhile, and the next sign-in page starts it again ahead of its
 * derivation. Sign-ins in a row (a test suite's) keep it running.
 */
export const SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS = 2_000;

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve(key: Buffer): void; reject(error: Error): void }>();

function failAll(error: Error): void {
  for (const entry of waiting.values()) entry.reject(error);
  waiting.clear();
  worker = undefined;
}

/** Asks an idle worker to end itself (PROGRAM's `stop`), which gives its scrypt buffer back. */
function stop(idle: Worker): void {
  idle.postMessage({ stop: true });
}

/** Stops the worker once it has had no work for `idleMs`. */
function stopWhenIdle(idle: Worker, idleMs = SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker !== idle || waiting.size > 0) return;
    worker = undefined;
    stop(idle);
  }, idleMs);
  idleTimer.unref();
}

let lastStop: { blocks: number; exitCode?: number } | undefined;

/** How the last worker stopped: the blocks it took before exiting, its exit code (for tests). */
export const lastScryptWorkerStop = (): { blocks: number; exitCode?: number } | undefined => lastStop;

/** The heap limits the running worker's V8 applies, as its thread reports them (for tests). */
export const scryptWorkerResourceLimits = () => worker?.resourceLimits;

/** True while a worker thread is running (for tests of the idle stop). */
export const scryptWorkerRunning = (): boolean => worker !== undefined;

/** Stops an idle worker now (for tests that need it stopped); one with derivations waiting is kept. */
export function stopIdleScryptWorker(): void {
  if (!worker || waiting.size > 0) return;
  clearTimeout(idleTimer);
  stop(worker);
  worker = undefined;
}

/**
 * Starts the worker ahead of a derivation about to come (a sign-in page was shown), so that derivation
 * does not wait for the thread to start; without one, it stops when idle as after any.
 */
export function warmScryptWorker(): void {
  const thread = started();
  if (waiting.size === 0) stopWhenIdle(thread, SCRYPT_WORKER_IDLE_MS);
}

function started(): Worker {
  clearTimeout(idleTimer);
  if (worker) return worker;
  const created = new Worker(PROGRAM, { eval: true, resourceLimits: SCRYPT_WORKER_RESOURCE_LIMITS });
  created.unref();
  created.on('message', ({ id, key, error, stopped }: Answer) => {
    if (stopped !== undefined) {
      lastStop = { blocks: stopped };
      created.once('exit', (exitCode) => lastStop && (lastStop.exitCode = exitCode));
      return;
    }
    const entry = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) {
      created.unref();
      stopWhenIdle(created);
    }
    if (error !== undefined || !key) entry?.reject(new Error(error ?? 'scrypt failed'));
    else entry?.resolve(Buffer.from(key.buffer, key.byteOffset, key.byteLength));
  });
  // A worker stopped when idle has nothing waiting; one that failed takes its waiting calls with it.
  created.on('error', (error) => worker === created && failAll(error));
  created.on('exit', () => worker === created && failAll(new Error('the scrypt worker stopped')));
  worker = created;
  return created;
}

/**
 * How long a blocked caller waits for the worker before it derives the key itself. A derivation
 * takes some 30-100 ms; only a worker that could not start (no memory for a thread) waits this long.
 */
const SCRYPT_SYNC_TIMEOUT_MS = 10_000;
const SYNC_STATE_BYTES = 8;
const SYNC_ERROR_BYTES = 512;

/**
 * Whether this thread may block in Atomics.wait: Node's threads may, a host that forbids it (a
 * browser's main thread; Electron's main process may be one) throws a TypeError before comparing.
 */
function mayBlock(): boolean {
  try {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 1, 0);
    return true;
  } catch {
    return false;
  }
}
let blockingAllowed: boolean | undefined;

/**
 * scrypt of `password` (already normalized) with `salt`, computed on the worker thread while this
 * thread waits (as long as `scryptSync` here would take, without a second 16 MiB buffer in this
 * thread's arena). Where this thread may not block, or the worker does not answer, it is computed here.
 */
export function scryptOnWorkerSync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Buffer {
  blockingAllowed ??= mayBlock();
  if (!blockingAllowed) return scryptSync(password, salt, keyLength, options);
  const shared = new SharedArrayBuffer(SYNC_STATE_BYTES + Math.max(keyLength, SYNC_ERROR_BYTES));
  const state = new Int32Array(shared, 0, 2);
  const thread = started();
  thread.postMessage({ id: nextId++, password, salt, keyLength, options, shared });
  const woken = Atomics.wait(state, 0, 0, SCRYPT_SYNC_TIMEOUT_MS);
  if (waiting.size === 0 && worker === thread) stopWhenIdle(thread);
  if (woken === 'timed-out') return scryptSync(password, salt, keyLength, options);
  const bytes = Buffer.from(shared, SYNC_STATE_BYTES, state[1]!);
  if (Atomics.load(state, 0) === 2) throw new Error(bytes.toString() || 'scrypt failed');
  return Buffer.from(bytes);
}

/** scrypt of `password` (already normalized) with `salt`, computed on the worker thread. */
export function scryptOnWorker(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  const id = nextId++;
  const thread = started();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    // Referenced while a derivation is pending, so a caller awaiting it is not cut short at exit.
    thread.ref();
    thread.postMessage({ id, password, salt, keyLength, options });
  });
}
