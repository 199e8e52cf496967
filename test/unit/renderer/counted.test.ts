/** Counts in the renderer's words take the noun's number: the Sandbox import's status and the lifetimes. */
import { describe, expect, it } from 'vitest';
import { minutes } from '../../../src-renderer/features/events/lifetime-trace.js';
import { createdWords } from '../../../src-renderer/features/sandbox/import-card.js';
import { counted } from '../../../src-renderer/state/counted.js';
import { durationWords } from '../../../src-renderer/state/lifetime.js';

const NONE = { servers: 0, scopes: 0, claims: 0, policies: 0, rules: 0, apps: 0, users: 0, groups: 0 };

describe('counted', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(counted(1, 'server')).toBe('1 server');
    expect(counted(0, 'server')).toBe('0 servers');
    expect(counted(2, 'policy', 'policies')).toBe('2 policies');
    expect(counted(1, 'policy', 'policies')).toBe('1 policy');
  });
});

describe("the Sandbox import's summary", () => {
  it('names one of a kind in the singular and more in the plural, in the document order', () => {
    expect(createdWords({ ...NONE, servers: 1, scopes: 2, claims: 1, policies: 1, rules: 1, apps: 2 })).toBe(
      '1 server, 2 scopes, 1 claim, 1 policy, 1 rule, 2 apps',
    );
    expect(createdWords({ ...NONE, policies: 3, users: 1, groups: 2 })).toBe('3 policies, 1 user, 2 groups');
  });

  it('says nothing when the document creates nothing', () => {
    expect(createdWords(NONE)).toBe('nothing');
  });
});

describe('lifetimes', () => {
  it('say one unit in the singular', () => {
    expect(durationWords(1)).toBe('1 minute');
    expect(durationWords(60)).toBe('1 hour');
    expect(durationWords(1440)).toBe('1 day');
    expect(durationWords(90)).toBe('90 minutes');
    expect(minutes(120)).toBe('2 hours');
    expect(minutes(0)).toBe('Unlimited');
  });
});
