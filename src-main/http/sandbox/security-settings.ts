/**
 * `GET` and `PUT /api/sandbox/v1/settings/security`: the lockout threshold and the throttles of
 * failed client authentications and sign-ins (contracts/security-settings.ts). A PUT replaces all
 * of them; a bad value is 400 E0000001 with one cause per field.
 */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { managementRoutes } from '../management/endpoint.js';
import { handle } from '../route-table.js';

export function registerSecuritySettingsRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { securitySettings } = ctx.services;
  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.getSecuritySettings, async () => securitySettings.get()),
    handle(routes.replaceSecuritySettings, async (request) => securitySettings.update(request.body)),
  ]);
}
