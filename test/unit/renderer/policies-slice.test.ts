import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { emptyPolicyDraft } from '../../../src-renderer/state/policy-draft.js';
import { emptyRuleDraft } from '../../../src-renderer/state/rule-draft.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakePoliciesApi, policyDto, ruleDto } from './fake-policies-api.js';

function setup() {
  const api = new FakePoliciesApi();
  api.policies.set('default', [policyDto('00pA', 1), policyDto('00pB', 2), policyDto('00pC', 3)]);
  api.rules.set('00pA', [ruleDto('0prX', 1), ruleDto('0prY', 2)]);
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

type Store = ReturnType<typeof setup>['store'];
const order = (store: Store) =>
  store.getState().serverPolicies['default']?.items.map((p) => `${p.priority}:${p.id}`) ?? [];
const ruleOrder = (store: Store) =>
  store.getState().policyRules['00pA']?.items.map((r) => `${r.priority}:${r.id}`) ?? [];

describe('policies slice', () => {
  it('loads a server’s policies in priority order, and keeps a failed load for Retry', async () => {
    const { store } = setup();
    const loading = store.getState().loadPolicies('default');
    expect(store.getState().serverPolicies['default']?.load.status).toBe('loading');
    await loading;
    expect(order(store)).toEqual(['1:00pA', '2:00pB', '3:00pC']);
    await store.getState().loadPolicies('nope');
    expect(store.getState().serverPolicies['nope']?.load).toMatchObject({
      status: 'error',
      error: { status: 404, errorCode: 'E0000007' },
    });
  });

  it('creates a policy for the chosen clients, last, and lists what the server answers', async () => {
    const { store, api } = setup();
    await store.getState().loadPolicies('default');
    const outcome = await store
      .getState()
      .createPolicy('default', { name: 'Pets', description: 'Pets web', allClients: false, clients: ['0oaWEB'] });
    expect(outcome).toMatchObject({ ok: true, policy: { name: 'Pets', priority: 4 } });
    expect(api.policies.get('default')?.[3]?.conditions.clients.include).toEqual(['0oaWEB']);
    expect(store.getState().serverPolicies['default']?.items.map((p) => p.name)).toEqual([
      '00pA',
      '00pB',
      '00pC',
      'Pets',
    ]);
  });

  it('puts the server’s causes under the form’s fields and adds nothing', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().createPolicy('default', { ...emptyPolicyDraft(), allClients: false });
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: {
        name: 'The field cannot be left blank',
        description: 'The field cannot be left blank',
        clients: 'The field cannot be left blank',
      },
      formError: null,
    });
    expect(api.policies.get('default')).toHaveLength(3);
  });

  it('replaces a policy keeping its priority and status', async () => {
    const { store, api } = setup();
    await store.getState().loadPolicies('default');
    const policy = store.getState().serverPolicies['default']!.items[1]!;
    await store.getState().setPolicyStatus('default', policy.id, 'INACTIVE');
    const outcome = await store
      .getState()
      .savePolicy(
        'default',
        { ...policy, status: 'INACTIVE' },
        { ...emptyPolicyDraft(), name: 'B2', description: 'd' },
      );
    expect(outcome.ok).toBe(true);
    expect(api.policies.get('default')?.[1]).toMatchObject({ id: '00pB', name: 'B2', priority: 2, status: 'INACTIVE' });
    expect(store.getState().serverPolicies['default']?.items[1]?.status).toBe('INACTIVE');
  });

  it('moves a policy at once, saves the new priority with a PUT, then shows the server’s contiguous order', async () => {
    const { store, api } = setup();
    await store.getState().loadPolicies('default');
    const moving = store.getState().movePolicy('default', '00pC', 1);
    expect(order(store)).toEqual(['1:00pC', '2:00pA', '3:00pB']);
    expect(await moving).toEqual({ ok: true });
    expect(api.calls).toContain('replacePolicy default 00pC');
    expect(api.policies.get('default')?.map((p) => `${p.priority}:${p.id}`)).toEqual(['1:00pC', '2:00pA', '3:00pB']);
    expect(order(store)).toEqual(['1:00pC', '2:00pA', '3:00pB']);
  });

  it('puts the list back and says why when the move is refused', async () => {
    const { store, api } = setup();
    await store.getState().loadPolicies('default');
    api.failNext.replacePolicy = new ApiError(400, 'E0000001', 'Api validation failed: priority');
    const outcome = await store.getState().movePolicy('default', '00pA', 3);
    expect(outcome).toMatchObject({ ok: false, error: { summary: 'Api validation failed: priority' } });
    expect(order(store)).toEqual(['1:00pA', '2:00pB', '3:00pC']);
  });

  it('deletes a policy and closes the gap; a refusal (gone elsewhere) is told and the list kept', async () => {
    const { store, api } = setup();
    await store.getState().loadPolicies('default');
    expect(await store.getState().deletePolicy('default', '00pA')).toEqual({ ok: true });
    expect(order(store)).toEqual(['1:00pB', '2:00pC']);
    api.policies.set('default', [policyDto('00pC', 1)]);
    const refused = await store.getState().deletePolicy('default', '00pB');
    expect(refused).toMatchObject({ ok: false, error: { status: 404, summary: expect.stringContaining('00pB') } });
    expect(order(store)).toEqual(['1:00pB', '2:00pC']);
    await store.getState().loadPolicies('default');
    expect(order(store)).toEqual(['1:00pC']);
  });
});

