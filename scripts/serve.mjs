// `npm run serve -- …`: builds first when the compiled output is missing or older than the sources,
// then runs the headless CLI with the given flags.
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale({
  outputs: ['dist/main/app/cli.js', 'dist/renderer/index.html'],
  sources: ['src-main', 'src-renderer'],
  script: 'build',
  label: 'authbox',
});

const { main } = await import(join(root, 'dist/main/app/cli.js'));
process.exit(await main(process.argv.slice(2)));
