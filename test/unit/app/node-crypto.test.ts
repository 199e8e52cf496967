import { calculateJwkThumbprint, compactVerify, importJWK } from 'jose';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { cachedSigningKeys, nodeCrypto } from '../../../src-main/app/node-crypto.js';

describe('nodeCrypto password hashing', () => {
  const hash = nodeCrypto.hashPassword('Correct-Horse-9');

  it('produces a self-describing scrypt hash that does not contain the password', () => {
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain('Correct-Horse-9');
  });

  it('salts every hash differently', () => {
    expect(nodeCrypto.hashPassword('Correct-Horse-9')).not.toBe(hash);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    await expect(nodeCrypto.verifyPassword('Correct-Horse-9', hash)).resolves.toBe(true);
    await expect(nodeCrypto.verifyPassword('correct-horse-9', hash)).resolves.toBe(false);
    await expect(nodeCrypto.verifyPassword('', hash)).resolves.toBe(false);
  });

  it('derives the key off the event loop, so other work runs while a password is checked', async () => {
    let ranMeanwhile = false;
    setImmediate(() => (ranMeanwhile = true));
    await expect(nodeCrypto.verifyPassword('Correct-Horse-9', hash)).resolves.toBe(true);
    expect(ranMeanwhile).toBe(true);
  });

  it('treats Unicode spellings of the same text alike (NFKC)', async () => {
    const composed = nodeCrypto.hashPassword('Caf\u00e9-pass');
    await expect(nodeCrypto.verifyPassword('Cafe\u0301-pass', composed)).resolves.toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['another scheme', 'bcrypt$2b$10$abc'],
    ['a truncated hash', hash.split('$').slice(0, 5).join('$')],
    ['a cost that is not a power of two', hash.replace('$16384$', '$1000$')],
    ['an oversized cost', hash.replace('$16384$', '$1048576$')],
    ['an oversized block size', hash.replace('$8$1$', '$64$1$')],
    ['a short key', `${hash.split('$').slice(0, 5).join('$')}$AAAA`],
  ])('refuses %s without throwing', async (_what, malformed) => {
    await expect(nodeCrypto.verifyPassword('Correct-Horse-9', malformed)).resolves.toBe(false);
  });
});

describe('nodeCrypto signing keys', () => {
  async function checkKey(key: Awaited<ReturnType<typeof nodeCrypto.generateSigningKey>>): Promise<void> {
    expect(key.publicJwk.kty).toBe('RSA');
    expect(Buffer.from(key.publicJwk.n, 'base64url').length).toBe(256);
    // The kid is the RFC 7638 thumbprint, as jose computes it.
    await expect(calculateJwkThumbprint(key.publicJwk as JWK, 'sha256')).resolves.toBe(key.kid);
    const privateJwk = JSON.parse(key.privateJwk) as Record<string, unknown>;
    expect(privateJwk).toMatchObject({ kty: 'RSA', kid: key.kid, alg: 'RS256', use: 'sig', n: key.publicJwk.n });
    const token = await nodeCrypto.sign(key.privateJwk, key.kid, { sub: 'someone' });
    const verified = await compactVerify(token, await importJWK(key.publicJwk as JWK, 'RS256'));
    expect(verified.protectedHeader).toEqual({ kid: key.kid, alg: 'RS256' });
  }

  it('generates an RSA 2048 key whose kid is its thumbprint and whose signatures verify', async () => {
    await checkKey(await nodeCrypto.generateSigningKey());
  });

  it('keeps at most 64 imported keys for signing, however many kids sign', async () => {
    const key = await nodeCrypto.generateSigningKey();
    for (let i = 0; i < 70; i++) await nodeCrypto.sign(key.privateJwk, `kid-${i}`, { n: i });
    expect(cachedSigningKeys()).toBe(64);
  });
});
