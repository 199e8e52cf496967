/** Every management API resource under /api/v1 (the SSWS guard and 404s are set by the caller). */
import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { registerAppAssignmentRoutes } from './app-assignments.js';
import { registerAppGrantRoutes } from './app-grants.js';
import { registerAppRoutes } from './apps.js';
import { registerAuthorizationServerRoutes } from './authorization-servers.js';
import { registerClaimRoutes } from './claims.js';
import { registerGroupRoutes } from './groups.js';
import { registerPolicyRoutes } from './policies.js';
import { registerRuleRoutes } from './rules.js';
import { registerScopeRoutes } from './scopes.js';
import { registerUserRoutes } from './users.js';

export function registerManagementRoutes(api: FastifyInstance, ctx: HttpContext): void {
  registerAuthorizationServerRoutes(api, ctx);
  registerScopeRoutes(api, ctx);
  registerClaimRoutes(api, ctx);
  registerPolicyRoutes(api, ctx);
  registerRuleRoutes(api, ctx);
  registerAppRoutes(api, ctx);
  registerAppAssignmentRoutes(api, ctx);
  registerAppGrantRoutes(api, ctx);
  registerUserRoutes(api, ctx);
  registerGroupRoutes(api, ctx);
}