describe('rules in the policies slice', () => {
  it('loads, creates (Refresh Token going with Authorization Code) and moves rules', async () => {
    const { store, api } = setup();
    await store.getState().loadRules('default', '00pA');
    expect(ruleOrder(store)).toEqual(['1:0prX', '2:0prY']);
    const outcome = await store.getState().createRule('default', '00pA', {
      ...emptyRuleDraft(),
      name: 'Web',
      grantTypes: ['authorization_code', 'implicit'],
      anyScope: false,
      scopes: ['openid', 'pets:read'],
      access: { amount: '30', unit: 'minutes' },
    });
    expect(outcome).toMatchObject({ ok: true, rule: { name: 'Web', priority: 3 } });
    const created = api.rules.get('00pA')?.[2];
    expect(created?.conditions.grantTypes.include).toEqual(['authorization_code', 'implicit', 'refresh_token']);
    expect(created?.conditions.scopes.include).toEqual(['openid', 'pets:read']);
    expect(created?.actions.token.accessTokenLifetimeMinutes).toBe(30);
    await store.getState().moveRule('default', '00pA', created!.id, 1);
    expect(ruleOrder(store)).toEqual([`1:${created!.id}`, '2:0prX', '3:0prY']);
  });

  it('maps lifetime causes to the lifetime fields', async () => {
    const { store } = setup();
    const outcome = await store.getState().createRule('default', '00pA', {
      ...emptyRuleDraft(),
      name: 'Too long',
      access: { amount: '2', unit: 'days' },
    });
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: { access: 'must be between 5 and 1440' },
      formError: null,
    });
  });

  it('deactivates and deletes a rule, showing the server’s list after each', async () => {
    const { store, api } = setup();
    await store.getState().loadRules('default', '00pA');
    expect(await store.getState().setRuleStatus('default', '00pA', '0prX', 'INACTIVE')).toEqual({ ok: true });
    expect(store.getState().policyRules['00pA']?.items[0]?.status).toBe('INACTIVE');
    expect(await store.getState().deleteRule('default', '00pA', '0prX')).toEqual({ ok: true });
    expect(ruleOrder(store)).toEqual(['1:0prY']);
    expect(api.calls).toContain('deleteRule default 00pA 0prX');
  });

  it('forgets policies and rules when the admin token changes', async () => {
    const { store } = setup();
    await store.getState().loadPolicies('default');
    store.getState().saveToken('other');
    expect(store.getState().serverPolicies).toEqual({});
  });
});
