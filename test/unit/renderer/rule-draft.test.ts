import { describe, expect, it } from 'vitest';
import { durationWords, lifetimeOf, minutesOf } from '../../../src-renderer/state/lifetime.js';
import { movedTo, stepped } from '../../../src-renderer/state/prioritized.js';
import { emptyRuleDraft, liveRuleProblems, ruleDraftOf, toRuleWrite } from '../../../src-renderer/state/rule-draft.js';
import type { RuleDto } from '../../../src-main/contracts/rule.js';
import { ruleDto } from './fake-policies-api.js';

const draft = (fields: Partial<ReturnType<typeof emptyRuleDraft>>) => ({ ...emptyRuleDraft(), ...fields });

describe('rule lifetimes', () => {
  it('reads a number and a unit as minutes, and minutes in the largest even unit', () => {
    expect(minutesOf({ amount: '2', unit: 'hours' })).toBe(120);
    expect(minutesOf({ amount: '1.5', unit: 'hours' })).toBeNaN();
    expect(minutesOf({ amount: '', unit: 'days' })).toBeNaN();
    expect(lifetimeOf(10080)).toEqual({ amount: '7', unit: 'days' });
    expect(lifetimeOf(90)).toEqual({ amount: '90', unit: 'minutes' });
    expect(durationWords(1440)).toBe('1 day');
  });

  it('says what is out of Okta’s ranges as it is typed', () => {
    expect(liveRuleProblems(emptyRuleDraft())).toEqual({});
    expect(liveRuleProblems(draft({ access: { amount: '2', unit: 'days' } })).access).toBe(
      'Must be between 5 minutes and 1 day.',
    );
    expect(liveRuleProblems(draft({ access: { amount: 'x', unit: 'minutes' } })).access).toBe('Enter a whole number.');
    const limited = draft({
      refreshUnlimited: false,
      refresh: { amount: '30', unit: 'minutes' },
      window: { amount: '1', unit: 'hours' },
    });
    expect(liveRuleProblems(limited)).toEqual({
      refresh: 'Must be at least the access token lifetime.',
      window: 'Must be at most the refresh token lifetime.',
    });
    expect(liveRuleProblems(draft({ window: { amount: '5', unit: 'minutes' } })).window).toBe(
      'Must be between 10 minutes and 5 years.',
    );
    expect(liveRuleProblems(draft({ people: 'some', grantTypes: [], anyScope: false }))).toEqual({
      grantTypes: 'Choose at least one grant type.',
      groups: 'Choose at least one group or person.',
      scopes: 'Choose at least one scope.',
    });
  });
});

describe('rule draft', () => {
  it('round-trips a stored rule through the form', () => {
    const rule = ruleDto('0pr1', 1, {
      name: 'Members',
      conditions: {
        people: { users: { include: ['00uA'], exclude: [] }, groups: { include: ['00gB'], exclude: ['00gC'] } },
        grantTypes: { include: ['password', 'refresh_token'] },
        scopes: { include: ['openid'] },
      },
      actions: {
        token: { accessTokenLifetimeMinutes: 120, refreshTokenLifetimeMinutes: 43200, refreshTokenWindowMinutes: 1440 },
      },
    });
    const form = ruleDraftOf(rule);
    expect(form).toMatchObject({
      people: 'some',
      users: ['00uA'],
      groups: ['00gB'],
      excludeGroups: ['00gC'],
      grantTypes: ['password'],
      access: { amount: '2', unit: 'hours' },
      refreshUnlimited: false,
      refresh: { amount: '30', unit: 'days' },
      window: { amount: '1', unit: 'days' },
    });
    expect(toRuleWrite(form)).toMatchObject({ conditions: rule.conditions, actions: rule.actions });
  });

  it('reads a client-credentials rule for everyone as No user, and writes Everyone for it', () => {
    const rule = ruleDto('0pr1', 1, {
      conditions: { ...ruleDto('x', 1).conditions, grantTypes: { include: ['client_credentials'] } },
    });
    const form = ruleDraftOf(rule);
    expect(form.people).toBe('none');
    const write = toRuleWrite(form) as unknown as Pick<RuleDto, 'conditions'>;
    expect(write.conditions.people).toEqual({
      users: { include: [], exclude: [] },
      groups: { include: ['EVERYONE'], exclude: [] },
    });
    expect(write.conditions.grantTypes.include).toEqual(['client_credentials']);
  });
});

describe('priorities', () => {
  it('moves an item and renumbers from 1; steps stop at the ends', () => {
    const items = [
      { id: 'a', priority: 1 },
      { id: 'b', priority: 2 },
      { id: 'c', priority: 3 },
    ];
    expect(movedTo(items, 'a', 9).map((i) => `${i.priority}${i.id}`)).toEqual(['1b', '2c', '3a']);
    expect(stepped(items, 'a', -1)).toBeNull();
    expect(stepped(items, 'a', 1)).toBe(2);
    expect(stepped(items, 'c', 1)).toBeNull();
  });
});
