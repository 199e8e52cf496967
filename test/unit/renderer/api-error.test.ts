import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, toApiError } from '../../../src-renderer/api/api-error.js';

describe('apiErrorFrom', () => {
  it('reads an Okta validation error into a summary and field issues', () => {
    const error = apiErrorFrom(400, {
      errorCode: 'E0000001',
      errorSummary: 'Api validation failed: description, audiences',
      errorLink: 'E0000001',
      errorId: 'oae123',
      errorCauses: [
        { errorSummary: 'description: The field cannot be left blank' },
        { errorSummary: 'audiences: exactly one audience is supported' },
      ],
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('E0000001');
    expect(error.summary).toBe('Api validation failed: description, audiences');
    expect(error.issues).toEqual([
      { field: 'description', message: 'The field cannot be left blank' },
      { field: 'audiences', message: 'exactly one audience is supported' },
    ]);
    expect(error.isAuthFailure).toBe(false);
  });

  it('keeps a cause without a field as a message with an empty field', () => {
    const error = apiErrorFrom(400, {
      errorCode: 'E0000003',
      errorSummary: 'The request body was not well-formed.',
      errorCauses: [{ errorSummary: 'bad body' }],
    });
    expect(error.issues).toEqual([{ field: '', message: 'bad body' }]);
  });

  it('ignores malformed causes rather than failing', () => {
    const error = apiErrorFrom(400, {
      errorCode: 'E0000001',
      errorSummary: 'x',
      errorCauses: [null, 3, { errorSummary: 'name: bad' }],
    });
    expect(error.issues).toEqual([{ field: 'name', message: 'bad' }]);
  });

  it('treats 401 E0000011 and 403 E0000005 as token problems, other 403s as not', () => {
    expect(apiErrorFrom(401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' }).isAuthFailure).toBe(
      true,
    );
    expect(apiErrorFrom(403, { errorCode: 'E0000005', errorSummary: 'Invalid session' }).isAuthFailure).toBe(true);
    expect(apiErrorFrom(403, { errorCode: 'E0000006', errorSummary: 'You do not have permission' }).isAuthFailure).toBe(
      false,
    );
  });

  it('describes a response that is not Okta JSON by its status', () => {
    const error = apiErrorFrom(502, '<html>Bad gateway</html>', 'Bad Gateway');
    expect(error.errorCode).toBeNull();
    expect(error.summary).toBe('The server answered HTTP 502 Bad Gateway: <html>Bad gateway</html>');
    expect(error.issues).toEqual([]);
  });
});

describe('toApiError', () => {
  it('passes an ApiError through', () => {
    const error = new ApiError(404, 'E0000007', 'Not found');
    expect(toApiError(error)).toBe(error);
  });

  it('turns a network failure into status 0 with a readable summary', () => {
    const error = toApiError(new TypeError('Failed to fetch'));
    expect(error.status).toBe(0);
    expect(error.summary).toContain('Could not reach the Authbox server (Failed to fetch)');
    expect(error.isAuthFailure).toBe(false);
  });
});
