import { describe, expect, it } from 'vitest';
import { scopeNameProblem, validateScope } from '../../../src-main/contracts/scope.js';
import { Refused } from '../../../src-main/core/errors.js';
import { parseScopeFilter } from '../../../src-main/core/scope-filter.js';

describe('scope name rules (Okta "Authorization Server Scopes" API)', () => {
  it.each([
    'orders:read',
    'api://orders/read',
    'a',
    'okta_like',
    'oktaish.read',
    'x<y',
    'x>y',
    '!#$%&()*+,-./09;=?@AZ[]^_`az{|}~',
  ])('accepts %s', (name) => {
    expect(scopeNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['orders read', 'printable ASCII'],
    ['tab\there', 'printable ASCII'],
    ['quote"d', 'printable ASCII'],
    ['back\\slash', 'printable ASCII'],
    ['é', 'printable ASCII'],
    ['okta', 'reserved'],
    ['*', 'reserved'],
    ['okta.users.read', "'okta.'"],
    ['okta:anything', "'okta:'"],
    ['<both>', 'not both'],
  ])('refuses %s', (name, problem) => {
    expect(scopeNameProblem(name)).toContain(problem);
  });

  it('applies Okta defaults and treats null as absent', () => {
    const result = validateScope({
      name: 'orders:read',
      consent: null,
      default: null,
      metadataPublish: null,
      description: '',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'orders:read',
        displayName: null,
        description: null,
        consent: 'IMPLICIT',
        default: false,
        metadataPublish: 'NO_CLIENTS',
        optional: false,
      },
    });
  });

  it('reports one issue per field', () => {
    const result = validateScope({ name: '*', consent: 'NEVER', metadataPublish: 1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.field)).toEqual(['name', 'consent', 'metadataPublish']);
  });
});

describe('scope filter', () => {
  it('reads eq terms on strings and booleans joined by and', () => {
    expect(parseScopeFilter('name eq "orders:read"')).toEqual([{ field: 'name', value: 'orders:read' }]);
    expect(parseScopeFilter('system eq FALSE and metadataPublish eq "ALL_CLIENTS"')).toEqual([
      { field: 'system', value: false },
      { field: 'metadataPublish', value: 'ALL_CLIENTS' },
    ]);
    expect(parseScopeFilter('')).toEqual([]);
  });

  it.each(['name sw "o"', 'name eq orders', 'system eq "true"', 'description eq "x"', 'name eq "a" or name eq "b"'])(
    'refuses %s with E0000031 naming filter',
    (filter) => {
      let error: unknown;
      try {
        parseScopeFilter(filter);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Refused);
      expect((error as Refused).oktaCode).toBe('E0000031');
      expect((error as Refused).issues[0]?.field).toBe('filter');
    },
  );
});
