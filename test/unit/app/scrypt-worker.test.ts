/**
 * Password derivations on the one scrypt worker thread: the same keys as scryptSync, concurrent calls
 * kept apart, errors as rejections; a blocking caller's derivation on the same thread, errors thrown.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  lastScryptWorkerStop,
  SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS,
  SCRYPT_WORKER_IDLE_MS,
  SCRYPT_WORKER_RESOURCE_LIMITS,
  scryptOnWorker,
  scryptOnWorkerSync,
  scryptWorkerResourceLimits,
  scryptWorkerRunning,
  stopIdleScryptWorker,
  warmScryptWorker,
} from '../../../src-main/app/scrypt-worker.js';

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

  it("runs on a thread whose V8 heap has the worker's limits", async () => {
    await scryptOnWorker('x', randomBytes(16), 32, OPTIONS);
    expect(scryptWorkerResourceLimits()?.maxOldGenerationSizeMb).toBe(
      SCRYPT_WORKER_RESOURCE_LIMITS.maxOldGenerationSizeMb,
    );
  });

  it('rejects parameters scrypt refuses, and keeps working after', async () => {
    await expect(scryptOnWorker('x', randomBytes(16), 32, { ...OPTIONS, N: 3 })).rejects.toThrow(/N|scrypt|Invalid/i);
    const salt = randomBytes(16);
    expect((await scryptOnWorker('x', salt, 32, OPTIONS)).equals(scryptSync('x', salt, 32, OPTIONS))).toBe(true);
  });

  it('derives for a caller that waits blocked, on the worker, and throws what scrypt refuses', async () => {
    const salt = randomBytes(16);
    const pending = scryptOnWorker('queued first', salt, 32, OPTIONS);
    expect(scryptOnWorkerSync('blocked', salt, 32, OPTIONS).equals(scryptSync('blocked', salt, 32, OPTIONS))).toBe(
      true,
    );
    expect((await pending).equals(scryptSync('queued first', salt, 32, OPTIONS))).toBe(true);
    expect(() => scryptOnWorkerSync('x', salt, 32, { ...OPTIONS, N: 3 })).toThrow(/N|scrypt|Invalid/i);
    expect(scryptOnWorkerSync('x', salt, 64, OPTIONS).equals(scryptSync('x', salt, 64, OPTIONS))).toBe(true);
  });

  describe('when idle', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('stops the worker its idle time after a derivation, and starts a new one for the next derivation', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const salt = randomBytes(16);
      await scryptOnWorker('x', salt, 32, OPTIONS);
      expect(scryptWorkerRunning()).toBe(true);
      vi.advanceTimersByTime(SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS - 1);
      expect(scryptWorkerRunning()).toBe(true);
      vi.advanceTimersByTime(1);
      expect(scryptWorkerRunning()).toBe(false);
      expect((await scryptOnWorker('x', salt, 32, OPTIONS)).equals(scryptSync('x', salt, 32, OPTIONS))).toBe(true);
      expect(scryptWorkerRunning()).toBe(true);
    });

    it('starts a worker ahead of a derivation, which waits longer for it and stops when idle if none comes', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      stopIdleScryptWorker();
      expect(scryptWorkerRunning()).toBe(false);
      warmScryptWorker();
      expect(scryptWorkerRunning()).toBe(true);
      vi.advanceTimersByTime(SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS);
      expect(scryptWorkerRunning()).toBe(true);
      vi.advanceTimersByTime(SCRYPT_WORKER_IDLE_MS - SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS);
      expect(scryptWorkerRunning()).toBe(false);
    });

    it('computes the derivation of a caller that waits blocked on a worker it starts, which stops when idle too', () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const salt = randomBytes(16);
      scryptOnWorkerSync('x', salt, 32, OPTIONS);
      vi.advanceTimersByTime(SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS);
      expect(scryptWorkerRunning()).toBe(false);
      expect(scryptOnWorkerSync('y', salt, 32, OPTIONS).equals(scryptSync('y', salt, 32, OPTIONS))).toBe(true);
      expect(scryptWorkerRunning()).toBe(true);
      vi.advanceTimersByTime(SCRYPT_WORKER_IDLE_AFTER_DERIVATION_MS);
      expect(scryptWorkerRunning()).toBe(false);
    });
  });

  describe('when stopped', () => {
    /** Stops the idle worker and waits until its thread has exited. */
    async function stopped(): Promise<ReturnType<typeof lastScryptWorkerStop>> {
      const before = lastScryptWorkerStop();
      stopIdleScryptWorker();
      await vi.waitFor(() => {
        const stop = lastScryptWorkerStop();
        if (stop === before || stop?.exitCode === undefined) throw new Error('the worker has not exited yet');
      });
      return lastScryptWorkerStop();
    }

    it('ends itself after taking the blocks that make glibc give its arena back, once it has derived', async () => {
      const salt = randomBytes(16);
      await scryptOnWorker('x', salt, 32, OPTIONS);
      expect(await stopped()).toEqual({ blocks: 3, exitCode: 0 });
      // The next derivation starts a new worker.
      expect((await scryptOnWorker('y', salt, 32, OPTIONS)).equals(scryptSync('y', salt, 32, OPTIONS))).toBe(true);
      expect(scryptWorkerRunning()).toBe(true);
    });

    it('takes no blocks when it never derived (no scrypt buffer to give back)', async () => {
      if (scryptWorkerRunning()) await stopped();
      warmScryptWorker();
      expect(await stopped()).toEqual({ blocks: 0, exitCode: 0 });
    });
  });
});
