/**
 * Lists kept per owner id (a person's groups, a group's members): loading one into the store with
 * its load state, and dropping an answer that belongs to an earlier admin token.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './app-state.js';
import type { ServerList } from './claims-slice.js';
import { IDLE, LOADING, READY } from './load-state.js';

/** The members of the store that hold one list per owner id. */
export type KeyedListKey = {
  [K in keyof AppState]: AppState[K] extends Record<string, ServerList<unknown>> ? K : never;
}[keyof AppState];

type Store = Pick<StoreApi<AppState>, 'setState' | 'getState'>;

function put(store: Store, key: KeyedListKey, id: string, change: Partial<ServerList<unknown>>): void {
  store.setState((state) => {
    const lists = state[key] as Record<string, ServerList<unknown>>;
    return { [key]: { ...lists, [id]: { ...(lists[id] ?? { load: IDLE, items: [] }), ...change } } };
  });
}

/** Fetches `owner`'s list into `state[key][owner]`; a failure becomes that list's error. */
export async function loadKeyedList(
  store: Store,
  key: KeyedListKey,
  owner: string,
  fetch: () => Promise<unknown[]>,
): Promise<void> {
  const token = store.getState().token;
  const stale = () => store.getState().token !== token;
  put(store, key, owner, { load: LOADING });
  try {
    const items = await fetch();
    if (!stale()) put(store, key, owner, { load: READY, items });
  } catch (error) {
    const apiError = store.getState().reportFailure(error);
    if (!stale()) put(store, key, owner, { load: { status: 'error', error: apiError } });
  }
}
