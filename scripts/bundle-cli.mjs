// `npm run build:main`, after tsc: the headless entry `dist/main/app/cli.js` becomes one CommonJS
// bundle holding its code and its dependencies, `cli-bundle.cjs`, so a start reads one file instead of
// about 400 ES modules and 200 CommonJS files (Node resolves, reads and compiles each one), and
// cli.js becomes a small launcher (`cli-launcher.mjs`) that runs the bundle through V8's code cache
// (`code-cache.mjs`): compiling the bundle was the largest part of what remained. better-sqlite3's
// JavaScript is bundled too; its native addon is loaded from where npm built it, as before (see
// `sqliteAddonFinder`). What only some requests need is imported with
// `import()` (the `/api` routes: `http/api-server.ts`): in the bundle it is evaluated on first use.
// The files sit where tsc put cli.js, so what the code finds relative to itself (the UI in
// dist/renderer, examples/) is unchanged; the rest of dist/main (the Electron shell, tests that import
// modules) stays tsc's output. esbuild is a devDependency (pinned to the version tsx installs too).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from './build-if-stale.mjs';
import { CJS_WRAPPER_END, CJS_WRAPPER_START } from './code-cache.mjs';

const outdir = join(root, 'dist/main/app');
// Chunks of an earlier build that split the bundle (their names carried a hash).
for (const file of readdirSync(outdir)) {
  if (/^cli-.*\.js(\.map)?$/.test(file)) rmSync(join(outdir, file));
}

