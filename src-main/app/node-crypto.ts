/**
 * The `Crypto` port on Node: ids from the CSPRNG, RSA keys, signing and JWS checks through jose
 * (WebCrypto), scrypt password hashes.
 */
import { createHash, randomBytes, randomInt, scrypt as scryptAsync, scryptSync, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import {
  SignJWT,
  calculateJwkThumbprint,
  compactVerify,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
} from 'jose';
import type { CryptoKey, JWK, KeyObject } from 'jose';
import type { Crypto, DecodedJws, GeneratedKey, JwsKey } from '../core/ports/runtime.js';

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

const scryptInPool = promisify(scryptAsync) as (
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** The same derivation on libuv's thread pool, so a sign-in does not hold the event loop (~70 ms). */
function scryptOffThread(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keyLength: number,
): Promise<Buffer> {
  return scryptInPool(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: scryptMaxmem(N, r) });
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

  async verifyPassword(password: string, hash: string): Promise<boolean> {
    const parts = hash.split('$');
    if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
    const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
    const salt = Buffer.from(parts[4]!, 'base64url');
    const expected = Buffer.from(parts[5]!, 'base64url');
    // Bounded so a tampered row cannot make one sign-in allocate gigabytes.
    const sane =
      [N, r, p].every((n) => Number.isInteger(n) && n > 0) &&
      N > 1 &&
      (N & (N - 1)) === 0 &&
      N <= 2 ** 17 &&
      r <= 16 &&
      p <= 4;
    if (!sane || salt.length === 0 || expected.length < 16 || expected.length > 64) return false;
    return timingSafeEqual(await scryptOffThread(password, salt, N, r, p, expected.length), expected);
  },

  async sign(privateJwk: string, kid: string, payload: Record<string, unknown>): Promise<string> {
    const key = await signingKey(privateJwk, kid);
    return new SignJWT(payload).setProtectedHeader({ kid, alg: 'RS256' }).sign(key);
  },

  sha256(input: string): Uint8Array {
    return new Uint8Array(createHash('sha256').update(input, 'utf8').digest());
  },

  decodeJws(token: string): DecodedJws | undefined {
    try {
      return { header: { ...decodeProtectedHeader(token) }, payload: { ...decodeJwt(token) } };
    } catch {
      return undefined;
    }
  },

  async verifyJws(token: string, key: JwsKey): Promise<boolean> {
    try {
      if ('secret' in key) {
        await compactVerify(token, new TextEncoder().encode(key.secret), { algorithms: HMAC_ALGS });
        return true;
      }
      const alg = typeof key.jwk['alg'] === 'string' ? key.jwk['alg'] : decodeProtectedHeader(token).alg;
      if (!alg || !ASYMMETRIC_ALGS.includes(alg)) return false;
      await compactVerify(token, await importJWK(key.jwk as JWK, alg), { algorithms: [alg] });
      return true;
    } catch {
      return false;
    }
  },
};

const HMAC_ALGS = ['HS256', 'HS384', 'HS512'];
const ASYMMETRIC_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Imported private keys by kid: importing a JWK costs more than signing with it. Bounded, oldest dropped first. */
const signingKeys = new Map<string, Promise<CryptoKey | KeyObject | Uint8Array>>();
const SIGNING_KEY_CACHE = 64;

function signingKey(privateJwk: string, kid: string): Promise<CryptoKey | KeyObject | Uint8Array> {
  let key = signingKeys.get(kid);
  if (!key) {
    key = importJWK(JSON.parse(privateJwk) as JWK, 'RS256');
    signingKeys.set(kid, key);
    if (signingKeys.size > SIGNING_KEY_CACHE) signingKeys.delete(signingKeys.keys().next().value!);
    key.catch(() => signingKeys.delete(kid));
  }
  return key;
}
