import { describe, expect, it } from 'vitest';
import type { GeneratedKey } from '../../../src-main/core/ports/runtime.js';
import type { SigningKeyRecord } from '../../../src-main/core/ports/authorization-servers.js';
import {
  AUTO_ROTATION_DAYS,
  byStatus,
  initialKeys,
  keysNeededForRotation,
  nextRotationAfter,
  rotateKeys,
  toRecord,
} from '../../../src-main/core/signing-keys.js';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const LATER = new Date('2024-08-01T12:00:00.000Z');

function fakeKey(kid: string): GeneratedKey {
  return { kid, publicJwk: { kty: 'RSA', n: `n-${kid}`, e: 'AQAB' }, privateJwk: JSON.stringify({ kid }) };
}

function record(kid: string, status: SigningKeyRecord['status'], created = NOW): SigningKeyRecord {
  return toRecord('aus1', fakeKey(kid), status, created);
}

const summary = (keys: SigningKeyRecord[]) => keys.map((k) => `${k.kid}:${k.status}`);

describe('initialKeys', () => {
  it('gives an ACTIVE and a NEXT key in AUTO mode', () => {
    const keys = initialKeys('aus1', [fakeKey('k1'), fakeKey('k2')], 'AUTO', NOW);
    expect(summary(keys)).toEqual(['k1:ACTIVE', 'k2:NEXT']);
    expect(keys.every((k) => k.serverId === 'aus1' && k.created === NOW)).toBe(true);
  });

  it('gives a single ACTIVE key in MANUAL mode', () => {
    expect(summary(initialKeys('aus1', [fakeKey('k1')], 'MANUAL', NOW))).toEqual(['k1:ACTIVE']);
  });

  it('carries the generated public and private key material', () => {
    const [key] = initialKeys('aus1', [fakeKey('k1')], 'MANUAL', NOW);
    expect(key).toEqual({
      kid: 'k1',
      serverId: 'aus1',
      status: 'ACTIVE',
      publicJwk: { kty: 'RSA', n: 'n-k1', e: 'AQAB' },
      privateJwk: '{"kid":"k1"}',
      created: NOW,
    });
  });

  it('refuses when AUTO mode is given only one generated key', () => {
    expect(() => initialKeys('aus1', [fakeKey('k1')], 'AUTO', NOW)).toThrow(/not enough generated keys/);
  });

  it('refuses when no key is given', () => {
    expect(() => initialKeys('aus1', [], 'MANUAL', NOW)).toThrow(/not enough generated keys/);
  });
});

