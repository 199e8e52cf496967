/** `/api/v1/apps/{appId}/users` and `/groups` — app assignments (Okta "Application Users" and "Application Groups" APIs). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { presentAppGroup, presentAppUser, presentEmbeddedUser } from './app-presenters.js';
import { managementRoutes } from './endpoint.js';
import { readPage, sendPage } from './paging.js';

const query = (request: FastifyRequest) => request.query as Record<string, unknown>;

export function registerAppAssignmentRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { appAssignments: assignments } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listAppUsers, async (request, reply) => {
      const { appId } = request.params;
      const page = readPage(query(request), routes.listAppUsers.paging);
      const q = typeof query(request)['q'] === 'string' ? (query(request)['q'] as string) : undefined;
      const expandUser = query(request)['expand'] === 'user';
      const rows = sendPage(request, reply, page, (limit) =>
        assignments.listUsers(appId, { ...page, limit }, q).map((a) => ({ ...a, id: a.userId })),
      );
      return rows.map((a) => {
        const embedded = expandUser ? assignments.userForEmbed(a.userId) : undefined;
        return presentAppUser(a, origin(request), embedded && presentEmbeddedUser(embedded, origin(request)));
      });
    }),
    // Okta answers 200 with the AppUser.
    handle(routes.assignUserToApp, async (request) =>
      presentAppUser(assignments.assignUser(request.params.appId, request.body), origin(request)),
    ),
    handle(routes.getAppUser, async (request) => {
      const { appId, userId } = request.params;
      const assignment = assignments.getUser(appId, userId);
      const embedded = query(request)['expand'] === 'user' ? assignments.userForEmbed(userId) : undefined;
      return presentAppUser(assignment, origin(request), embedded && presentEmbeddedUser(embedded, origin(request)));
    }),
    handle(routes.updateAppUser, async (request) => {
      const { appId, userId } = request.params;
      return presentAppUser(assignments.updateUser(appId, userId, request.body), origin(request));
    }),
    handle(routes.unassignUserFromApp, async (request, reply) => {
      const { appId, userId } = request.params;
      assignments.unassignUser(appId, userId);
      return reply.code(204).send();
    }),

    handle(routes.listAppGroups, async (request, reply) => {
      const page = readPage(query(request), routes.listAppGroups.paging);
      const rows = sendPage(request, reply, page, (limit) =>
        assignments.listGroups(request.params.appId, { ...page, limit }).map((a) => ({ ...a, id: a.groupId })),
      );
      return rows.map((a) => presentAppGroup(a, origin(request)));
    }),
    handle(routes.getAppGroup, async (request) => {
      const { appId, groupId } = request.params;
      return presentAppGroup(assignments.getGroup(appId, groupId), origin(request));
    }),
    handle(routes.assignGroupToApp, async (request) => {
      const { appId, groupId } = request.params;
      return presentAppGroup(assignments.assignGroup(appId, groupId, request.body), origin(request));
    }),
    handle(routes.unassignGroupFromApp, async (request, reply) => {
      const { appId, groupId } = request.params;
      assignments.unassignGroup(appId, groupId);
      return reply.code(204).send();
    }),
  ]);
}
