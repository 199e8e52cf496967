/**
 * Screen-level data hooks: each asks the store for what its screen shows, loading it the first
 * time it is needed (or again after the admin token changed and the store was reset).
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectServers } from '../../state/servers-slice.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

export function useServerList() {
  const store = useStoreApi();
  const load = useAppStore((s) => s.serverList);
  const servers = useAppStore(useShallow(selectServers));
  useEffect(() => {
    const state = store.getState();
    if (state.serverList.status === 'idle') void state.loadServers();
  }, [store, load.status]);
  return { load, servers, retry: () => void store.getState().loadServers() };
}

export function useServer(id: string) {
  const store = useStoreApi();
  const server = useAppStore((s) => s.serversById[id]);
  const load = useAppStore((s) => s.serverLoads[id]);
  const known = server !== undefined;
  useEffect(() => {
    const state = store.getState();
    if (!known && (state.serverLoads[id]?.status ?? 'idle') === 'idle') void state.loadServer(id);
  }, [store, id, known, load?.status]);
  return { server, load: load ?? { status: 'idle' as const }, retry: () => void store.getState().loadServer(id) };
}

export function useSigningKeys(serverId: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.signingKeys[serverId]);
  useEffect(() => {
    if (!store.getState().signingKeys[serverId]) void store.getState().loadSigningKeys(serverId);
  }, [store, serverId, entry]);
  return {
    keys: entry?.keys ?? [],
    load: entry?.load ?? { status: 'idle' as const },
    retry: () => void store.getState().loadSigningKeys(serverId),
  };
}