describe('rotateKeys', () => {
  it('expires ACTIVE, promotes NEXT and publishes a fresh NEXT in AUTO mode', () => {
    const current = [record('a', 'ACTIVE'), record('n', 'NEXT')];
    const rotated = rotateKeys('aus1', current, [fakeKey('fresh')], 'AUTO', LATER);
    expect(summary(rotated)).toEqual(['a:EXPIRED', 'n:ACTIVE', 'fresh:NEXT']);
    expect(rotated.find((k) => k.kid === 'fresh')?.created).toEqual(LATER);
  });

  it('keeps the promoted key material and creation date unchanged', () => {
    const next = record('n', 'NEXT');
    const rotated = rotateKeys('aus1', [record('a', 'ACTIVE'), next], [fakeKey('fresh')], 'AUTO', LATER);
    expect(rotated.find((k) => k.kid === 'n')).toEqual({ ...next, status: 'ACTIVE' });
  });

  it('drops the previously EXPIRED key', () => {
    const current = [record('old', 'EXPIRED'), record('a', 'ACTIVE'), record('n', 'NEXT')];
    const rotated = rotateKeys('aus1', current, [fakeKey('fresh')], 'AUTO', LATER);
    expect(summary(rotated)).toEqual(['a:EXPIRED', 'n:ACTIVE', 'fresh:NEXT']);
    expect(rotated.some((k) => k.kid === 'old')).toBe(false);
  });

  it('creates a fresh ACTIVE key when there is no NEXT (MANUAL mode)', () => {
    const rotated = rotateKeys('aus1', [record('a', 'ACTIVE')], [fakeKey('fresh')], 'MANUAL', LATER);
    expect(summary(rotated)).toEqual(['a:EXPIRED', 'fresh:ACTIVE']);
  });

  it('promotes an existing NEXT without new keys in MANUAL mode', () => {
    const rotated = rotateKeys('aus1', [record('a', 'ACTIVE'), record('n', 'NEXT')], [], 'MANUAL', LATER);
    expect(summary(rotated)).toEqual(['a:EXPIRED', 'n:ACTIVE']);
  });

  it('takes both an ACTIVE and a NEXT from fresh keys in AUTO mode when no NEXT exists', () => {
    const rotated = rotateKeys('aus1', [record('a', 'ACTIVE')], [fakeKey('f1'), fakeKey('f2')], 'AUTO', LATER);
    expect(summary(rotated)).toEqual(['a:EXPIRED', 'f1:ACTIVE', 'f2:NEXT']);
  });

  it('refuses when too few fresh keys are supplied', () => {
    expect(() => rotateKeys('aus1', [record('a', 'ACTIVE')], [fakeKey('f1')], 'AUTO', LATER)).toThrow(
      /not enough generated keys/,
    );
  });

  it('does not modify the keys it is given', () => {
    const current = [record('a', 'ACTIVE'), record('n', 'NEXT')];
    const before = structuredClone(current);
    rotateKeys('aus1', current, [fakeKey('fresh')], 'AUTO', LATER);
    expect(current).toEqual(before);
  });
});

describe('keysNeededForRotation', () => {
  it.each([
    { keys: ['ACTIVE', 'NEXT'], mode: 'AUTO', needed: 1 },
    { keys: ['ACTIVE'], mode: 'AUTO', needed: 2 },
    { keys: ['ACTIVE', 'NEXT'], mode: 'MANUAL', needed: 0 },
    { keys: ['ACTIVE'], mode: 'MANUAL', needed: 1 },
    { keys: ['EXPIRED', 'ACTIVE'], mode: 'MANUAL', needed: 1 },
  ] as const)('needs $needed fresh key(s) for $keys in $mode mode', ({ keys, mode, needed }) => {
    const current = keys.map((status, i) => record(`k${i}`, status));
    expect(keysNeededForRotation(current, mode)).toBe(needed);
    // The count is exactly what rotateKeys consumes.
    const fresh = Array.from({ length: needed }, (_, i) => fakeKey(`f${i}`));
    expect(() => rotateKeys('aus1', current, fresh, mode, LATER)).not.toThrow();
  });
});

describe('nextRotationAfter', () => {
  it(`schedules AUTO rotation ${AUTO_ROTATION_DAYS} days later`, () => {
    expect(AUTO_ROTATION_DAYS).toBe(90);
    expect(nextRotationAfter(NOW, 'AUTO')).toEqual(new Date('2024-07-30T12:00:00.000Z'));
  });

  it('schedules nothing in MANUAL mode', () => {
    expect(nextRotationAfter(NOW, 'MANUAL')).toBeNull();
  });
});

describe('byStatus', () => {
  it('orders keys ACTIVE, NEXT, EXPIRED as Okta lists them', () => {
    const keys = [record('e', 'EXPIRED'), record('n', 'NEXT'), record('a', 'ACTIVE')];
    expect(summary(byStatus(keys))).toEqual(['a:ACTIVE', 'n:NEXT', 'e:EXPIRED']);
  });

  it('returns a new array and leaves the input order alone', () => {
    const keys = [record('n', 'NEXT'), record('a', 'ACTIVE')];
    const sorted = byStatus(keys);
    expect(sorted).not.toBe(keys);
    expect(summary(keys)).toEqual(['n:NEXT', 'a:ACTIVE']);
  });
});
