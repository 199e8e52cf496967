/**
 * `/api/v1/users` — the calls of `client.userApi` (Okta "Users" API): list with `q` / `filter` /
 * `search`, create, get / update / replace / delete by id or login, lifecycle actions, and the
 * user's groups. Lifecycle calls answer 200 `{}` as Okta does with `sendEmail=true`
 * (expire_password answers the user). Authbox sends no email and has no activation or reset
 * pages, so it never hands out activation or reset links; an admin sets the password instead.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MANAGEMENT_PREFIX, routes, userLifecycleRoutes } from '../../contracts/routes.js';
import { LIFECYCLE_ACTIONS } from '../../core/user-lifecycle.js';
import type { HttpContext } from '../context.js';
import { handle } from '../route-table.js';
import { OktaHttpError } from '../okta-errors.js';
import { managementRoutes } from './endpoint.js';
import { presentGroup } from './group-presenters.js';
import { readPage, sendPage } from './paging.js';
import { presentUser } from './user-presenters.js';

type Query = Record<string, unknown>;
const queryOf = (request: FastifyRequest) => request.query as Query;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** A `true` / `false` query parameter; anything else is 400 E0000001 naming it. */
export function readBoolean(query: Query, name: string, fallback: boolean): boolean {
  const value = query[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new OktaHttpError('E0000001', name, [{ field: name, message: 'must be true or false' }]);
}

/** The create options Okta takes as query parameters; what Authbox cannot do is refused, not ignored. */
function readCreateOptions(query: Query): { activate: boolean; nextLogin?: string } {
  if (readBoolean(query, 'provider', false)) {
    throw new OktaHttpError('E0000001', 'provider', [
      {
        field: 'provider',
        message:
          'users with an external authentication provider are not supported; Authbox users sign in with a password',
      },
    ]);
  }
  const nextLogin = text(query['nextLogin']);
  if (nextLogin !== undefined && nextLogin !== 'changePassword') {
    throw new OktaHttpError('E0000001', 'nextLogin', [{ field: 'nextLogin', message: "must be 'changePassword'" }]);
  }
  return { activate: readBoolean(query, 'activate', true), ...(nextLogin ? { nextLogin } : {}) };
}

export function registerUserRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { users } = ctx.services;
  const origin = (request: FastifyRequest) => ctx.origins(request).request;

  managementRoutes(app, MANAGEMENT_PREFIX, [
    handle(routes.listUsers, async (request, reply) => {
      const query = queryOf(request);
      const q = text(query['q']);
      // Okta: 200 per page by default, 10 when `q` is given.
      const page = readPage(
        query,
        q === undefined ? routes.listUsers.paging : { ...routes.listUsers.paging, defaultLimit: 10 },
      );
      const criteria = {
        q,
        filter: text(query['filter']),
        search: text(query['search']),
        sortBy: text(query['sortBy']),
        sortOrder: text(query['sortOrder']),
      };
      const rows = sendPage(request, reply, page, (limit) => users.list(criteria, { ...page, limit }));
      return rows.map((user) => presentUser(user, origin(request)));
    }),
    // Okta answers 200 (not 201) to user creation.
    handle(routes.createUser, async (request) =>
      presentUser(users.create(request.body, readCreateOptions(queryOf(request))), origin(request)),
    ),
    handle(routes.getUser, async (request) => presentUser(users.get(request.params.id), origin(request))),
    handle(routes.updateUser, async (request) =>
      presentUser(users.update(request.params.id, request.body), origin(request)),
    ),
    handle(routes.replaceUser, async (request) =>
      presentUser(users.replace(request.params.id, request.body), origin(request)),
    ),
    handle(routes.deleteUser, async (request, reply) => {
      users.delete(request.params.id);
      return reply.code(204).send();
    }),
    ...LIFECYCLE_ACTIONS.map((action) =>
      handle(userLifecycleRoutes[action], async (request, reply) => {
        const query = queryOf(request);
        readBoolean(query, 'sendEmail', true); // Authbox sends no email either way; the value is only checked.
        if (action === 'expire_password' && readBoolean(query, 'tempPassword', false)) {
          throw new OktaHttpError('E0000001', 'tempPassword', [
            {
              field: 'tempPassword',
              message: 'temporary passwords are not supported; set a password with POST /api/v1/users/{id}',
            },
          ]);
        }
        const user = users.lifecycle(request.params.id, action);
        return reply
          .type('application/json')
          .send(action === 'expire_password' ? presentUser(user, origin(request)) : {});
      }),
    ),
    handle(routes.listUserGroups, async (request) =>
      users.groupsOf(request.params.id).map((group) => presentGroup(group, origin(request))),
    ),
  ]);
}
