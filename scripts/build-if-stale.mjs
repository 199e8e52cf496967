// Builds when a compiled output is missing or older than the newest file of its sources
// (`npm run serve` and `npm run bench` start the compiled server, not the TypeScript).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Runs `npm run <script>` when any of `outputs` is missing or older than any file under `sources`. */
export function buildIfStale({ outputs, sources, script, label }) {
  const built = outputs.every((file) => existsSync(join(root, file)))
    ? Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs))
    : 0;
  if (built >= Math.max(...sources.map((dir) => newest(join(root, dir))))) return;
  process.stderr.write(`${label}: building…\n`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
