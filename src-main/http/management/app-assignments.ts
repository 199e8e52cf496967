/** `/api/v1/apps/{appId}/users` and `/groups` — app assignments (reference §1.10). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { presentAppGroup, presentAppUser, presentEmbeddedUser } from './app-presenters.js';
import { managementEndpoint } from './endpoint.js';
import { readPage, sendPage } from './paging.js';

type Params = { appId: string; userId: string; groupId: string };
const params = (request: FastifyRequest) => request.params as Params;
const query = (request: FastifyRequest) => request.query as Record<string, unknown>;

export function registerAppAssignmentRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { appAssignments: assignments } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementEndpoint(app, '/apps/:appId/users', {
    GET: async (request, reply) => {
      const { appId } = params(request);
      const page = readPage(query(request), 50, 500);
      const q = typeof query(request)['q'] === 'string' ? (query(request)['q'] as string) : undefined;
      const expandUser = query(request)['expand'] === 'user';
      const rows = sendPage(request, reply, page, (limit) =>
        assignments.listUsers(appId, { ...page, limit }, q).map((a) => ({ ...a, id: a.userId })),
      );
      return rows.map((a) => {
        const embedded = expandUser ? assignments.userForEmbed(a.userId) : undefined;
        return presentAppUser(a, origin(request), embedded && presentEmbeddedUser(embedded, origin(request)));
      });
    },
    // Okta answers 200 with the AppUser.
    POST: async (request) => presentAppUser(assignments.assignUser(params(request).appId, request.body), origin(request)),
  });

  managementEndpoint(app, '/apps/:appId/users/:userId', {
    GET: async (request) => {
      const { appId, userId } = params(request);
      const assignment = assignments.getUser(appId, userId);
      const embedded = query(request)['expand'] === 'user' ? assignments.userForEmbed(userId) : undefined;
      return presentAppUser(assignment, origin(request), embedded && presentEmbeddedUser(embedded, origin(request)));
    },
    POST: async (request) => {
      const { appId, userId } = params(request);
      return presentAppUser(assignments.updateUser(appId, userId, request.body), origin(request));
    },
    DELETE: async (request, reply) => {
      const { appId, userId } = params(request);
      assignments.unassignUser(appId, userId);
      return reply.code(204).send();
    },
  });

  managementEndpoint(app, '/apps/:appId/groups', {
    GET: async (request, reply) => {
      const page = readPage(query(request), 20, 200);
      const rows = sendPage(request, reply, page, (limit) =>
        assignments.listGroups(params(request).appId, { ...page, limit }).map((a) => ({ ...a, id: a.groupId })),
      );
      return rows.map((a) => presentAppGroup(a, origin(request)));
    },
  });

  managementEndpoint(app, '/apps/:appId/groups/:groupId', {
    GET: async (request) => {
      const { appId, groupId } = params(request);
      return presentAppGroup(assignments.getGroup(appId, groupId), origin(request));
    },
    PUT: async (request) => {
      const { appId, groupId } = params(request);
      return presentAppGroup(assignments.assignGroup(appId, groupId, request.body), origin(request));
    },
    DELETE: async (request, reply) => {
      const { appId, groupId } = params(request);
      assignments.unassignGroup(appId, groupId);
      return reply.code(204).send();
    },
  });
}
