/**
 * The Groups screens' data: the list, and one group with its members and apps, each loaded when
 * first needed, again when the window regains focus, and after the admin token changed.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectGroups } from '../../state/groups-slice.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { useKeyedList, useRefreshOnFocus } from '../directory/use-directory-data.js';

export function useGroupList() {
  const store = useStoreApi();
  const load = useAppStore((s) => s.groupList);
  const groups = useAppStore(useShallow(selectGroups));
  const reload = () => void store.getState().loadGroups();
  useEffect(() => {
    if (store.getState().groupList.status === 'idle') void store.getState().loadGroups();
  }, [store, load.status]);
  useRefreshOnFocus(reload);
  return { load, groups, retry: reload };
}

export function useGroup(id: string) {
  const store = useStoreApi();
  const group = useAppStore((s) => s.groupsById[id]);
  const load = useAppStore((s) => s.groupLoads[id]);
  const status = load?.status ?? 'idle';
  const reload = () => void store.getState().loadGroup(id);
  useEffect(() => {
    if ((store.getState().groupLoads[id]?.status ?? 'idle') === 'idle') void store.getState().loadGroup(id);
  }, [store, id, status]);
  useRefreshOnFocus(reload);
  return { group, load: load ?? { status: 'idle' as const }, retry: reload };
}

export const useGroupMembers = (id: string) => useKeyedList('groupMembers', 'loadGroupMembers', id);
export const useGroupApps = (id: string) => useKeyedList('groupApps', 'loadGroupApps', id);
