import { describe, expect, it } from 'vitest';
import { DPOP_NONCE_PERIOD_SECONDS, createDpopNonces, dpopCrypto } from '../../../src-main/app/dpop-crypto.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('createDpopNonces', () => {
  const nonces = createDpopNonces(new Uint8Array(32).fill(1));

  it('keeps one nonce for a period, then rotates', () => {
    expect(nonces.current(later(DPOP_NONCE_PERIOD_SECONDS - 1))).toBe(nonces.current(T0));
    expect(nonces.current(later(DPOP_NONCE_PERIOD_SECONDS))).not.toBe(nonces.current(T0));
  });

  it('accepts the current and the previous nonce, not older ones', () => {
    const nonce = nonces.current(T0);
    expect(nonces.isValid(nonce, T0)).toBe(true);
    expect(nonces.isValid(nonce, later(DPOP_NONCE_PERIOD_SECONDS))).toBe(true);
    expect(nonces.isValid(nonce, later(2 * DPOP_NONCE_PERIOD_SECONDS))).toBe(false);
  });

  it("refuses another server's nonces and garbage", () => {
    const other = createDpopNonces(new Uint8Array(32).fill(2));
    expect(nonces.isValid(other.current(T0), T0)).toBe(false);
    expect(nonces.isValid('', T0)).toBe(false);
    expect(nonces.isValid('x'.repeat(43), T0)).toBe(false);
  });

  it('draws a random secret per process when none is given', () => {
    expect(createDpopNonces().current(T0)).not.toBe(createDpopNonces().current(T0));
  });
});

describe('dpopCrypto', () => {
  it('hashes an access token as RFC 9449 §4.2 ath (base64url SHA-256)', () => {
    // The example of RFC 9449 §7.1: this token's ath is fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo.
    expect(dpopCrypto.accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU')).toBe(
      'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo',
    );
  });

  it('computes the RFC 7638 §3.1 example thumbprint', async () => {
    const jwk = {
      kty: 'RSA',
      e: 'AQAB',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
    };
    expect(await dpopCrypto.thumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });
});
