/**
 * V8 heap settings of the process that runs the server, set at run time (the headless launcher
 * `scripts/cli-launcher.mjs` before it compiles the bundle, the Electron entry as it starts): users
 * start `authbox` or the app, so no command-line flag of ours reaches V8.
 *
 * - The old generation may grow to 1.5 times what its last full collection kept
 *   (`--heap-growing-percent=50`) instead of V8's up to 4 times on a machine with much memory.
 * - The young generation doubles from 1 MiB per semi-space (V8's default) up to 4 MiB, then stops
 *   (`--semi-space-growth-factor=1` while it is there) instead of growing up to 16: the server's
 *   objects live for one request, so larger semi-spaces mainly cost memory, while 1 MiB ones made
 *   scavenges several times as frequent.
 *
 * V8 raises the growth factor back to at least 2 for the whole process whenever it configures a new
 * isolate's heap (`Heap::ConfigureHeap`, src/heap/heap.cc), as for the scrypt worker thread: the stop
 * is set again once each worker runs ('online' comes after its isolate is configured).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Flags of every start: a code cache is made, and accepted by V8, under the same flags only. */
export const START_FLAGS = '--heap-growing-percent=50 --semi-space-growth-factor=2';
const GROW = '--semi-space-growth-factor=2';
const STOP_GROWING = '--semi-space-growth-factor=1';
/** The young generation's two semi-spaces together, at most (4 MiB each). */
export const YOUNG_GENERATION_CAP = 8 * 1024 * 1024;

let stopped = false;
let watching = false;

const youngGeneration = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * After each collection: growth stopped at the cap, allowed below it (V8 shrinks the young generation
 * again while little is allocated, and it may grow back up to the cap under the next load).
 */
function capYoungGeneration(): void {
  const stop = youngGeneration() >= YOUNG_GENERATION_CAP;
  if (stop === stopped) return;
  stopped = stop;
  setFlagsFromString(stop ? STOP_GROWING : GROW);
}

/** Sets the start's flags and keeps the young generation's growth within its cap. */
export function setMemoryFlags(): void {
  setFlagsFromString(START_FLAGS);
  if (watching) return;
  watching = true;
  new PerformanceObserver(capYoungGeneration).observe({ entryTypes: ['gc'] });
  process.on('worker', (worker) => worker.once('online', () => stopped && setFlagsFromString(STOP_GROWING)));
}

/** Runs `make` under the start's flags (a code cache made there is accepted by the next start). */
export function underStartFlags<T>(make: () => T): T {
  setFlagsFromString(START_FLAGS);
  try {
    return make();
  } finally {
    if (stopped) setFlagsFromString(STOP_GROWING);
  }
}
