// The Expression Language part of `npm run bench`: parse and evaluate throughput for a typical claim
// set (Okta "Expression Language overview" examples of every family: attributes, strings, groups, arrays, conditionals),
// in-process against the compiled engine, as the token endpoint runs it for each token.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './build-if-stale.mjs';

/** A typical server's claims: what people put in access and ID tokens. */
export const CLAIM_SET = [
  'user.firstName + " " + user.lastName',
  'String.substringBefore(user.email, "@")',
  'user.title ?: "n/a"',
  'user.department == "Engineering" AND !isMemberOfGroupName("Sales")',
  'Groups.startsWith("OKTA", "Eng", 10)',
  "user.getGroups({'group.profile.name': 'Eng'}).![name]",
  'Arrays.contains(access.scope, "orders:read") ? app.profile.tier : null',
  'String.replace(Arrays.toCsvString(access.scope), ",", " ")',
  '(appuser != null) ? appuser.userName : app.clientId',
  'Convert.toInt("41") + 1',
];

const groups = [
  'Everyone',
  'Engineering',
  'Eng-Admins',
  'West Coast',
  ...Array.from({ length: 16 }, (_, i) => `Team ${i}`),
];
const CONTEXT = {
  user: {
    id: '00uALICE000000000001',
    status: 'ACTIVE',
    profile: {
      login: 'alice@example.com',
      email: 'alice@example.com',
      firstName: 'Alice',
      lastName: 'Smith',
      department: 'Engineering',
      roles: ['admin', 'dev'],
    },
    groups: groups.map((name, i) => ({
      id: `00g${String(i).padStart(17, '0')}`,
      name,
      type: i === 0 ? 'BUILT_IN' : 'OKTA_GROUP',
    })),
  },
  appuser: { userName: 'alice@example.com' },
  app: { id: '0oaSPA0000000000001', clientId: '0oaSPA0000000000001', profile: { tier: 'gold' } },
  org: { name: 'Authbox', subDomain: 'sandbox' },
  scopes: ['openid', 'profile', 'email', 'orders:read'],
  now: new Date('2026-01-01T00:00:00Z'),
};

function timed(label, unit, iterations, work) {
  for (let i = 0; i < Math.min(2000, iterations / 10); i++) work();
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, unit, perSecond: iterations / seconds, microseconds: (seconds / iterations) * 1e6 };
}

/** Prints parse, evaluate and parse+evaluate throughput for CLAIM_SET. */
export async function benchExpressions() {
  const el = await import(pathToFileURL(join(root, 'dist/main/core/expression/index.js')).href);
  const compiled = CLAIM_SET.map((source) => {
    const parsed = el.parseExpression(source);
    if (!parsed.ok) throw new Error(`bench expression does not parse: ${source}: ${parsed.error.message}`);
    const value = el.evaluateExpression(parsed.expression, CONTEXT);
    if (!value.ok) throw new Error(`bench expression fails: ${source}: ${value.error.message}`);
    return parsed.expression;
  });
  const rows = [
    timed('parse the set', 'sets', 20_000, () => CLAIM_SET.forEach((source) => el.parseExpression(source))),
    timed('evaluate the parsed set', 'sets', 20_000, () =>
      compiled.forEach((expression) => el.evaluateExpression(expression, CONTEXT)),
    ),
    timed('parse + evaluate the set', 'sets', 20_000, () =>
      CLAIM_SET.forEach((source) => el.evaluateSource(source, CONTEXT)),
    ),
  ];
  console.log(
    `Expression Language: a typical claim set of ${CLAIM_SET.length} expressions (in-process, a user in ${groups.length} groups)`,
  );
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log(
    `${'operation'.padEnd(width)}  ${'sets/s'.padStart(8)}  ${'expressions/s'.padStart(13)}  ${'µs per set'.padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.label.padEnd(width)}  ${r.perSecond.toFixed(0).padStart(8)}  ${(r.perSecond * CLAIM_SET.length).toFixed(0).padStart(13)}  ${r.microseconds.toFixed(1).padStart(10)}`,
    );
  }
}
