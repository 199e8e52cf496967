/**
 * The `Crypto` port on Node: ids from the CSPRNG, RSA keys generated and tokens signed with
 * node:crypto (signing on a cached KeyObject), JWS checks through jose, scrypt password hashes.
 */
import {
  createHash,
  createPrivateKey,
  generateKeyPair,
  hash,
  randomBytes,
  randomFillSync,
  sign as rsaSign,
  timingSafeEqual,
} from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import type { JWK } from 'jose';
import type { Crypto, DecodedJws, GeneratedKey, JwsKey } from '../core/ports/runtime.js';
import { scryptOnWorker, scryptOnWorkerSync, warmScryptWorker } from './scrypt-worker.js';

/**
 * An RSA 2048 key pair (RS256, RFC 7518 §3.3) as JWKs, its `kid` the RFC 7638 §3 thumbprint: SHA-256
 * of the required members in lexicographic order. Generated on libuv's thread pool.
 */
async function newSigningKey(): Promise<GeneratedKey> {
  const { publicKey, privateKey } = await new Promise<{ publicKey: KeyObject; privateKey: KeyObject }>(
    (resolve, reject) =>
      generateKeyPair('rsa', { modulusLength: 2048, publicExponent: 0x10001 }, (error, publicKey, privateKey) =>
        error ? reject(error) : resolve({ publicKey, privateKey }),
      ),
  );
  const { n, e } = publicKey.export({ format: 'jwk' });
  if (!n || !e) throw new Error('unexpected public key shape');
  const kid = createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
  const privateJwk = JSON.stringify({ ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' });
  return { kid, publicJwk: { kty: 'RSA', n, e }, privateJwk };
}

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 4 × 62: a CSPRNG byte below it, taken modulo 62, is each character equally often (rejection sampling). */
const UNBIASED_BELOW = 248;

/**
 * CSPRNG bytes drawn 4 KiB at a time, as node:crypto's `randomInt` keeps its own cache: one call into
 * OpenSSL per some hundred ids instead of one `randomInt` per character (a token request makes some 60).
 */
const randomPool = Buffer.alloc(4096);
let poolAt = randomPool.length;

function randomCharacters(id: string, length: number): string {
  while (id.length < length) {
    if (poolAt === randomPool.length) {
      randomFillSync(randomPool);
      poolAt = 0;
    }
    const byte = randomPool[poolAt]!;
    // Used bytes are zeroed: what made one id is not left in memory for the next.
    randomPool[poolAt++] = 0;
    if (byte < UNBIASED_BELOW) id += ALPHABET[byte % ALPHABET.length];
  }
  return id;
}

/**
 * scrypt with the interactive-login cost of the scrypt paper (N=2^14, r=8, p=1; Node's default,
 * about 70 ms here), a 16-byte random salt and a 32-byte key. The hash names its parameters
 * (`scrypt$N$r$p$salt$key`, base64url) so the cost can be raised later without breaking stored hashes.
 */
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32, saltLength: 16 };
const scryptMaxmem = (N: number, r: number) => 256 * N * r;

/**
 * A new password's derivation, on the same worker thread as a sign-in's (`scrypt-worker.ts`) while the
 * caller waits: its 16 MiB buffer is the one that thread keeps, not a second one kept by this thread.
 */
function scrypt(password: string, salt: Buffer, N: number, r: number, p: number, keyLength: number): Buffer {
  return scryptOnWorkerSync(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: scryptMaxmem(N, r) });
}

/** The same derivation on a worker thread (`scrypt-worker.ts`), so a sign-in does not hold the event loop (~70 ms). */
function scryptOffThread(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keyLength: number,
): Promise<Buffer> {
  return scryptOnWorker(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem: scryptMaxmem(N, r) });
}

export const nodeCrypto: Crypto = {
  randomId(prefix: string, length = 20): string {
    return randomCharacters(prefix, length);
  },

  generateSigningKey(): Promise<GeneratedKey> {
    return newSigningKey();
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

  /** Starts the scrypt worker if it is not running (some 30-60 ms, while the user types). */
  preparePasswordCheck(): void {
    warmScryptWorker();
  },

  /**
   * RS256 (RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256) over the compact JWS signing input (RFC 7515
   * §5.1), byte for byte what jose's SignJWT writes. Signed on the calling thread: on a busy core,
   * handing the signature to the thread pool (WebCrypto) and waiting for it costs more than it saves.
   */
  async sign(privateJwk: string, kid: string, payload: Record<string, unknown>): Promise<string> {
    const signer = signingKey(privateJwk, kid);
    const input = `${signer.header}.${jsonPart(payload)}`;
    return `${input}.${rsaSign('sha256', Buffer.from(input), signer.key).toString('base64url')}`;
  },

  sha256(input: string): Uint8Array {
    // One-shot: no Hash object per call (a code flow hashes five values), and a view of the digest, not a copy.
    const digest = hash('sha256', input, 'buffer');
    return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
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

/** A JWS header or payload: its JSON in UTF-8, base64url (RFC 7515 §3.1). */
function jsonPart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/**
 * Imported private keys by kid, with the encoded protected header their tokens carry: importing a
 * JWK costs more than signing with it. Bounded, oldest dropped first.
 */
const signingKeys = new Map<string, { key: KeyObject; header: string }>();
const SIGNING_KEY_CACHE = 64;

/** How many imported signing keys are kept (for tests of the bound). */
export const cachedSigningKeys = (): number => signingKeys.size;

function signingKey(privateJwk: string, kid: string): { key: KeyObject; header: string } {
  let key = signingKeys.get(kid);
  if (!key) {
    key = {
      key: createPrivateKey({ key: JSON.parse(privateJwk) as JsonWebKey, format: 'jwk' }),
      header: jsonPart({ kid, alg: 'RS256' }),
    };
    signingKeys.set(kid, key);
    if (signingKeys.size > SIGNING_KEY_CACHE) signingKeys.delete(signingKeys.keys().next().value!);
  }
  return key;
}
