/**
 * Password key derivation (scrypt) off the event loop, on one worker thread kept for the purpose.
 * Each derivation at N=2^14, r=8 needs a 16 MiB buffer; on libuv's thread pool every pool thread's
 * malloc arena kept one (glibc raises its mmap threshold after the first free), so 400 sign-ins
 * left the process 64 MiB larger. One thread keeps one. Derivations queue on it in order; the worker
 * starts on the first sign-in, never keeps the process alive, and stops after 10 s without work, which
 * gives its buffer and its V8 heap back (the next sign-in starts it again, in about 30 ms).
 */
import { Worker } from 'node:worker_threads';

/** The worker's whole program (CommonJS, evaluated): derive, answer, next. */
const PROGRAM = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', ({ id, password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

interface Answer {
  id: number;
  key?: Uint8Array;
  error?: string;
}

export interface ScryptOptions {
  N: number;
  r: number;
  p: number;
  maxmem: number;
}

/** A worker without work for this long is stopped. */
export const SCRYPT_WORKER_IDLE_MS = 10_000;

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve(key: Buffer): void; reject(error: Error): void }>();

function failAll(error: Error): void {
  for (const entry of waiting.values()) entry.reject(error);
  waiting.clear();
  worker = undefined;
}

/** Stops the worker once it has had no work for SCRYPT_WORKER_IDLE_MS. */
function stopWhenIdle(idle: Worker): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker !== idle || waiting.size > 0) return;
    worker = undefined;
    void idle.terminate();
  }, SCRYPT_WORKER_IDLE_MS);
  idleTimer.unref();
}

/** True while a worker thread is running (for tests of the idle stop). */
export const scryptWorkerRunning = (): boolean => worker !== undefined;

function started(): Worker {
  clearTimeout(idleTimer);
  if (worker) return worker;
  const created = new Worker(PROGRAM, { eval: true });
  created.unref();
  created.on('message', ({ id, key, error }: Answer) => {
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
