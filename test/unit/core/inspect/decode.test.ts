/** Decoding without trusting: header and payload whatever the alg, and each malformed input named. */
import { describe, expect, it } from 'vitest';
import { MAX_TOKEN_LENGTH } from '../../../../src-main/contracts/inspect.js';
import { decodeToken } from '../../../../src-main/core/inspect/decode.js';

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const part = (value: unknown) => b64(JSON.stringify(value));

function faultOf(input: string) {
  const result = decodeToken(input);
  if (result.ok) throw new Error('expected a fault');
  return result.fault;
}

describe('decodeToken', () => {
  it('decodes header and payload of a token with an unknown alg and a broken signature', () => {
    const token = `${part({ alg: 'XYZ999', kid: 'k1' })}.${part({ sub: 'ü✓', n: 1 })}.not-a-real-signature`;
    const result = decodeToken(token);
    expect(result).toEqual({
      ok: true,
      token: {
        compact: token,
        header: { alg: 'XYZ999', kid: 'k1' },
        payload: { sub: 'ü✓', n: 1 },
        signature: 'not-a-real-signature',
      },
    });
  });

  it('ignores whitespace from a wrapped paste, and decodes an unsigned token with an empty signature', () => {
    const token = `${part({ alg: 'none' })}.${part({ a: 1 })}.`;
    const result = decodeToken(`  ${token.slice(0, 10)}\n${token.slice(10)}\n`);
    expect(result.ok && result.token).toMatchObject({ compact: token, header: { alg: 'none' }, signature: '' });
  });

  it('names an empty input', () => {
    expect(faultOf('  \n')).toEqual({ code: 'empty', message: 'Paste a token: the input is empty.' });
  });

  it('names a JWE by its five parts', () => {
    expect(faultOf('a.b.c.d.e')).toMatchObject({ code: 'jwe' });
    expect(faultOf('a.b.c.d.e').message).toContain('encrypted token (JWE');
  });

  it('counts the parts of a token that does not have three', () => {
    expect(faultOf('abc')).toEqual({
      code: 'not_three_parts',
      message: 'A JWT has three parts separated by dots (header.payload.signature); this one has 1.',
    });
    expect(faultOf('a.b.c.d').message).toContain('this one has 4');
  });

  it('names the part and character that is not base64url, with a hint for plain base64', () => {
    expect(faultOf(`${part({ alg: 'RS256' })}.ab+c.sig`)).toEqual({
      code: 'bad_base64url',
      message:
        "The payload is not base64url: the character '+' at position 3 is not in the base64url alphabet (that is plain base64; base64url uses '-' and '_').",
    });
    expect(faultOf(`${part({ alg: 'RS256' })}.${part({})}.abc=`).message).toBe(
      "The signature is not base64url: the character '=' at position 4 is not in the base64url alphabet (base64url in a JWT carries no padding).",
    );
    expect(faultOf(`a!c.${part({})}.sig`).message).toContain("The header is not base64url: the character '!'");
    expect(faultOf(`${part({ alg: 'RS256' })}.abcde.sig`).message).toBe(
      'The payload is not base64url: its length 5 leaves a stray character (no base64url text has length 4n+1).',
    );
  });

  it('says which part is not JSON, and what JSON.parse found', () => {
    const fault = faultOf(`${part({ alg: 'RS256' })}.${b64('{"sub": ')}.sig`);
    expect(fault.code).toBe('not_json');
    expect(fault.message).toMatch(/^The payload is not JSON: .+\.$/);
    expect(faultOf(`${b64('hello')}.${part({})}.sig`).message).toMatch(/^The header is not JSON: /);
    expect(faultOf(`.${part({})}.sig`)).toEqual({ code: 'not_json', message: 'The header is empty.' });
  });

  it('refuses a payload that is JSON but not an object', () => {
    expect(faultOf(`${part({ alg: 'RS256' })}.${part([1, 2])}.sig`)).toEqual({
      code: 'not_object',
      message: 'The payload is an array, not a JSON object.',
    });
    expect(faultOf(`${part('RS256')}.${part({})}.sig`).message).toBe('The header is a string, not a JSON object.');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(faultOf(`${part({ alg: 'RS256' })}.${b64(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))}.sig`)).toEqual({
      code: 'not_utf8',
      message: 'The payload does not decode to UTF-8 text.',
    });
  });

  it('refuses a huge token by its length, without decoding it', () => {
    const huge = `${part({ alg: 'RS256' })}.${'A'.repeat(MAX_TOKEN_LENGTH)}.sig`;
    expect(faultOf(huge)).toEqual({
      code: 'too_large',
      message: `The token is ${huge.length.toLocaleString('en-US')} characters long; the inspector reads tokens of up to 65,536.`,
    });
  });
});
