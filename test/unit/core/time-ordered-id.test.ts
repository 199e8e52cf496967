/**
 * Ids and jtis that begin with their time: Okta's shape and length, sorted by time, random after it;
 * an access token's jti begins with its expiry, then the millisecond it was made.
 */
import { describe, expect, it } from 'vitest';
import { nodeCrypto } from '../../../src-main/app/node-crypto.js';
import { expiryOrderedId, timeOrderedId, timePrefix } from '../../../src-main/core/time-ordered-id.js';

describe('timeOrderedId', () => {
  it("makes an access token's jti of Okta's shape: AT. and 43 characters, the time then 36 random ones", () => {
    const at = new Date('2026-12-05T00:00:00.000Z');
    const jtis = Array.from({ length: 200 }, () => timeOrderedId(nodeCrypto, 'AT.', at, 46));
    for (const jti of jtis) expect(jti).toMatch(/^AT\.[0-9A-Za-z]{43}$/);
    expect(new Set(jtis.map((jti) => jti.slice(0, 10))).size).toBe(1);
    // 36 random characters each (about 214 bits): no two alike, and no shared random prefix.
    expect(new Set(jtis).size).toBe(200);
    expect(new Set(jtis.map((jti) => jti.slice(10, 14))).size).toBeGreaterThan(190);
  });

  it('sorts a later id after an earlier one (SQLite BINARY order), whatever its random part', () => {
    const times = [0, 1, 61, 62, 3843, 1_700_000_000_000, 1_800_000_000_000, 1_800_000_000_001];
    const ids = times.map((ms) => timeOrderedId(nodeCrypto, 'tfm', new Date(ms)));
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^tfm[0-9A-Za-z]{17}$/);
  });
});

describe('expiryOrderedId', () => {
  it("makes an access token's jti of Okta's shape that begins with its expiry, then 36 characters", () => {
    const expires = new Date('2026-12-05T01:00:00.000Z');
    const now = new Date('2026-12-05T00:00:00.987Z');
    const jtis = Array.from({ length: 200 }, () => expiryOrderedId(nodeCrypto, 'AT.', expires, now, 46));
    for (const jti of jtis) {
      expect(jti).toMatch(/^AT\.[0-9A-Za-z]{43}$/);
      expect(jti.startsWith(timePrefix('AT.', expires))).toBe(true);
    }
    // The millisecond 987 in two base-62 digits (15 × 62 + 57), then 34 random characters (about 202 bits).
    expect(new Set(jtis.map((jti) => jti.slice(10, 12)))).toEqual(new Set(['Fv']));
    expect(new Set(jtis).size).toBe(200);
    expect(new Set(jtis.map((jti) => jti.slice(12, 16))).size).toBeGreaterThan(190);
  });

  it('sorts by expiry, then by the millisecond made within an expiry second, whatever the random part', () => {
    const made = (expires: number, now: number) =>
      expiryOrderedId(nodeCrypto, 'AT.', new Date(expires), new Date(now), 46);
    const second = 1_800_000_000_000;
    const ids = [
      made(second, second - 3_600_000 + 0),
      made(second, second - 3_600_000 + 61),
      made(second, second - 3_600_000 + 62),
      made(second, second - 3_600_000 + 999),
      made(second + 1000, second - 3_600_000 + 1000),
      made(second + 300_000, second - 3_300_000 + 1),
    ];
    expect([...ids].sort()).toEqual(ids);
  });
});
