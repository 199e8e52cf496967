/**
 * The UI's addresses live in the fragment (`#/authorization-servers/<id>/settings`), so the static
 * server needs no fallback route and Electron can load the same page.
 */
export type ServerTab = 'settings';

export type Route = { page: 'servers' } | { page: 'server'; id: string; tab: ServerTab };

const SERVERS = '#/authorization-servers';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'authorization-servers' && parts[1]) {
    let id = parts[1];
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as typed; the server will say it does not exist
    }
    return { page: 'server', id, tab: 'settings' };
  }
  return { page: 'servers' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'servers') return SERVERS;
  return `${SERVERS}/${encodeURIComponent(route.id)}/${route.tab}`;
}
