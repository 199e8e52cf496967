// `npm run serve -- …`: builds first when the compiled output is missing or older than the sources,
// then runs the headless CLI with the given flags.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const outputs = [join(root, 'dist/main/app/cli.js'), join(root, 'dist/renderer/index.html')];
const built = outputs.every((file) => existsSync(file)) ? Math.min(...outputs.map((file) => statSync(file).mtimeMs)) : 0;
const sources = Math.max(newest(join(root, 'src-main')), newest(join(root, 'src-renderer')));
if (built < sources) {
  process.stderr.write('authbox: building…\n');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { main } = await import(join(root, 'dist/main/app/cli.js'));
process.exit(await main(process.argv.slice(2)));
