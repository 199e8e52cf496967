/**
 * The UI's addresses live in the fragment (`#/authorization-servers/<id>/settings`), so the static
 * server needs no fallback route and Electron can load the same page.
 */
export type ServerTab = 'settings';

export type Route = { page: 'servers' } | { page: 'server'; id: string; tab: ServerTab } | { page: 'events'; id: string | null };

const SERVERS = '#/authorization-servers';
const EVENTS = '#/events';

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // keep it as typed; the server will say it does not exist
  }
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'events') return { page: 'events', id: parts[1] ? decoded(parts[1]) : null };
  if (parts[0] === 'authorization-servers' && parts[1]) return { page: 'server', id: decoded(parts[1]), tab: 'settings' };
  return { page: 'servers' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'servers') return SERVERS;
  if (route.page === 'events') return route.id === null ? EVENTS : `${EVENTS}/${encodeURIComponent(route.id)}`;
  return `${SERVERS}/${encodeURIComponent(route.id)}/${route.tab}`;
}
