/** The org authorization server as the sandbox API shows it, loaded when the admin token changes. */
import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

export function useOrgServer() {
  const store = useStoreApi();
  const org = useAppStore((s) => s.orgServer);
  const load = useAppStore((s) => s.orgServerLoad);
  const token = useAppStore((s) => s.token);
  useEffect(() => void store.getState().loadOrgServer(), [store, token]);
  const retry = () => void store.getState().loadOrgServer();
  return { org, load, retry };
}
