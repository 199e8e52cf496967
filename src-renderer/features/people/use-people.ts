/**
 * The People screens' data: the list for a search, and one person with their groups and apps,
 * each loaded when first needed, again when the window regains focus (someone may have changed
 * them through the API meanwhile), and after the admin token changed and the store was reset.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectPeople } from '../../state/people-slice.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { useKeyedList, useRefreshOnFocus } from '../directory/use-directory-data.js';

export function usePeopleList(query: string) {
  const store = useStoreApi();
  const load = useAppStore((s) => s.peopleList);
  const people = useAppStore(useShallow(selectPeople));
  const shownQuery = useAppStore((s) => s.peopleQuery);
  const reload = () => void store.getState().loadPeople(query);
  useEffect(() => {
    const state = store.getState();
    if (state.peopleList.status === 'idle' || state.peopleQuery !== query) void state.loadPeople(query);
  }, [store, query, load.status]);
  useRefreshOnFocus(reload);
  return { load, people, shownQuery, retry: reload };
}

export function usePerson(id: string) {
  const store = useStoreApi();
  const person = useAppStore((s) => s.peopleById[id]);
  const load = useAppStore((s) => s.personLoads[id]);
  const status = load?.status ?? 'idle';
  const reload = () => void store.getState().loadPerson(id);
  useEffect(() => {
    if ((store.getState().personLoads[id]?.status ?? 'idle') === 'idle') void store.getState().loadPerson(id);
  }, [store, id, status]);
  useRefreshOnFocus(reload);
  return { person, load: load ?? { status: 'idle' as const }, retry: reload };
}

export const usePersonGroups = (id: string) => useKeyedList('personGroups', 'loadPersonGroups', id);
export const usePersonApps = (id: string) => useKeyedList('personApps', 'loadPersonApps', id);
