/** The shared fast-check runner: seeded from FC_SEED, and a failure names the seed that replays it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED, assertProperty, propertySeed } from './property.js';

/** The values a property sees in one run with the shared seed. */
function valuesSeen(): number[] {
  const seen: number[] = [];
  assertProperty(
    fc.property(fc.integer(), (n) => void seen.push(n)),
    { numRuns: 20 },
  );
  return seen;
}

describe('assertProperty', () => {
  it('reads the seed from FC_SEED, and makes a fresh integer one without it', () => {
    expect(propertySeed('42')).toBe(42);
    expect(propertySeed('-7')).toBe(-7);
    expect(Number.isSafeInteger(propertySeed(''))).toBe(true);
    expect(Number.isSafeInteger(propertySeed(undefined))).toBe(true);
    expect(() => propertySeed('abc')).toThrow("FC_SEED must be an integer, not 'abc'");
  });

  it('uses FC_SEED when the run sets it', () => {
    const set = process.env['FC_SEED'];
    if (set) expect(PROPERTY_SEED).toBe(Number(set));
    else expect(Number.isSafeInteger(PROPERTY_SEED)).toBe(true);
  });

  it('generates the same values on every run with the same seed', () => {
    expect(valuesSeen()).toEqual(valuesSeen());
  });

  it('names the seed that replays a failing property', () => {
    let message = '';
    try {
      assertProperty(
        fc.property(fc.nat(), (n) => n < 0),
        { numRuns: 5 },
      );
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(`replay with FC_SEED=${PROPERTY_SEED}.`);
    expect(message).toContain(`seed: ${PROPERTY_SEED}`);
  });

  it('names the seed when an async property fails', async () => {
    const failing = assertProperty(
      fc.asyncProperty(fc.nat(), async (n) => n < 0),
      { numRuns: 5 },
    );
    await expect(failing).rejects.toThrow(`replay with FC_SEED=${PROPERTY_SEED}.`);
  });
});
