import { describe, expect, it } from 'vitest';
import { FailureThrottle } from '../../../src-main/core/failure-throttle.js';

function clock() {
  let now = 1_000_000;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('FailureThrottle', () => {
  it('lets the free failures through, then closes the key for doubling delays up to the ceiling', () => {
    const time = clock();
    const throttle = new FailureThrottle(time, { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 8000 });
    expect([1, 2, 3].map(() => throttle.fail('c'))).toEqual([0, 0, 0]);
    expect(throttle.waitFor('c')).toBe(0);
    expect(throttle.fail('c')).toBe(1000);
    expect(throttle.waitFor('c')).toBe(1000);
    time.advance(400);
    expect(throttle.waitFor('c')).toBe(600);
    time.advance(600);
    expect(throttle.waitFor('c')).toBe(0);
    expect([throttle.fail('c'), throttle.fail('c'), throttle.fail('c'), throttle.fail('c')]).toEqual([
      2000, 4000, 8000, 8000,
    ]);
    expect(throttle.waitFor('other')).toBe(0);
  });

  it('opens the key and forgets its failures after a success', () => {
    const time = clock();
    const throttle = new FailureThrottle(time, { freeFailures: 1, firstDelayMs: 1000, maxDelayMs: 60_000 });
    throttle.fail('c');
    throttle.fail('c');
    expect(throttle.waitFor('c')).toBe(1000);
    throttle.succeed('c');
    expect(throttle.waitFor('c')).toBe(0);
    expect(throttle.fail('c')).toBe(0);
  });
});
