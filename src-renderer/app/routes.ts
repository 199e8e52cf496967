/**
 * The UI's addresses live in the fragment (`#/authorization-servers/<id>/settings`), so the static
 * server needs no fallback route and Electron can load the same page.
 */
export const SERVER_TABS = ['settings', 'access-policies', 'scopes', 'claims', 'token-preview'] as const;
export type ServerTab = (typeof SERVER_TABS)[number];

export type Route =
  | { page: 'servers' }
  /** `policyId`: on Access Policies, the selected policy (`#/authorization-servers/<id>/access-policies/<policyId>`). */
  | { page: 'server'; id: string; tab: ServerTab; policyId?: string }
  | { page: 'events'; id: string | null }
  | { page: 'sandbox' }
  | { page: 'flow-runner'; runId: string | null };

const SERVERS = '#/authorization-servers';
const EVENTS = '#/events';
const SANDBOX = '#/sandbox';
const FLOW_RUNNER = '#/flow-runner';

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part; // keep it as typed; the server will say it does not exist
  }
}

/** An unknown or missing tab opens Settings, as a bare server address does. */
const tabOf = (part: string | undefined): ServerTab => SERVER_TABS.find((tab) => tab === part) ?? 'settings';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'sandbox') return { page: 'sandbox' };
  if (parts[0] === 'events') return { page: 'events', id: parts[1] ? decoded(parts[1]) : null };
  if (parts[0] === 'flow-runner') return { page: 'flow-runner', runId: parts[1] ? decoded(parts[1]) : null };
  if (parts[0] === 'authorization-servers' && parts[1]) {
    const tab = tabOf(parts[2]);
    if (tab === 'access-policies' && parts[3])
      return { page: 'server', id: decoded(parts[1]), tab, policyId: decoded(parts[3]) };
    return { page: 'server', id: decoded(parts[1]), tab };
  }
  return { page: 'servers' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'servers') return SERVERS;
  if (route.page === 'sandbox') return SANDBOX;
  if (route.page === 'events') return route.id === null ? EVENTS : `${EVENTS}/${encodeURIComponent(route.id)}`;
  if (route.page === 'flow-runner')
    return route.runId === null ? FLOW_RUNNER : `${FLOW_RUNNER}/${encodeURIComponent(route.runId)}`;
  const server = `${SERVERS}/${encodeURIComponent(route.id)}/${route.tab}`;
  return route.tab === 'access-policies' && route.policyId ? `${server}/${encodeURIComponent(route.policyId)}` : server;
}
