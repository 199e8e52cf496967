import { describe, expect, it } from 'vitest';
import { PREVIEW_GRANT_TYPES } from '../../../src-main/contracts/index.js';
import { GRANT_TYPE_OPTIONS } from '../../../src-renderer/features/preview/grant-type-words.js';
import {
  toClaimsPreviewRequest,
  tokenPreviewDraftOf,
  tokenPreviewProblemsOf,
} from '../../../src-renderer/features/preview/token-preview-draft.js';
import { validationError } from './fake-api.js';

describe('Token Preview draft', () => {
  it('offers Any first, then every grant the preview API takes, in Okta’s words', () => {
    expect(GRANT_TYPE_OPTIONS).toEqual([
      { value: '', label: 'Any (skip policy evaluation)' },
      { value: 'authorization_code', label: 'Authorization Code' },
      { value: 'implicit', label: 'Implicit' },
      { value: 'password', label: 'Resource Owner Password' },
      { value: 'client_credentials', label: 'Client Credentials' },
      { value: 'urn:ietf:params:oauth:grant-type:device_code', label: 'Device Authorization' },
    ]);
    expect(GRANT_TYPE_OPTIONS.slice(1).map((o) => o.value)).toEqual([...PREVIEW_GRANT_TYPES]);
  });

  it('starts empty with Any', () => {
    expect(tokenPreviewDraftOf(null)).toEqual({ userId: '', appId: '', scopes: 'openid', grantType: '' });
  });

  it('leaves grantType out for Any and sends the chosen one otherwise', () => {
    const any = toClaimsPreviewRequest({ userId: '', appId: '0oa1', scopes: 'openid  profile', grantType: '' });
    expect(any).toEqual({ userId: null, appId: '0oa1', scopes: ['openid', 'profile'] });
    expect(any).not.toHaveProperty('grantType');
    expect(
      toClaimsPreviewRequest({ userId: '00u1', appId: '0oa1', scopes: 'openid', grantType: 'authorization_code' }),
    ).toEqual({
      userId: '00u1',
      appId: '0oa1',
      scopes: ['openid'],
      grantType: 'authorization_code',
    });
  });

  it('fills the form again from the last request, grant type included', () => {
    const request = { userId: '00u1', appId: '0oa1', scopes: ['openid', 'profile'], grantType: 'password' as const };
    expect(tokenPreviewDraftOf(request)).toEqual({
      userId: '00u1',
      appId: '0oa1',
      scopes: 'openid profile',
      grantType: 'password',
    });
    expect(toClaimsPreviewRequest(tokenPreviewDraftOf(request))).toEqual(request);
    expect(tokenPreviewDraftOf({ userId: null, appId: '0oa1', scopes: [] })).toEqual({
      userId: '',
      appId: '0oa1',
      scopes: '',
      grantType: '',
    });
  });

  it('puts the API’s grantType and userId causes under their fields', () => {
    expect(
      tokenPreviewProblemsOf(
        validationError(['userId: must be left out for client_credentials (its tokens have no user)']),
      ),
    ).toEqual({
      fieldErrors: { userId: 'must be left out for client_credentials (its tokens have no user)' },
      formError: null,
    });
    const problems = tokenPreviewProblemsOf(
      validationError(['grantType: must be one of authorization_code, implicit', 'body: must be a JSON object']),
    );
    expect(problems.fieldErrors).toEqual({ grantType: 'must be one of authorization_code, implicit' });
    expect(problems.formError).toMatch(/body: must be a JSON object/);
  });
});
