/** Password derivations on the one scrypt worker thread: the same keys as scryptSync, concurrent calls kept apart, errors as rejections. */
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scryptOnWorker } from '../../../src-main/app/scrypt-worker.js';

const OPTIONS = { N: 1024, r: 8, p: 1, maxmem: 256 * 1024 * 8 };

describe('scryptOnWorker', () => {
  it('derives what scryptSync derives, for concurrent calls each its own', async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => ({ password: `password ${i}`, salt: randomBytes(16) }));
    const keys = await Promise.all(inputs.map(({ password, salt }) => scryptOnWorker(password, salt, 32, OPTIONS)));
    keys.forEach((key, i) => {
      const { password, salt } = inputs[i]!;
      expect(key.equals(scryptSync(password, salt, 32, OPTIONS))).toBe(true);
    });
  });

  it('rejects parameters scrypt refuses, and keeps working after', async () => {
    await expect(scryptOnWorker('x', randomBytes(16), 32, { ...OPTIONS, N: 3 })).rejects.toThrow(/N|scrypt|Invalid/i);
    const salt = randomBytes(16);
    expect((await scryptOnWorker('x', salt, 32, OPTIONS)).equals(scryptSync('x', salt, 32, OPTIONS))).toBe(true);
  });
});
