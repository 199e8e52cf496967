import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { personName, profileProblemsOf, rowProblems } from '../../../src-renderer/state/person-draft.js';
import type { ProfileDraft } from '../../../src-renderer/state/person-draft.js';
import { userDto } from './fake-api.js';

const draft = (attributes: ProfileDraft['attributes']): ProfileDraft => ({
  firstName: 'John',
  lastName: 'Smith',
  login: 'john@example.com',
  email: 'john@example.com',
  attributes,
});

describe('person draft', () => {
  it('refuses attribute rows without a usable, unique name, or with JSON that does not parse', () => {
    expect(
      rowProblems(
        draft([
          { key: 0, name: ' ', value: 'x', json: false },
          { key: 1, name: 'first name', value: 'x', json: false },
          { key: 2, name: 'email', value: 'x', json: false },
          { key: 3, name: 'honorific', value: 'Commodore', json: false },
          { key: 4, name: 'honorific', value: 'Admiral', json: false },
          { key: 5, name: 'rank', value: '{3', json: true },
        ]),
      ),
    ).toEqual({
      'row:0:name': 'Enter the attribute’s name',
      'row:1:name': 'must start with a letter or _ and hold only letters, digits and _',
      'row:2:name': 'email is already set above',
      'row:4:name': 'honorific is already set above',
      'row:5:value': 'must be valid JSON',
    });
  });

  it('puts a cause on a custom attribute under that row’s value, and others beside the form', () => {
    const error = new ApiError(400, 'E0000001', 'Api validation failed: honorific', [
      { field: 'honorific', message: 'must be a string' },
      { field: 'login', message: 'The field cannot be left blank' },
      { field: 'managerId', message: 'must be a string' },
    ]);
    expect(profileProblemsOf(error, draft([{ key: 7, name: 'honorific', value: '', json: false }]))).toEqual({
      fieldErrors: { 'row:7:value': 'must be a string', login: 'The field cannot be left blank' },
      formError: 'Api validation failed: honorific (managerId: must be a string)',
    });
  });

  it('names a person by first and last name, or by username when both are blank', () => {
    const user = userDto('00u1', 'x@example.com');
    expect(personName(user)).toBe('x@example.com');
    expect(personName({ ...user, profile: { ...user.profile, firstName: 'Grace' } })).toBe('Grace');
    expect(personName({ ...user, profile: { ...user.profile, firstName: 'Grace', lastName: 'Hopper' } })).toBe(
      'Grace Hopper',
    );
  });
});
