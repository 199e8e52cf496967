// `npm test`: the one gate. Typecheck, lint, build, unit + integration (vitest), e2e (Playwright),
// then one closing line `N passed, N failed` summed over every suite (a failed check step counts
// as one failure). Every step runs even after a failure, so one run shows everything that is wrong.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
mkdirSync('reports', { recursive: true });

const run = (title, command, args) => {
  process.stdout.write(`\n▶ ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
};

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

let passed = 0;
let failed = 0;
const failures = [];

// The three checks read only the sources (the build writes dist/, which the others ignore), so they
// run at the same time; each one's output is printed whole, in this order, once all have ended.
const runQuietly = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });

const checks = [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['build', 'build'],
];
const results = await Promise.all(checks.map(([, script]) => runQuietly('npm', ['run', '--silent', script])));
checks.forEach(([title, script], index) => {
  const { ok, output } = results[index];
  process.stdout.write(`\n▶ ${title}\n${output}`);
  if (ok) {
    passed += 1;
    // The CLI tests run the compiled server; after a good build they need not compile it again.
    if (script === 'build') process.env['AUTHBOX_BUILT'] = '1';
  } else {
    failed += 1;
    failures.push(title);
  }
});

rmSync('reports/vitest.json', { force: true });
const vitestOk = run('unit and integration tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
const vitest = readJson('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  failed += 1;
  failures.push('vitest (did not finish)');
} else if (!vitestOk) failures.push('vitest');

rmSync('reports/playwright.json', { force: true });
const e2eOk = run('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test']);
const e2e = readJson('reports/playwright.json');
if (e2e?.stats) {
  passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
  failed += e2e.stats.unexpected;
}
if (!e2eOk && (!e2e?.stats || e2e.stats.unexpected === 0)) {
  failed += 1;
  failures.push('playwright (did not finish)');
} else if (!e2eOk) failures.push('playwright');

if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
