/**
 * The UI's addresses live in the fragment (`#/authorization-servers/<id>/settings`), so the static
 * server needs no fallback route and Electron can load the same page.
 */
import { directoryHrefOf, isDirectoryRoute, parseDirectoryRoute } from './directory-routes.js';
import type { DirectoryRoute } from './directory-routes.js';

export const SERVER_TABS = ['settings', 'access-policies', 'scopes', 'claims', 'token-preview'] as const;
export type ServerTab = (typeof SERVER_TABS)[number];

export type InspectorView = 'inspect' | 'compare';
export const APP_TABS = ['general', 'assignments', 'okta-api-scopes'] as const;
export type AppTab = (typeof APP_TABS)[number];

export type Route =
  | { page: 'servers' }
  /** `policyId`: on Access Policies, the selected policy (`#/authorization-servers/<id>/access-policies/<policyId>`). */
  | { page: 'server'; id: string; tab: ServerTab; policyId?: string }
  /** `filter`: the Event Log's filters, in the address's query (`#/events/<id>?endpoint=token&jti=…`). */
  | { page: 'events'; id: string | null; filter?: EventRouteFilter }
  | { page: 'sandbox' }
  | { page: 'flow-runner'; runId: string | null }
  | { page: 'token-inspector'; view: InspectorView }
  | { page: 'apps' }
  | { page: 'app'; id: string; tab: AppTab }
  | DirectoryRoute;

/** The Event Log filters an address can carry, each the events API's query parameter of that name. */
export const EVENT_ROUTE_FILTERS = ['serverId', 'clientId', 'userId', 'endpoint', 'outcome', 'jti'] as const;
export type EventRouteFilter = Partial<Record<(typeof EVENT_ROUTE_FILTERS)[number], string>>;

/** The filters set in `search` (a query string), known names only. */
function eventFilterOf(search: string): EventRouteFilter {
  const params = new URLSearchParams(search);
  const filter: EventRouteFilter = {};
  for (const name of EVENT_ROUTE_FILTERS) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  return filter;
}

/** `?name=value…` for the filters that are set, or ''. */
function eventSearchOf(filter: EventRouteFilter = {}): string {
  const set = EVENT_ROUTE_FILTERS.flatMap((name) => (filter[name] ? [[name, filter[name]!]] : []));
  return set.length > 0 ? `?${new URLSearchParams(set).toString()}` : '';
}

const SERVERS = '#/authorization-servers';
const EVENTS = '#/events';
const INSPECTOR = '#/token-inspector';
const APPS = '#/applications';
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

/** An unknown or missing tab of an app opens General. */
const appTabOf = (part: string | undefined): AppTab => APP_TABS.find((tab) => tab === part) ?? 'general';

export function parseRoute(hash: string): Route {
  const queryAt = hash.indexOf('?');
  const search = queryAt < 0 ? '' : hash.slice(queryAt + 1);
  const parts = (queryAt < 0 ? hash : hash.slice(0, queryAt)).replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'token-inspector')
    return { page: 'token-inspector', view: parts[1] === 'compare' ? 'compare' : 'inspect' };
  if (parts[0] === 'applications')
    return parts[1] ? { page: 'app', id: decoded(parts[1]), tab: appTabOf(parts[2]) } : { page: 'apps' };
  const directory = parseDirectoryRoute(parts, decoded);
  if (directory) return directory;
  if (parts[0] === 'sandbox') return { page: 'sandbox' };
  if (parts[0] === 'events') {
    const filter = eventFilterOf(search);
    const id = parts[1] ? decoded(parts[1]) : null;
    return Object.keys(filter).length > 0 ? { page: 'events', id, filter } : { page: 'events', id };
  }
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
  if (isDirectoryRoute(route)) return directoryHrefOf(route);
  if (route.page === 'servers') return SERVERS;
  if (route.page === 'token-inspector') return route.view === 'compare' ? `${INSPECTOR}/compare` : INSPECTOR;
  if (route.page === 'sandbox') return SANDBOX;
  if (route.page === 'events')
    return `${route.id === null ? EVENTS : `${EVENTS}/${encodeURIComponent(route.id)}`}${eventSearchOf(route.filter)}`;
  if (route.page === 'flow-runner')
    return route.runId === null ? FLOW_RUNNER : `${FLOW_RUNNER}/${encodeURIComponent(route.runId)}`;
  if (route.page === 'apps') return APPS;
  if (route.page === 'app') return `${APPS}/${encodeURIComponent(route.id)}/${route.tab}`;
  const server = `${SERVERS}/${encodeURIComponent(route.id)}/${route.tab}`;
  return route.tab === 'access-policies' && route.policyId ? `${server}/${encodeURIComponent(route.policyId)}` : server;
}
