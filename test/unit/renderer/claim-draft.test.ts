import { describe, expect, it } from 'vitest';
import {
  claimDraftOf,
  claimProblemsOf,
  emptyClaimDraft,
  claimLeftOutReason,
  previewScopesOf,
  toClaimWrite,
} from '../../../src-renderer/state/claim-draft.js';
import { claimDto, validationError } from './fake-api.js';

describe('claim draft', () => {
  it('sends a new Access Token expression claim as Okta’s body, without group_filter_type', () => {
    expect(toClaimWrite({ ...emptyClaimDraft(), name: 'dept', value: 'user.department' })).toEqual({
      name: 'dept',
      status: 'ACTIVE',
      claimType: 'RESOURCE',
      valueType: 'EXPRESSION',
      value: 'user.department',
      alwaysIncludeInToken: true,
      conditions: { scopes: [] },
    });
  });

  it('sends group_filter_type, INACTIVE, the listed scopes and "Userinfo / ID token request" for an ID Token groups claim', () => {
    const write = toClaimWrite({
      ...emptyClaimDraft(),
      name: 'groups',
      claimType: 'IDENTITY',
      alwaysIncludeInToken: false,
      valueType: 'GROUPS',
      groupFilterType: 'REGEX',
      value: '.*',
      disabled: true,
      anyScope: false,
      scopes: ['profile'],
    });
    expect(write).toMatchObject({
      status: 'INACTIVE',
      claimType: 'IDENTITY',
      group_filter_type: 'REGEX',
      alwaysIncludeInToken: false,
      conditions: { scopes: ['profile'] },
    });
  });

  it('always includes access token claims and sends no scopes for "Any scope", whatever was picked before', () => {
    const write = toClaimWrite({
      ...emptyClaimDraft(),
      claimType: 'RESOURCE',
      alwaysIncludeInToken: false,
      anyScope: true,
      scopes: ['profile'],
    });
    expect(write.alwaysIncludeInToken).toBe(true);
    expect(write.conditions.scopes).toEqual([]);
  });

  it('round-trips a stored claim through the form', () => {
    const claim = claimDto('ocl1', {
      claimType: 'IDENTITY',
      valueType: 'GROUPS',
      group_filter_type: 'CONTAINS',
      value: 'Eng',
      alwaysIncludeInToken: false,
      status: 'INACTIVE',
      conditions: { scopes: ['openid'] },
    });
    const draft = claimDraftOf(claim);
    expect(draft).toMatchObject({ anyScope: false, scopes: ['openid'], disabled: true, groupFilterType: 'CONTAINS' });
    expect(toClaimWrite(draft)).toEqual({
      name: 'ocl1',
      status: 'INACTIVE',
      claimType: 'IDENTITY',
      valueType: 'GROUPS',
      value: 'Eng',
      group_filter_type: 'CONTAINS',
      alwaysIncludeInToken: false,
      conditions: { scopes: ['openid'] },
    });
  });

  it('previews with the condition scopes, else openid', () => {
    expect(previewScopesOf(emptyClaimDraft())).toBe('openid');
    expect(previewScopesOf({ ...emptyClaimDraft(), anyScope: false, scopes: [] })).toBe('openid');
    expect(previewScopesOf({ ...emptyClaimDraft(), anyScope: false, scopes: ['openid', 'profile'] })).toBe(
      'openid profile',
    );
  });

  it('puts each cause under the field it names (snake_case and nested ones too)', () => {
    const problems = claimProblemsOf(
      validationError([
        "value: expected an expression after '+' at column 16",
        'group_filter_type: must be one of STARTS_WITH, EQUALS, CONTAINS, REGEX',
        "conditions.scopes: no scope named 'x' exists on this authorization server",
        "name: 'sub' is a reserved claim name",
      ]),
    );
    expect(problems).toEqual({
      fieldErrors: {
        value: "expected an expression after '+' at column 16",
        groupFilterType: 'must be one of STARTS_WITH, EQUALS, CONTAINS, REGEX',
        scopes: "no scope named 'x' exists on this authorization server",
        name: "'sub' is a reserved claim name",
      },
      formError: null,
    });
  });

  it('keeps a cause no field shows in the form error', () => {
    expect(claimProblemsOf(validationError(['body: must be a JSON object'])).formError).toBe(
      'Api validation failed: body (body: must be a JSON object)',
    );
    expect(claimProblemsOf(validationError(['constructor: odd'])).fieldErrors).toEqual({});
  });

  it('says why a token for the granted scopes leaves the claim out, as the decision trace does', () => {
    const conditioned = { ...emptyClaimDraft(), anyScope: false, scopes: ['profile'] };
    expect(claimLeftOutReason(conditioned, ['openid'])).toBe('needs one of the scopes [profile]; granted [openid]');
    expect(claimLeftOutReason(conditioned, ['openid', 'profile'])).toBeNull();
    expect(claimLeftOutReason(emptyClaimDraft(), ['openid'])).toBeNull();
    expect(claimLeftOutReason({ ...emptyClaimDraft(), disabled: true }, ['openid'])).toBe('the claim is INACTIVE');
  });
});