const bundle = join(outdir, 'cli-bundle.cjs');
// zod's `z.locales` holds the messages of every language it knows, some 390 kB of the bundle that a
// start would read and evaluate. Authbox keeps zod's default, English (which zod's schemas import
// themselves), and never picks another: in the bundle, `z.locales` holds English only.
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};
// fastify makes its JSON-schema validator and serializer compilers (ajv and fast-json-stringify, some
// 600 kB of the bundle) when an instance is created; Authbox's routes declare no fastify schemas, so
// they are only needed if one ever does. In the bundle, the compiler selectors fastify calls build the
// real compiler on its first use.
const lazyFastifyCompilers = {
  name: 'lazy-fastify-schema-compilers',
  setup(build) {
    build.onResolve({ filter: /^@fastify\/(ajv-compiler|fast-json-stringify-compiler)$/ }, (args) => {
      if (args.namespace === 'lazy-compiler') return undefined; // the selector's own require: the package
      if (!/[\\/]fastify[\\/]lib[\\/]schema-controller\.js$/.test(args.importer)) return undefined;
      return { path: args.path, namespace: 'lazy-compiler', pluginData: { resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'lazy-compiler' }, (args) => ({
      contents: `module.exports = function lazySelector(options) {
        let compile;
        return function (...args) {
          compile ??= require(${JSON.stringify(args.path)})(options);
          return compile.apply(this, args);
        };
      };`,
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
    }));
  },
};
// Modules a start loads only because a module it evaluates names them at its top: node:assert
// (fastify's plugin checks and find-my-way's route checks, which only call `assert(condition,
// message)`: the stand-in loads node:assert, its assertion error and colour helpers when a condition
// fails), semver (the fastify version a plugin asks for; no plugin Authbox registers at start asks),
// node:https, node:http2 and node:dns (fastify's server module uses them only for an HTTPS or HTTP/2
// server or a listen on a host name that resolves to several addresses, which the headless entry
// never asks for: some 300 page faults and 10 ms of a start), node:worker_threads (the scrypt worker,
// started on the first password hash), re2js (a large module that only a rule or claim using a
// regular expression needs: the expression language's `matches` and the REGEX group filters) and zod
// (the contracts' validators, whose schemas are built on first use, `contracts/lazy-schema.ts`: a
// start validates nothing, and evaluating zod itself was some 15-20 ms of it). In the bundle, each is
// loaded on its first use.
const LAZY_AT_FIRST_USE = [
  { module: 'node:assert', importer: /[\\/](fastify|find-my-way)[\\/]/, assertion: true },
  { module: 'semver', importer: /[\\/]fastify[\\/]lib[\\/]plugin-utils\.js$/ },
  ...['node:https', 'node:http2', 'node:dns'].map((module) => ({
    module,
    importer: /[\\/]fastify[\\/]lib[\\/]server\.js$/,
  })),
  { module: 'node:worker_threads', importer: /[\\/]app[\\/]scrypt-worker\.ts$/, esmExports: ['Worker'] },
  { module: 're2js', importer: /[\\/]expression[\\/]functions[\\/]regex\.ts$/, esmExports: ['RE2JS'] },
  // `esm`: the stand-in loads the package's ES build, as the `import` it stands in for did (zod's
  // CommonJS build is a second copy, with every language's messages).
  { module: 'zod', importer: /[\\/]src-main[\\/]contracts[\\/][^\\/]+\.ts$/, esmExports: ['z'], esm: true },
];
const lazyAtFirstUse = {
  name: 'lazy-at-first-use',
  setup(build) {
    for (const [index, entry] of LAZY_AT_FIRST_USE.entries()) {
      const filter = new RegExp(`^${entry.module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
      build.onResolve({ filter }, (args) => {
        if (args.namespace === 'lazy-at-first-use' || !entry.importer.test(args.importer)) return undefined;
        return { path: args.path, namespace: 'lazy-at-first-use', pluginData: { index, resolveDir: args.resolveDir } };
      });
    }
    build.onLoad({ filter: /.*/, namespace: 'lazy-at-first-use' }, async (args) => {
      const entry = LAZY_AT_FIRST_USE[args.pluginData.index];
      const { resolveDir } = args.pluginData;
      const target = entry.esm
        ? (await build.resolve(args.path, { kind: 'import-statement', resolveDir, namespace: 'lazy-at-first-use' }))
            .path
        : args.path;
      const real = `let loaded;\nconst real = () => (loaded ??= require(${JSON.stringify(target)}));\n`;
      // An ES module's named import reads the binding when it runs: each name is a stand-in that
      // constructs, calls and reads through to the real export (its static methods bound to it).
      const contents = entry.esmExports
        ? `${real}${entry.esmExports
            .map(
              (name) => `export const ${name} = new Proxy(function ${name}() {}, {
                construct: (_, args) => Reflect.construct(real().${name}, args),
                apply: (_, self, args) => Reflect.apply(real().${name}, self, args),
                get: (_, key) => {
                  const value = real().${name}[key];
                  return typeof value === 'function' ? value.bind(real().${name}) : value;
                },
              });`,
            )
            .join('\n')}`
        : `${real}module.exports = new Proxy(${entry.assertion ? '() => {}' : '{}'}, {
            ${entry.assertion ? 'apply: (_, self, args) => { if (!args[0]) Reflect.apply(real(), self, args); },' : ''}
            get: (_, key) => real()[key],
          });`;
      return { contents, loader: 'js', resolveDir: args.pluginData.resolveDir };
    });
  },
};
// find-my-way (fastify's router) compiles small functions with `new Function` for every method of
// every route it adds: the prefix test of each node of the method's tree, the route's params object,
// its constraint matcher. A protocol path serves 7 methods, so a start compiled the same source up to
// 7 times: a start made 881 of them, from 23 different sources. In the bundle, each source is
// compiled once and the function shared (they keep no state of their own: the matcher reads its
// storage through `this`).
const FIND_MY_WAY_COMPILED = /[\\/]find-my-way[\\/]lib[\\/](node|handler-storage)\.js$/;
const compiledOnce = {
  name: 'find-my-way-compiled-once',
  setup(build) {
    build.onLoad({ filter: FIND_MY_WAY_COMPILED }, async (args) => {
      const source = readFileSync(args.path, 'utf8');
      const uses = source.split('new Function(').length - 1;
      if (uses === 0) throw new Error(`${args.path} no longer calls new Function: update find-my-way-compiled-once`);
      const helper = `const compiledOnce = new Map();
function sharedFunction(...args) {
  const key = args.join('\\u0000');
  let compiled = compiledOnce.get(key);
  if (compiled === undefined) {
    compiled = new Function(...args); // eslint-disable-line
    compiledOnce.set(key, compiled);
  }
  return compiled;
}
`;
      // After the file's 'use strict' directive, which must stay its first statement.
      const body = source.replaceAll('new Function(', 'sharedFunction(');
      const directive = /^'use strict'\n/.exec(body)?.[0] ?? '';
      return { contents: directive + helper + body.slice(directive.length), loader: 'js' };
    });
  },
};
// better-sqlite3's JavaScript (13 CommonJS files) used to stay outside the bundle: a start resolved,
// read and compiled each one without a code cache, some 10 ms. Bundled, only its native addon is
// loaded at run time: by the path the server names (`app/native-binding.ts`), or else by the
// `bindings` package, which finds the addon under the package's own folder, as it did when it was
// called from there (from inside the bundle it would look under the bundle's).
const sqliteAddonFinder = {
  name: 'sqlite-addon-finder',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, (args) => {
      if (args.namespace === 'sqlite-addon-finder') return { path: 'bindings', external: true };
      if (!/[\\/]better-sqlite3[\\/]lib[\\/]database\.js$/.test(args.importer)) return undefined;
      return { path: 'bindings', namespace: 'sqlite-addon-finder', pluginData: { resolveDir: args.resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'sqlite-addon-finder' }, (args) => ({
      contents: `const { dirname } = require('node:path');
        module.exports = (name) => require('bindings')({
          bindings: name,
          module_root: dirname(require.resolve('better-sqlite3/package.json')),
        });`,
      loader: 'js',
      resolveDir: args.pluginData.resolveDir,
    }));
  },
};
await build({
  entryPoints: [join(root, 'src-main/app/cli.ts')],
  outfile: bundle,
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Resolved at run time by the addon finder, beside the bundle's `node_modules`.
  external: ['better-sqlite3/package.json'],
  plugins: [englishOnlyZodLocales, lazyFastifyCompilers, lazyAtFirstUse, compiledOnce, sqliteAddonFinder],
  // `import.meta.url` names cli.js, the entry beside the bundle, as it did before the bundle.
  define: { 'import.meta.url': 'authboxEntryUrl' },
  // The file is the function Node would wrap a CommonJS module in (`code-cache.mjs` compiles it as it
  // is): a start neither copies the 1.7 MB source into a wrapper nor has V8 flatten that copy.
  banner: {
    js: `${CJS_WRAPPER_START}var authboxEntryUrl = require('node:url').pathToFileURL(require('node:path').join(__dirname, 'cli.js')).href;`,
  },
  footer: { js: CJS_WRAPPER_END },
  // Class and function names stay as written (errors carry them into logs, `OAuthError` names its
  // subclasses by `new.target.name`); the rest is minified: 2.0 MB instead of 3.9 MB, which a start
  // reads, and compiles or reads from the code cache, in about 60 ms less. The linked source map
  // names the original lines (`node --enable-source-maps`).
  keepNames: true,
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  sourcemap: 'linked',
  // The licence comments of the bundled packages go to cli-bundle.cjs.LEGAL.txt: one of them holds a
  // non-ASCII letter, which made V8 keep the whole source as a two-byte string (3.4 MB, not 1.7).
  legalComments: 'external',
  logLevel: 'warning',
});

const hash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
await build({
  entryPoints: [join(root, 'scripts/cli-launcher.mjs')],
  outfile: join(outdir, 'cli.js'),
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // The code cache records the bundle's hash: a rebuilt bundle never runs an older build's cache.
  define: { AUTHBOX_BUNDLE_HASH: JSON.stringify(hash) },
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
