/** The `filter` subset of GET /apps (Okta Apps API) and its E0000031 refusals. */
import { describe, expect, it } from 'vitest';
import { parseAppFilter } from '../../../src-main/core/app-filter.js';
import { Refused } from '../../../src-main/core/errors.js';

describe('parseAppFilter', () => {
  it('reads each supported term', () => {
    expect(parseAppFilter('status eq "ACTIVE"').query).toEqual({ status: 'ACTIVE' });
    expect(parseAppFilter('user.id eq "00u1"').query).toEqual({ userId: '00u1' });
    expect(parseAppFilter('group.id eq "00g1"').query).toEqual({ groupId: '00g1' });
    expect(parseAppFilter('credentials.signing.kid eq "k1"').query).toEqual({ signingKid: 'k1' });
  });

  it('joins terms with and', () => {
    expect(parseAppFilter('status eq "INACTIVE" and user.id eq "00u1"').query).toEqual({
      status: 'INACTIVE',
      userId: '00u1',
    });
  });

  it('matches nothing for a name other than oidc_client', () => {
    expect(parseAppFilter('name eq "oidc_client"')).toEqual({ query: {}, matchesNothing: false });
    expect(parseAppFilter('name eq "bookmark"').matchesNothing).toBe(true);
  });

  it('treats an empty filter as no filter', () => {
    expect(parseAppFilter(undefined)).toEqual({ query: {}, matchesNothing: false });
    expect(parseAppFilter('  ')).toEqual({ query: {}, matchesNothing: false });
  });

  it.each(['status sw "ACT"', 'label eq "x"', 'status eq ACTIVE', 'status eq "ACTIVE" or name eq "x"'])(
    'refuses %s with E0000031',
    (filter) => {
      const error = (() => {
        try {
          parseAppFilter(filter);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(Refused);
      expect((error as Refused).oktaCode).toBe('E0000031');
      expect((error as Refused).issues[0]!.field).toBe('filter');
    },
  );
});
