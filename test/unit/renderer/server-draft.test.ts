import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { draftOf, emptyDraft, formProblemsOf, sameDraft, toWrite } from '../../../src-renderer/state/server-draft.js';
import { serverDto, validationError } from './fake-api.js';

describe('server draft', () => {
  it('round-trips a server into the PUT body (full replacement)', () => {
    const server = serverDto('aus1', { issuerMode: 'DYNAMIC' });
    expect(toWrite(draftOf(server))).toEqual({
      name: 'aus1',
      description: 'aus1 server',
      audiences: ['api://aus1'],
      issuerMode: 'DYNAMIC',
      credentials: { signing: { rotationMode: 'AUTO' } },
    });
  });

  it('sends a blank audience as [""] so the server names the problem', () => {
    expect(toWrite(emptyDraft()).audiences).toEqual(['']);
  });

  it('maps audiences and nested credential causes to their fields', () => {
    const problems = formProblemsOf(
      validationError([
        'audiences: exactly one audience is supported',
        'credentials.signing.rotationMode: must be one of AUTO, MANUAL',
        'issuerMode: bad',
      ]),
    );
    expect(problems).toEqual({
      fieldErrors: {
        audience: 'exactly one audience is supported',
        rotationMode: 'must be one of AUTO, MANUAL',
        issuerMode: 'bad',
      },
      formError: null,
    });
  });

  it('keeps causes no field shows in the form error, and joins two causes on one field', () => {
    const problems = formProblemsOf(validationError(['body: must be a JSON object', 'name: too long', 'name: odd']));
    expect(problems.fieldErrors).toEqual({ name: 'too long; odd' });
    expect(problems.formError).toBe('Api validation failed: body, name, name (body: must be a JSON object)');
  });

  it('uses the summary when there are no causes', () => {
    expect(formProblemsOf(new ApiError(500, 'E0000009', 'Internal Server Error'))).toEqual({
      fieldErrors: {},
      formError: 'Internal Server Error',
    });
  });

  it('compares drafts field by field', () => {
    expect(sameDraft(emptyDraft(), emptyDraft())).toBe(true);
    expect(sameDraft(emptyDraft(), { ...emptyDraft(), name: 'x' })).toBe(false);
  });
});
