/** The throttle keeps at most 10,000 keys in memory: a flood of new keys forgets the oldest, never grows. */
import { describe, expect, it } from 'vitest';
import { FailureThrottle } from '../../../src-main/core/failure-throttle.js';

describe('FailureThrottle memory', () => {
  it('forgets the least recently failed key once 10,000 others have failed after it', () => {
    const clock = { now: () => new Date(1_000_000) };
    const throttle = new FailureThrottle(clock, { freeFailures: 0, firstDelayMs: 1000, maxDelayMs: 60_000 });
    throttle.fail('first');
    throttle.fail('kept');
    for (let i = 0; i < 9_998; i++) throttle.fail(`key ${i}`);
    expect(throttle.waitFor('first')).toBe(1000);
    throttle.fail('one more');
    expect(throttle.waitFor('first')).toBe(0);
    expect(throttle.waitFor('kept')).toBe(1000);
  });
});
