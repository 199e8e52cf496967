/**
 * The Access Policies tab's data: a server's policies, a policy's rules and the directory the
 * pickers offer (through the apps, people and groups slices), each loaded when first needed and again whenever the window regains focus, so the
 * lists stay right when the same data changed elsewhere (another window, a script).
 */
import { useEffect } from 'react';
import type { AppDto } from '../../../src-main/contracts/app.js';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import type { UserDto } from '../../../src-main/contracts/user.js';
import { IDLE } from '../../state/load-state.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { useRefreshOnFocus } from '../../ui/use-refresh-on-focus.js';
import { useAppList } from '../apps/use-apps.js';
import { useGroupList } from '../groups/use-groups.js';
import { usePeopleList } from '../people/use-people.js';

/** Runs `load` now if `idle`, and on every focus of the window. */
function useLoadAndRefresh(idle: boolean, load: () => void) {
  useEffect(() => {
    if (idle) load();
    // `load` is rebuilt on each render; the keys it closes over are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idle]);
  useRefreshOnFocus(load);
}

export function usePolicies(serverId: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.serverPolicies[serverId]);
  const load = () => void store.getState().loadPolicies(serverId);
  useLoadAndRefresh((entry?.load.status ?? 'idle') === 'idle', load);
  return { policies: entry?.items ?? [], load: entry?.load ?? IDLE, retry: load };
}

export function useRules(serverId: string, policyId: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.policyRules[policyId]);
  const load = () => void store.getState().loadRules(serverId, policyId);
  useLoadAndRefresh((entry?.load.status ?? 'idle') === 'idle', load);
  return { rules: entry?.items ?? [], load: entry?.load ?? IDLE, retry: load };
}

/** The apps the policy pickers offer (by client id), from the Applications slice. */
export const usePickerApps = (): AppDto[] => useAppList().apps;

/** The groups and people the rule pickers offer, from the Directory slices. */
export function usePickerPeople(): { groups: GroupDto[]; users: UserDto[] } {
  return { groups: useGroupList().groups, users: usePeopleList('').people };
}
