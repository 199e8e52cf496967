/**
 * The `jti`s an event keeps: of a token the server has just minted, as the minting gave it (the
 * token is not decoded again); of any other, read from its payload, once per token.
 */
import { describe, expect, it } from 'vitest';
import { jtiOf, jtiReader } from '../../../src-main/http/oauth/exchange.js';

const jwt = (payload: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

describe('jtiReader', () => {
  it('takes the jti of a token it was given as minted, without decoding the token', () => {
    // Not a JWT at all: only the minted jti can name it.
    const read = jtiReader(new Map([['minted-token', 'AT.minted']]));
    expect(read('minted-token')).toBe('AT.minted');
    expect(jtiOf('minted-token')).toBeUndefined();
  });

  it("reads any other token's jti from its payload, and nothing from a token that is not a JWT", () => {
    const read = jtiReader(new Map([['minted-token', 'AT.minted']]));
    expect(read(jwt({ jti: 'AT.presented' }))).toBe('AT.presented');
    expect(read(jwt({ sub: 'no jti' }))).toBeUndefined();
    expect(read('opaque')).toBeUndefined();
    expect(jtiReader()(jwt({ jti: 'ID.other' }))).toBe('ID.other');
  });
});
