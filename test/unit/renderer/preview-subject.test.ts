import { describe, expect, it } from 'vitest';
import {
  emptySubject,
  subjectProblemsOf,
  toPreviewSubject,
} from '../../../src-renderer/features/preview/preview-subject.js';
import { validationError } from './fake-api.js';

describe('preview subject', () => {
  it('sends no user as null and the scopes as a list, whatever the spacing', () => {
    expect(toPreviewSubject({ userId: '', appId: '0oa1', scopes: '  openid\tprofile  email ' })).toEqual({
      userId: null,
      appId: '0oa1',
      scopes: ['openid', 'profile', 'email'],
    });
    expect(toPreviewSubject({ ...emptySubject(), userId: '00u1' })).toEqual({
      userId: '00u1',
      appId: '',
      scopes: ['openid'],
    });
  });

  it('puts the API’s causes under the app, user and scopes fields', () => {
    const problems = subjectProblemsOf(
      validationError([
        'appId: The field cannot be left blank',
        "scopes: 'x' is not a scope of this authorization server",
      ]),
    );
    expect(problems).toEqual({
      fieldErrors: {
        appId: 'The field cannot be left blank',
        scopes: "'x' is not a scope of this authorization server",
      },
      formError: null,
    });
  });
});
