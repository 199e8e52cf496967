/** The current route, read from location.hash and updated on every `hashchange`. */
import { useSyncExternalStore } from 'react';
import { parseRoute } from './routes.js';
import type { Route } from './routes.js';
import { hrefOf } from './routes.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
