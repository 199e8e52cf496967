import { describe, expect, it } from 'vitest';
import { emptyScopeDraft, scopeDraftOf, toScopeWrite } from '../../../src-renderer/state/scope-draft.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakePoliciesApi, ruleDto } from './fake-policies-api.js';

function setup() {
  const api = new FakePoliciesApi();
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}
const names = (store: ReturnType<typeof setup>['store']) =>
  store.getState().serverScopes['default']?.items.map((s) => s.name);

describe('scopes slice', () => {
  it('creates a scope with the form’s choices and reloads the list', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().createScope('default', {
      ...emptyScopeDraft(),
      name: 'pets:write',
      displayName: 'Change your pets',
      consentRequired: true,
      metadata: true,
    });
    expect(outcome).toMatchObject({ ok: true, scope: { name: 'pets:write' } });
    expect(api.scopes.get('default')?.at(-1)).toMatchObject({
      consent: 'REQUIRED',
      metadataPublish: 'ALL_CLIENTS',
      default: false,
      displayName: 'Change your pets',
    });
    expect(names(store)).toEqual(['openid', 'pets:read', 'pets:write']);
  });

  it('shows a bad name’s cause under Name and adds nothing', async () => {
    const { store, api } = setup();
    const outcome = await store.getState().createScope('default', { ...emptyScopeDraft(), name: 'pets read' });
    expect(outcome).toEqual({
      ok: false,
      fieldErrors: { name: 'must be printable ASCII without spaces, double quotes (") or backslashes (\\)' },
      formError: null,
    });
    expect(api.scopes.get('default')).toHaveLength(2);
  });

  it('edits a scope, keeping consent FLEXIBLE the form does not offer', async () => {
    const { store, api } = setup();
    const scope = { ...api.scopes.get('default')![1]!, consent: 'FLEXIBLE' as const };
    api.scopes.set('default', [api.scopes.get('default')![0]!, scope]);
    expect(toScopeWrite({ ...scopeDraftOf(scope), description: 'Read pets' }, scope).consent).toBe('FLEXIBLE');
    const outcome = await store.getState().saveScope('default', scope, { ...scopeDraftOf(scope), isDefault: true });
    expect(outcome.ok).toBe(true);
    expect(api.scopes.get('default')?.[1]).toMatchObject({ default: true, consent: 'FLEXIBLE' });
  });

  it('deletes a scope; one a rule names is refused with the places listed', async () => {
    const { store, api } = setup();
    api.rules.set('00pDEFAULT', [
      ruleDto('0prPETS', 1, {
        name: 'Pets rule',
        conditions: { ...ruleDto('x', 1).conditions, scopes: { include: ['pets:read'] } },
      }),
    ]);
    const refused = await store.getState().deleteScope('default', 'scppets:read');
    expect(refused).toMatchObject({
      ok: false,
      error: {
        summary: 'Api validation failed: scope pets:read is still used by an access policy',
        issues: [{ field: 'id', message: "scope pets:read is used by rule 'Pets rule'; remove it there first" }],
      },
    });
    api.rules.set('00pDEFAULT', []);
    expect(await store.getState().deleteScope('default', 'scppets:read')).toEqual({ ok: true });
    expect(names(store)).toEqual(['openid']);
  });
});
