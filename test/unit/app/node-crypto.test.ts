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

  it('keeps at most 64 imported keys for signing, however many kids sign, each token naming its own kid', async () => {
    const key = await nodeCrypto.generateSigningKey();
    const headerOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as unknown;
    for (let i = 0; i < 70; i++) {
      const token = await nodeCrypto.sign(key.privateJwk, `kid-${i}`, { n: i });
      expect(headerOf(token)).toEqual({ kid: `kid-${i}`, alg: 'RS256' });
    }
    expect(cachedSigningKeys()).toBe(64);
    // kid-0 was dropped: imported again, with its own header.
    expect(headerOf(await nodeCrypto.sign(key.privateJwk, 'kid-0', {}))).toEqual({ kid: 'kid-0', alg: 'RS256' });
  });
});

describe('nodeCrypto ids', () => {
  const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

  it('makes ids of the prefix and the length asked, from the 62 letters and digits only', () => {
    expect(nodeCrypto.randomId('evt')).toMatch(/^evt[0-9A-Za-z]{17}$/);
    expect(nodeCrypto.randomId('AT.', 46)).toMatch(/^AT\.[0-9A-Za-z]{43}$/);
    expect(nodeCrypto.randomId('', 32)).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(nodeCrypto.randomId('longer-than-asked', 5)).toBe('longer-than-asked');
  });

  it('draws every character equally often (no modulo bias toward the first eight) and never repeats an id', () => {
    const counts = new Map<string, number>();
    const ids = new Set<string>();
    // 3,100 ids of 40 random characters: 2,000 of each character expected, one standard deviation about 44.
    for (let i = 0; i < 3100; i++) {
      const id = nodeCrypto.randomId('', 40);
      ids.add(id);
      for (const char of id) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(ids.size).toBe(3100);
    expect([...counts.keys()].sort().join('')).toBe([...ALPHABET].sort().join(''));
    // A byte taken modulo 62 without rejecting 248-255 gives 0-7 a quarter more (2,500): far outside this.
    for (const char of ALPHABET) expect(Math.abs(counts.get(char)! - 2000)).toBeLessThan(250);
  });
});
