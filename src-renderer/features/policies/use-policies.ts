/**
 * The Access Policies tab's data: a server's policies, a policy's rules and the directory the
 * pickers offer, each loaded when first needed and again whenever the window regains focus, so the
 * lists stay right when the same data changed elsewhere (another window, a script).
 */
import { useEffect } from 'react';
import { IDLE } from '../../state/load-state.js';
import { useAppStore, useStoreApi } from '../../state/store-context.js';
import { useRefreshOnFocus } from '../../ui/use-refresh-on-focus.js';

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

export function useDirectoryChoices() {
  const store = useStoreApi();
  const choices = useAppStore((s) => s.directoryChoices);
  const load = () => void store.getState().loadDirectoryChoices();
  useLoadAndRefresh(choices.load.status === 'idle', load);
  return { ...choices, retry: load };
}
