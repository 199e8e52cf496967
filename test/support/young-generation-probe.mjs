/**
 * Preloaded (`NODE_OPTIONS=--import …`) into the built headless server by
 * `test/integration/cli/v8-memory.test.ts`. On SIGUSR2, once every worker thread started so far runs,
 * it allocates objects of which a part survives each scavenge (what makes V8 grow the young
 * generation), one batch per turn of the event loop as a server's requests come, and prints to stderr,
 * numbering its answers: V8's new space size before and after, in bytes, the workers started, and
 * `v8.cachedDataVersionTag()` (a hash of V8's version and the flags in effect).
 */
import { cachedDataVersionTag, getHeapSpaceStatistics } from 'node:v8';

const workersOnline = [];
process.on('worker', (worker) => workersOnline.push(new Promise((resolve) => worker.once('online', resolve))));

const newSpaceSize = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

async function allocate() {
  const kept = [];
  for (let batch = 0; batch < 400; batch++) {
    for (let i = 0; i < 20_000; i++) {
      const object = { index: i, text: `object ${i}`, pair: [i, i] };
      if (i % 50 === 0) kept.push(object);
    }
    if (kept.length > 50_000) kept.splice(0, 25_000);
    await nextTurn();
  }
}

let answers = 0;
process.on('SIGUSR2', async () => {
  await Promise.all(workersOnline);
  // After the 'online' listeners the server registered (they run after this file's, in order).
  await nextTurn();
  const before = newSpaceSize();
  await allocate();
  answers += 1;
  const sizes = `before ${before} after ${newSpaceSize()}`;
  const tag = cachedDataVersionTag();
  process.stderr.write(`young generation ${answers}: ${sizes} workers ${workersOnline.length} tag ${tag}\n`);
});
