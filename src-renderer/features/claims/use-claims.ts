/**
 * The Claims tab's data: a server's claims and the scopes a claim condition can name, each loaded
 * the first time it is needed (or again after the admin token changed and the store was reset).
 */
import { useEffect } from 'react';
import type { AppState } from '../../state/app-state.js';
import { IDLE } from '../../state/load-state.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

type ListKey = 'serverClaims' | 'serverScopes';
const LOADERS = { serverClaims: 'loadClaims', serverScopes: 'loadScopes' } as const;

function useServerItems<K extends ListKey>(key: K, serverId: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s[key][serverId]) as AppState[K][string] | undefined;
  const load = () => void store.getState()[LOADERS[key]](serverId);
  const status = entry?.load.status ?? 'idle';
  useEffect(() => {
    const state = store.getState();
    if ((state[key][serverId]?.load.status ?? 'idle') === 'idle') void state[LOADERS[key]](serverId);
  }, [store, key, serverId, status]);
  return { items: (entry?.items ?? []) as AppState[K][string]['items'], load: entry?.load ?? IDLE, retry: load };
}

export function useClaims(serverId: string) {
  const { items, ...rest } = useServerItems('serverClaims', serverId);
  return { claims: items, ...rest };
}

export function useServerScopes(serverId: string) {
  const { items, ...rest } = useServerItems('serverScopes', serverId);
  return { scopes: items, ...rest };
}
