import { describe, expect, it } from 'vitest';
import { GROUPS_CLAIM_LIMIT, groupClaimValue } from '../../../../src-main/core/protocol/group-claims.js';

const groups = ['Everyone', 'Engineering', 'Eng-Admins', 'West Coast', 'Sales'].map((name) => ({ name }));

describe('groupClaimValue (GROUPS claims, Okta "Authorization Server Claims" API)', () => {
  it.each([
    ['STARTS_WITH', 'eng', ['Engineering', 'Eng-Admins']],
    ['EQUALS', 'west coast', ['West Coast']],
    ['CONTAINS', 'AL', ['Sales']],
    ['REGEX', 'Eng.*', ['Engineering', 'Eng-Admins']],
    ['REGEX', '.*', ['Everyone', 'Engineering', 'Eng-Admins', 'West Coast', 'Sales']],
  ] as const)('%s %s matches in the order the groups come', (filter, pattern, expected) => {
    expect(groupClaimValue(filter, pattern, groups)).toEqual({ ok: true, value: expected });
  });

  it('is case-sensitive and whole-name for REGEX (Java matches)', () => {
    expect(groupClaimValue('REGEX', 'eng.*', groups)).toEqual({ ok: true, value: null });
    expect(groupClaimValue('REGEX', 'Coast', groups)).toEqual({ ok: true, value: null });
  });

  it('gives null (claim left out) when nothing matches', () => {
    expect(groupClaimValue('STARTS_WITH', 'Marketing', groups)).toEqual({ ok: true, value: null });
    expect(groupClaimValue('EQUALS', 'Eng', groups)).toEqual({ ok: true, value: null });
  });

  it(`allows ${GROUPS_CLAIM_LIMIT} matches and refuses one more`, () => {
    const many = Array.from({ length: GROUPS_CLAIM_LIMIT + 1 }, (_, i) => ({ name: `Team ${i}` }));
    const atLimit = groupClaimValue('STARTS_WITH', 'Team', many.slice(0, GROUPS_CLAIM_LIMIT));
    expect(atLimit.ok && atLimit.value?.length).toBe(GROUPS_CLAIM_LIMIT);
    expect(groupClaimValue('STARTS_WITH', 'Team', many)).toMatchObject({
      ok: false,
      tooMany: true,
      reason: expect.stringContaining('101 groups'),
    });
  });

  it('reports a REGEX that does not compile instead of throwing', () => {
    expect(groupClaimValue('REGEX', 'Eng(', groups)).toMatchObject({
      ok: false,
      tooMany: false,
      reason: expect.stringContaining('does not compile'),
    });
    expect(groupClaimValue('REGEX', 'Eng|West Coast', groups)).toEqual({ ok: true, value: ['West Coast'] });
    expect(groupClaimValue('REGEX', '(?i)eng.*', groups)).toEqual({ ok: true, value: ['Engineering', 'Eng-Admins'] });
  });
});
