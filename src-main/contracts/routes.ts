/**
 * The route map: every route of the management API (`/api/v1`, Okta's) and of the sandbox API
 * (`/api/sandbox/v1`, ours) with its method, path, body schema and answer. The HTTP layer registers
 * its handlers by these entries and the renderer's client calls them, so neither side writes a URL
 * or a body shape of its own; `test/integration/routes/route-map.test.ts` checks the map against
 * the routes a running server has.
 */
import { directoryRoutes } from './directory-routes.js';
import type { RouteDef } from './route-def.js';
import { sandboxRoutes } from './sandbox-routes.js';
import { serverRoutes } from './server-routes.js';
import { appGrantRoutes } from './app-grant-routes.js';

export type {
  BodyOf,
  HttpMethod,
  PagedRoute,
  Paging,
  ParamsOf,
  QueryOf,
  ResponseOf,
  RouteDef,
  Shape,
  StreamRoute,
} from './route-def.js';
export { pathOf } from './route-def.js';
export type { AppGroupInput, AppUserInput, DirectoryQuery } from './directory-routes.js';
export { userLifecycleRoutes } from './directory-routes.js';
export type { EventCriteriaQuery, EventListQuery, EventStreamQuery } from './sandbox-routes.js';
export type { PageQuery } from './server-routes.js';

export const MANAGEMENT_PREFIX = '/api/v1';
export const SANDBOX_PREFIX = '/api/sandbox/v1';

export const routes = {
  ...serverRoutes,
  ...directoryRoutes,
  ...sandboxRoutes,
  ...appGrantRoutes,
} as const satisfies Record<string, RouteDef>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;
