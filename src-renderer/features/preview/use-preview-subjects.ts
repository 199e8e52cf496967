/** The users and apps a preview can be for, read afresh each time a preview opens (they change elsewhere). */
import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '../../state/store-context.js';

export function usePreviewSubjects() {
  const store = useStoreApi();
  const load = useAppStore((s) => s.previewSubjects);
  const users = useAppStore((s) => s.previewUsers);
  const apps = useAppStore((s) => s.previewApps);
  useEffect(() => {
    void store.getState().loadPreviewSubjects();
  }, [store]);
  return { load, users, apps, retry: () => void store.getState().loadPreviewSubjects() };
}
