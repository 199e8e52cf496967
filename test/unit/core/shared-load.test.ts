import { describe, expect, it } from 'vitest';
import { SharedLoad } from '../../../src-main/core/shared-load.js';

describe('SharedLoad', () => {
  it('runs one load for concurrent and later callers', async () => {
    let loads = 0;
    const shared = new SharedLoad(async () => ++loads);
    expect(shared.started).toBeUndefined();
    expect(await Promise.all([shared.get(), shared.get()])).toEqual([1, 1]);
    expect(await shared.get()).toBe(1);
    expect(await shared.started).toBe(1);
    expect(loads).toBe(1);
  });

  it('gives a failed load’s error to its callers, forgets it, and loads again on the next call', async () => {
    let loads = 0;
    const shared = new SharedLoad(async () => {
      loads += 1;
      if (loads === 1) throw new Error('first load failed');
      return loads;
    });
    const [first, second] = await Promise.allSettled([shared.get(), shared.get()]);
    expect(first).toMatchObject({ status: 'rejected', reason: new Error('first load failed') });
    expect(second).toMatchObject({ status: 'rejected', reason: new Error('first load failed') });
    expect(shared.started).toBeUndefined();
    expect(await shared.get()).toBe(2);
  });
});
