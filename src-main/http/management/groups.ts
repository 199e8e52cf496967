/**
 * `/api/v1/groups` — the calls of `client.groupApi` for groups and memberships (reference §1.9):
 * list with `q` / `filter` / `search`, create (200), get / replace / delete, members, and
 * PUT / DELETE of one membership (204).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { managementEndpoint } from './endpoint.js';
import { presentGroup } from './group-presenters.js';
import { readPage, sendPage } from './paging.js';
import { presentUser } from './user-presenters.js';

type Params = { id: string; userId: string };
const params = (request: FastifyRequest) => request.params as Params;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function registerGroupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { groups } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementEndpoint(app, '/groups', {
    GET: async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      // Okta's default and largest page of groups is 10000.
      const page = readPage(query, 10000, 10000);
      const criteria = { q: text(query['q']), filter: text(query['filter']), search: text(query['search']), sortBy: text(query['sortBy']), sortOrder: text(query['sortOrder']) };
      const rows = sendPage(request, reply, page, (limit) => groups.list(criteria, { ...page, limit }));
      return rows.map((group) => presentGroup(group, origin(request)));
    },
    // Okta answers 200 (not 201) to group creation.
    POST: async (request) => presentGroup(groups.create(request.body), origin(request)),
  });

  managementEndpoint(app, '/groups/:id', {
    GET: async (request) => presentGroup(groups.get(params(request).id), origin(request)),
    PUT: async (request) => presentGroup(groups.replace(params(request).id, request.body), origin(request)),
    DELETE: async (request, reply) => {
      groups.delete(params(request).id);
      return reply.code(204).send();
    },
  });

  managementEndpoint(app, '/groups/:id/users', {
    GET: async (request, reply) => {
      const page = readPage(request.query as Record<string, unknown>, 1000, 10000);
      const rows = sendPage(request, reply, page, (limit) => groups.members(params(request).id, { ...page, limit }));
      return rows.map((user) => presentUser(user, origin(request)));
    },
  });

  managementEndpoint(app, '/groups/:id/users/:userId', {
    PUT: async (request, reply) => {
      groups.addMember(params(request).id, params(request).userId);
      return reply.code(204).send();
    },
    DELETE: async (request, reply) => {
      groups.removeMember(params(request).id, params(request).userId);
      return reply.code(204).send();
    },
  });
}
