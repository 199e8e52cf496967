/** Data hooks the People and Groups screens share: a list kept per owner id, and a refresh when the window regains focus. */
import { useEffect, useRef } from 'react';
import type { AppState } from '../../state/app-state.js';
import type { OwnedList } from '../../state/keyed-lists.js';
import { IDLE } from '../../state/load-state.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

/** The members of the store that hold one list per owner id. */
type KeyedListKey = {
  [K in keyof AppState]: AppState[K] extends Record<string, OwnedList<unknown>> ? K : never;
}[keyof AppState];

type Loader = { [K in keyof AppState]: AppState[K] extends (id: string) => Promise<void> ? K : never }[keyof AppState];

/** `state[key][owner]`, loaded the first time it is needed and again on focus. */
export function useKeyedList<K extends KeyedListKey>(key: K, loader: Loader, owner: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s[key][owner]) as AppState[K][string] | undefined;
  const status = entry?.load.status ?? 'idle';
  const reload = () => void (store.getState()[loader] as (id: string) => Promise<void>)(owner);
  useEffect(() => {
    if ((store.getState()[key][owner]?.load.status ?? 'idle') === 'idle')
      void (store.getState()[loader] as (id: string) => Promise<void>)(owner);
  }, [store, key, loader, owner, status]);
  useRefreshOnFocus(reload);
  return { items: (entry?.items ?? []) as AppState[K][string]['items'], load: entry?.load ?? IDLE, retry: reload };
}

/** Calls `refresh` whenever the window gets the focus back (the latest `refresh`, without re-subscribing). */
export function useRefreshOnFocus(refresh: () => void): void {
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  });
  useEffect(() => {
    const onFocus = () => latest.current();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
}
