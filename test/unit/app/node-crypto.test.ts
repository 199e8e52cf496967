import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../src-main/app/node-crypto.js';

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
