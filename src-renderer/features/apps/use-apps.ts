/**
 * The Applications screens' data hooks: each asks the store for what its screen shows, and loads it
 * again whenever the screen opens or the window regains focus, so changes made elsewhere (the API,
 * another window) show.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectApps } from '../../state/apps-slice.js';
import { IDLE } from '../../state/load-state.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

/** Runs `load` now, after the admin token changes, and each time the window regains focus. */
function useLoadOnOpenAndFocus(load: () => void, deps: unknown[]) {
  useEffect(() => {
    load();
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` names what `load` reads
  }, deps);
}

export function useAppList() {
  const store = useStoreApi();
  const load = useAppStore((s) => s.appList);
  const apps = useAppStore(useShallow(selectApps));
  const token = useAppStore((s) => s.token);
  useLoadOnOpenAndFocus(() => void store.getState().loadApps(), [store, token]);
  return { load, apps, retry: () => void store.getState().loadApps() };
}

export function useApp(id: string) {
  const store = useStoreApi();
  const app = useAppStore((s) => s.appsById[id]);
  const load = useAppStore((s) => s.appLoads[id]) ?? IDLE;
  const token = useAppStore((s) => s.token);
  useLoadOnOpenAndFocus(() => void store.getState().loadApp(id), [store, id, token]);
  return { app, load, retry: () => void store.getState().loadApp(id) };
}

export function useAppAssignments(appId: string) {
  const store = useStoreApi();
  const entry = useAppStore((s) => s.appAssignments[appId]);
  const token = useAppStore((s) => s.token);
  useLoadOnOpenAndFocus(() => void store.getState().loadAppAssignments(appId), [store, appId, token]);
  return {
    load: entry?.load ?? IDLE,
    users: entry?.users ?? [],
    groups: entry?.groups ?? [],
    retry: () => void store.getState().loadAppAssignments(appId),
  };
}
