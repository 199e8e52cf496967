/**
 * Preloaded (`NODE_OPTIONS=--import …`) into the built headless server by
 * `test/integration/cli/young-generation.test.ts`. On SIGUSR2, once every worker thread started so far
 * runs, it allocates objects of which a part survives each scavenge (what makes V8 grow the young
 * generation) and prints V8's new space size before and after, in bytes, to stderr, numbering its answers.
 */
import { getHeapSpaceStatistics } from 'node:v8';

const workersOnline = [];
process.on('worker', (worker) => workersOnline.push(new Promise((resolve) => worker.once('online', resolve))));

const newSpaceSize = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;

function allocate() {
  const kept = [];
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < 200_000; i++) {
      const object = { index: i, text: `object ${i}`, pair: [i, i] };
      if (i % 50 === 0) kept.push(object);
    }
    if (kept.length > 50_000) kept.splice(0, 25_000);
  }
  return kept.length;
}

let answers = 0;
process.on('SIGUSR2', () => {
  // After the 'online' listeners the server registered (they run after this file's, in order).
  void Promise.all(workersOnline).then(() =>
    setImmediate(() => {
      const before = newSpaceSize();
      allocate();
      answers += 1;
      const sizes = `before ${before} after ${newSpaceSize()}`;
      process.stderr.write(`young generation ${answers}: ${sizes} workers ${workersOnline.length}\n`);
    }),
  );
});
