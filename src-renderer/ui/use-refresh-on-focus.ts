/**
 * Reloads what a screen shows whenever the window regains focus, so a list stays right when the
 * same data changed elsewhere (another window, a script against the API).
 */
import { useEffect } from 'react';

export function useRefreshOnFocus(load: () => void): void {
  useEffect(() => {
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  });
}
