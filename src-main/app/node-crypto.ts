/** The `Crypto` port on Node: ids from the CSPRNG, RSA keys through jose (WebCrypto), scrypt password hashes. */
import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { Crypto, GeneratedKey } from '../core/ports.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * scrypt with the interactive-login cost of the scrypt paper (N=2^14, r=8, p=1; Node's default,
 * about 70 ms here), a 16-byte random salt and a 32-byte key. The hash names its parameters
 * (`scrypt$N$r$p$salt$key`, base64url) so the cost can be raised later without breaking stored hashes.
 */
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32, saltLength: 16 };
const scryptMaxmem = (N: number, r: number) => 256 * N * r;

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Buffer {
  return scryptSync(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: scryptMaxmem(N, r) });
}

export const nodeCrypto: Crypto = {
  randomId(prefix: string, length = 20): string {
    let id = prefix;
    while (id.length < length) id += ALPHABET[randomInt(ALPHABET.length)];
    return id;
  },

  async generateSigningKey(): Promise<GeneratedKey> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const pub = await exportJWK(publicKey);
    if (pub.kty !== 'RSA' || !pub.n || !pub.e) throw new Error('unexpected public key shape');
    const kid = await calculateJwkThumbprint(pub, 'sha256');
    const privateJwk = JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' });
    return { kid, publicJwk: { kty: 'RSA', n: pub.n, e: pub.e }, privateJwk };
  },

  hashPassword(password: string): string {
    const { N, r, p, keyLength, saltLength } = SCRYPT;
    const salt = randomBytes(saltLength);
    const key = scrypt(password, salt, N, r, p, keyLength);
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
  },

  verifyPassword(password: string, hash: string): boolean {
    const parts = hash.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
    const salt = Buffer.from(parts[4]!, 'base64url');
    const expected = Buffer.from(parts[5]!, 'base64url');
    // Bounded so a tampered row cannot make one sign-in allocate gigabytes.
    const sane = [N, r, p].every((n) => Number.isInteger(n) && n > 0) && N > 1 && (N & (N - 1)) === 0 && N <= 2 ** 17 && r <= 16 && p <= 4;
    if (!sane || salt.length === 0 || expected.length < 16 || expected.length > 64) return false;
    return timingSafeEqual(scrypt(password, salt, N, r, p, expected.length), expected);
  },
};
