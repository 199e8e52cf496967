/**
 * `/api/v1/groups` — the calls of `client.groupApi` for groups and memberships (Okta "Groups" API):
 * list with `q` / `filter` / `search`, create (200), get / replace / delete, members, and
 * PUT / DELETE of one membership (204).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes } from '../../contracts/routes.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { managementRoutes } from './endpoint.js';
import { presentGroup } from './group-presenters.js';
import { readPage, sendPage } from './paging.js';
import { presentUser } from './user-presenters.js';

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

export function registerGroupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { groups } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listGroups, async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, routes.listGroups.paging);
      const criteria = {
        q: text(query['q']),
        filter: text(query['filter']),
        search: text(query['search']),
        sortBy: text(query['sortBy']),
        sortOrder: text(query['sortOrder']),
      };
      const rows = sendPage(request, reply, page, (limit) => groups.list(criteria, { ...page, limit }));
      return rows.map((group) => presentGroup(group, origin(request)));
    }),
    // Okta answers 200 (not 201) to group creation.
    handle(routes.createGroup, async (request) => presentGroup(groups.create(request.body), origin(request))),
    handle(routes.getGroup, async (request) => presentGroup(groups.get(request.params.id), origin(request))),
    handle(routes.replaceGroup, async (request) =>
      presentGroup(groups.replace(request.params.id, request.body), origin(request)),
    ),
    handle(routes.deleteGroup, async (request, reply) => {
      groups.delete(request.params.id);
      return reply.code(204).send();
    }),
    handle(routes.listGroupUsers, async (request, reply) => {
      const page = readPage(request.query as Record<string, unknown>, routes.listGroupUsers.paging);
      const rows = sendPage(request, reply, page, (limit) => groups.members(request.params.id, { ...page, limit }));
      return rows.map((user) => presentUser(user, origin(request)));
    }),
    handle(routes.addUserToGroup, async (request, reply) => {
      groups.addMember(request.params.id, request.params.userId);
      return reply.code(204).send();
    }),
    handle(routes.removeUserFromGroup, async (request, reply) => {
      groups.removeMember(request.params.id, request.params.userId);
      return reply.code(204).send();
    }),
  ]);
}
