import { describe, expect, it } from 'vitest';
import { MemoryDpopProofStore } from '../../../src-main/app/dpop-proof-store.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('MemoryDpopProofStore', () => {
  it('takes a jti once per key until it expires', () => {
    const store = new MemoryDpopProofStore();
    expect(store.useOnce('key-a', 'j1', at(60), T0)).toBe(true);
    expect(store.useOnce('key-a', 'j1', at(60), at(59))).toBe(false);
    expect(store.useOnce('key-b', 'j1', at(60), T0)).toBe(true);
    expect(store.useOnce('key-a', 'j1', at(120), at(60))).toBe(true);
  });

  it('makes room by dropping expired ids, and refuses to forget live ones when full', () => {
    const store = new MemoryDpopProofStore(2);
    store.useOnce('k', 'j1', at(10), T0);
    store.useOnce('k', 'j2', at(100), T0);
    expect(store.useOnce('k', 'j3', at(100), at(20))).toBe(true);
    expect(() => store.useOnce('k', 'j4', at(100), at(30))).toThrow('the DPoP proof store holds 2 live proof ids');
    expect(store.useOnce('k', 'j2', at(100), at(30))).toBe(false);
  });
});
