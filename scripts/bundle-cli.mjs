// `npm run build:main`, after tsc: the headless entry `dist/main/app/cli.js` becomes one file holding
// its code and its dependencies, so a start reads and links one module instead of about 400 ES
// modules and 200 CommonJS files (Node resolves, reads and compiles each one: most of the time to the
// ready line). better-sqlite3 stays outside (a native addon with its own loader). The file sits where
// tsc put it, so what it finds relative to itself (the UI in dist/renderer, examples/) is unchanged;
// the rest of dist/main (the Electron shell, tests that import modules) stays tsc's output.
// What only some requests need is imported with `import()` (the `/api` routes: `http/api-server.ts`):
// esbuild splits it into `cli-*.js` files beside cli.js (its code and what it alone uses), loaded on
// first use. The chunks of the previous build are removed first (their names carry a content hash).
// esbuild is a devDependency (pinned to the version tsx installs too).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

const outdir = join(root, 'dist/main/app');
for (const file of readdirSync(outdir)) {
  if (/^cli-.*\.js(\.map)?$/.test(file)) rmSync(join(outdir, file));
}

await build({
  entryPoints: [join(root, 'src-main/app/cli.ts')],
  outdir,
  // The chunks sit beside cli.js, so `import.meta.url` in any of them names the same folder.
  entryNames: '[name]',
  chunkNames: 'cli-[name]-[hash]',
  splitting: true,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  // The CommonJS dependencies (fastify) call require() for Node's own modules.
  banner: {
    js: "import { createRequire as authboxRequire } from 'node:module'; const require = authboxRequire(import.meta.url);",
  },
  // Class and function names stay as written (errors carry them into logs).
  keepNames: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
