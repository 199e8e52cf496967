import { describe, expect, it } from 'vitest';
import type { ClaimTrace } from '../../../src-main/contracts/index.js';
import { customClaimNames, payloadLines } from '../../../src-renderer/features/preview/payload-lines.js';

const trace: ClaimTrace[] = [
  { name: 'sub', token: 'access_token', source: 'system', value: 'alice' },
  {
    name: 'department',
    token: 'access_token',
    source: 'claim ocl1 (RESOURCE EXPRESSION)',
    expression: 'user.department',
    value: 'Eng',
  },
  {
    name: 'title',
    token: 'access_token',
    source: 'claim ocl2 (RESOURCE EXPRESSION)',
    expression: 'user.title',
    omitted: 'the expression gave null',
  },
  { name: 'given', token: 'id_token', idToken: 'thin', source: 'claim ocl3 (IDENTITY EXPRESSION)', value: 'Alice' },
  { name: 'email', token: 'id_token', idToken: 'thin', source: 'scope email', value: 'a@x' },
  {
    name: 'nick',
    token: 'id_token',
    idToken: 'thin',
    source: 'claim ocl4 (IDENTITY EXPRESSION)',
    omitted: 'included only in /userinfo and ID tokens requested alone (alwaysIncludeInToken is false)',
  },
  { name: 'nick', token: 'id_token', idToken: 'full', source: 'claim ocl4 (IDENTITY EXPRESSION)', value: 'Al' },
];

describe('payload lines', () => {
  it('names the claims a custom claim gave a value to, per token', () => {
    expect([...customClaimNames(trace, 'access_token')]).toEqual(['department']);
    expect([...customClaimNames(trace, 'id_token')]).toEqual(['given', 'nick']);
    expect([...customClaimNames(trace, 'id_token', 'thin')]).toEqual(['given']);
    expect([...customClaimNames(trace, 'id_token', 'full')]).toEqual(['nick']);
    expect([...customClaimNames(trace, 'userinfo')]).toEqual([]);
  });

  it('prints each top-level claim as its JSON line, marking the custom ones', () => {
    const lines = payloadLines(
      { sub: 'alice', department: 'Eng', scp: ['openid', 'profile'] },
      new Set(['department']),
    );
    expect(lines).toEqual([
      { name: 'sub', text: '"sub": "alice"', custom: false },
      { name: 'department', text: '"department": "Eng"', custom: true },
      { name: 'scp', text: '"scp": [\n    "openid",\n    "profile"\n  ]', custom: false },
    ]);
  });

  it('prints the same JSON as JSON.stringify once braces and commas are added', () => {
    const payload = { a: 1, b: { c: [true, null] }, 'd"e': 'x' };
    const body = payloadLines(payload, new Set())
      .map((line) => `  ${line.text}`)
      .join(',\n');
    expect(`{\n${body}\n}`).toBe(JSON.stringify(payload, null, 2));
  });
});
