import { describe, expect, it } from 'vitest';
import { validateAuthorizationServer } from '../../../src-main/contracts/authorization-server.js';
import type { FieldIssue } from '../../../src-main/contracts/okta-error.js';

const valid = { name: 'Payments', description: 'Payments API', audiences: ['api://payments'] };
const withBody = (overrides: Record<string, unknown>) => ({ ...valid, ...overrides });

function issuesOf(body: unknown): FieldIssue[] {
  const result = validateAuthorizationServer(body);
  if (result.ok) throw new Error(`expected validation to fail for ${JSON.stringify(body)}`);
  return result.issues;
}

describe('validateAuthorizationServer', () => {
  it('fills in ORG_URL and AUTO rotation when they are omitted', () => {
    expect(validateAuthorizationServer(valid)).toEqual({
      ok: true,
      value: { ...valid, issuerMode: 'ORG_URL', credentials: { signing: { rotationMode: 'AUTO' } } },
    });
  });

  it('fills in AUTO rotation when credentials or signing is empty', () => {
    for (const credentials of [{}, { signing: {} }]) {
      const result = validateAuthorizationServer(withBody({ credentials }));
      expect(result.ok && result.value.credentials).toEqual({ signing: { rotationMode: 'AUTO' } });
    }
  });

  it('keeps DYNAMIC issuer mode and MANUAL rotation', () => {
    const result = validateAuthorizationServer(
      withBody({ issuerMode: 'DYNAMIC', credentials: { signing: { rotationMode: 'MANUAL' } } }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: { issuerMode: 'DYNAMIC', credentials: { signing: { rotationMode: 'MANUAL' } } },
    });
  });

  it('trims text fields and drops read-only members', () => {
    const result = validateAuthorizationServer(
      withBody({
        name: ' Payments ',
        audiences: [' api://payments '],
        id: 'aus1',
        status: 'INACTIVE',
        default: true,
        _links: {},
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: { ...valid, issuerMode: 'ORG_URL', credentials: { signing: { rotationMode: 'AUTO' } } },
    });
  });

  it('accepts a name of 100 and a description of 255 characters', () => {
    expect(validateAuthorizationServer(withBody({ name: 'n'.repeat(100), description: 'd'.repeat(255) })).ok).toBe(
      true,
    );
  });

  it.each<[string, unknown, FieldIssue[]]>([
    [
      'a missing name',
      { description: 'd', audiences: ['api://x'] },
      [{ field: 'name', message: 'The field cannot be left blank' }],
    ],
    ['an empty name', withBody({ name: '' }), [{ field: 'name', message: 'The field cannot be left blank' }]],
    ['a blank name', withBody({ name: '   ' }), [{ field: 'name', message: 'The field cannot be left blank' }]],
    ['a numeric name', withBody({ name: 42 }), [{ field: 'name', message: 'must be a string' }]],
    ['a null name', withBody({ name: null }), [{ field: 'name', message: 'must be a string' }]],
    [
      'a name of 101 characters',
      withBody({ name: 'n'.repeat(101) }),
      [{ field: 'name', message: 'must be at most 100 characters' }],
    ],
    [
      'a missing description',
      { name: 'n', audiences: ['api://x'] },
      [{ field: 'description', message: 'The field cannot be left blank' }],
    ],
    [
      'a blank description',
      withBody({ description: ' ' }),
      [{ field: 'description', message: 'The field cannot be left blank' }],
    ],
    [
      'a description of 256 characters',
      withBody({ description: 'd'.repeat(256) }),
      [{ field: 'description', message: 'must be at most 255 characters' }],
    ],
    [
      'missing audiences',
      { name: 'n', description: 'd' },
      [{ field: 'audiences', message: 'The field cannot be left blank' }],
    ],
    [
      'a string audience',
      withBody({ audiences: 'api://x' }),
      [{ field: 'audiences', message: 'must be an array of strings' }],
    ],
    [
      'no audience',
      withBody({ audiences: [] }),
      [{ field: 'audiences', message: 'exactly one audience is supported' }],
    ],
    [
      'two audiences',
      withBody({ audiences: ['api://a', 'api://b'] }),
      [{ field: 'audiences', message: 'exactly one audience is supported' }],
    ],
    [
      'a blank audience',
      withBody({ audiences: ['  '] }),
      [{ field: 'audiences', message: 'an audience cannot be blank' }],
    ],
    ['a numeric audience', withBody({ audiences: [7] }), [{ field: 'audiences', message: 'must be a string' }]],
    [
      'an audience of 1025 characters',
      withBody({ audiences: ['a'.repeat(1025)] }),
      [{ field: 'audiences', message: 'must be at most 1024 characters' }],
    ],
    [
      'an unknown issuer mode',
      withBody({ issuerMode: 'ISSUER' }),
      [{ field: 'issuerMode', message: 'must be one of ORG_URL, CUSTOM_URL, DYNAMIC' }],
    ],
    [
      'the CUSTOM_URL issuer mode',
      withBody({ issuerMode: 'CUSTOM_URL' }),
      [
        {
          field: 'issuerMode',
          message: 'CUSTOM_URL needs a custom domain, which a local sandbox does not have; use ORG_URL or DYNAMIC',
        },
      ],
    ],
    [
      'credentials that are a string',
      withBody({ credentials: 'AUTO' }),
      [{ field: 'credentials', message: 'must be an object' }],
    ],
    [
      'signing that is a string',
      withBody({ credentials: { signing: 'AUTO' } }),
      [{ field: 'credentials.signing', message: 'must be an object' }],
    ],
    [
      'an unknown rotation mode',
      withBody({ credentials: { signing: { rotationMode: 'auto' } } }),
      [{ field: 'credentials.signing.rotationMode', message: 'must be one of AUTO, MANUAL' }],
    ],
  ])('refuses %s, naming the field', (_what, body, issues) => {
    expect(issuesOf(body)).toEqual(issues);
  });

  it.each([
    ['null', null],
    ['an array', [valid]],
    ['a string', JSON.stringify(valid)],
    ['a number', 1],
    ['undefined', undefined],
  ])('refuses %s as the body', (_what, body) => {
    expect(issuesOf(body)).toEqual([{ field: 'body', message: 'must be a JSON object' }]);
  });

  it('reports every bad field at once', () => {
    const fields = issuesOf({ name: '', audiences: [], issuerMode: 'X' }).map((i) => i.field);
    expect(fields.sort()).toEqual(['audiences', 'description', 'issuerMode', 'name']);
  });
});
