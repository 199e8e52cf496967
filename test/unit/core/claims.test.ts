import { describe, expect, it } from 'vitest';
import { RESERVED_CLAIM_NAMES, validateClaim } from '../../../src-main/contracts/claim.js';
import { validateClaimValue } from '../../../src-main/core/claims.js';

const base = { name: 'department', claimType: 'RESOURCE', value: 'user.department' };

describe('validateClaim (Okta "Authorization Server Claims" API, "OpenID Connect & OAuth 2.0 API")', () => {
  it('applies defaults: ACTIVE, EXPRESSION, no conditions, always included', () => {
    expect(validateClaim(base)).toEqual({
      ok: true,
      value: {
        ...base,
        status: 'ACTIVE',
        valueType: 'EXPRESSION',
        group_filter_type: undefined,
        alwaysIncludeInToken: true,
        conditions: { scopes: [] },
      },
    });
  });

  it('forces alwaysIncludeInToken for RESOURCE claims and keeps false for IDENTITY ones', () => {
    const resource = validateClaim({ ...base, alwaysIncludeInToken: false });
    const identity = validateClaim({ ...base, claimType: 'IDENTITY', alwaysIncludeInToken: false });
    expect(resource.ok && resource.value.alwaysIncludeInToken).toBe(true);
    expect(identity.ok && identity.value.alwaysIncludeInToken).toBe(false);
  });

  it('removes duplicate condition scopes and accepts null group_filter_type on EXPRESSION', () => {
    const result = validateClaim({ ...base, group_filter_type: null, conditions: { scopes: ['a', 'a', 'b'] } });
    expect(result.ok && result.value.conditions.scopes).toEqual(['a', 'b']);
  });

  it('reserves aud and sub only for ID tokens', () => {
    expect(RESERVED_CLAIM_NAMES.RESOURCE).not.toContain('aud');
    expect(RESERVED_CLAIM_NAMES.RESOURCE).not.toContain('sub');
    expect(validateClaim({ ...base, claimType: 'IDENTITY', name: 'sub' })).toEqual({
      ok: false,
      issues: [{ field: 'name', message: "'sub' is a reserved claim name" }],
    });
    expect(validateClaim({ ...base, name: 'sub' }).ok).toBe(true);
  });

  it('ties group_filter_type to valueType GROUPS', () => {
    expect(validateClaim({ ...base, valueType: 'GROUPS' })).toMatchObject({
      ok: false,
      issues: [{ field: 'group_filter_type' }],
    });
    expect(validateClaim({ ...base, group_filter_type: 'REGEX' })).toMatchObject({
      ok: false,
      issues: [{ field: 'group_filter_type' }],
    });
    expect(validateClaim({ ...base, valueType: 'GROUPS', group_filter_type: 'REGEX' }).ok).toBe(true);
  });

  it('refuses writing valueType SYSTEM', () => {
    expect(validateClaim({ ...base, valueType: 'SYSTEM' })).toMatchObject({
      ok: false,
      issues: [{ field: 'valueType' }],
    });
  });
});

describe('validateClaimValue', () => {
  it('refuses a blank value', () => {
    expect(validateClaimValue({ value: '  ', valueType: 'EXPRESSION', group_filter_type: undefined })).toEqual({
      field: 'value',
      message: 'The field cannot be left blank',
    });
  });

  it('parses expressions and gives the fault with its column under value', () => {
    expect(
      validateClaimValue({ value: 'user.firstName', valueType: 'EXPRESSION', group_filter_type: undefined }),
    ).toBeUndefined();
    const issue = validateClaimValue({
      value: 'user.firstName +',
      valueType: 'EXPRESSION',
      group_filter_type: undefined,
    });
    expect(issue?.field).toBe('value');
    expect(issue?.message).toMatch(/column 1[67]/);
    expect(
      validateClaimValue({ value: 'String.reverse(user.login)', valueType: 'EXPRESSION', group_filter_type: undefined })
        ?.message,
    ).toMatch(/String\.reverse/);
  });

  it('leaves GROUPS filters other than REGEX as literal text', () => {
    expect(validateClaimValue({ value: 'user.(', valueType: 'GROUPS', group_filter_type: 'CONTAINS' })).toBeUndefined();
  });

  it('compiles REGEX group filters and names value when they do not compile', () => {
    expect(validateClaimValue({ value: '^Eng.*', valueType: 'GROUPS', group_filter_type: 'REGEX' })).toBeUndefined();
    expect(validateClaimValue({ value: '[Eng', valueType: 'GROUPS', group_filter_type: 'REGEX' })?.field).toBe('value');
    expect(
      validateClaimValue({ value: '[Eng', valueType: 'GROUPS', group_filter_type: 'STARTS_WITH' }),
    ).toBeUndefined();
  });
});
