/** `/api/v1/authorizationServers` — the calls of `client.authorizationServerApi` (reference §1.2). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { OktaHttpError } from '../okta-errors.js';
import type { HttpContext } from '../context.js';
import { readPage, sendPage } from './paging.js';
import { presentKey, presentServer } from './presenters.js';
import { managementEndpoint } from './endpoint.js';

type Params = { id: string; kid: string };
const params = (request: FastifyRequest) => request.params as Params;

export function registerAuthorizationServerRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { servers } = ctx.services;
  const base = '/authorizationServers';

  const present = async (request: FastifyRequest, id: string) => {
    const keys = await servers.keys(id);
    const active = keys.find((k) => k.status === 'ACTIVE');
    return presentServer(servers.get(id), active?.kid ?? null, ctx.origins(request));
  };

  managementEndpoint(app, base, {
    GET: async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      const page = readPage(query, 200, 200);
      const q = typeof query['q'] === 'string' ? query['q'] : undefined;
      const rows = sendPage(request, reply, page, (limit) => servers.list({ ...page, limit }, q));
      return Promise.all(rows.map((s) => present(request, s.id)));
    },
    POST: async (request, reply) => {
      const created = await servers.create(request.body);
      return reply.code(201).send(await present(request, created.id));
    },
  });

  managementEndpoint(app, `${base}/:id`, {
    GET: (request) => present(request, params(request).id),
    PUT: async (request) => {
      const updated = await servers.replace(params(request).id, request.body);
      return present(request, updated.id);
    },
    DELETE: async (request, reply) => {
      servers.delete(params(request).id);
      return reply.code(204).send();
    },
  });

  for (const [action, status] of [['activate', 'ACTIVE'], ['deactivate', 'INACTIVE']] as const) {
    managementEndpoint(app, `${base}/:id/lifecycle/${action}`, {
      POST: async (request, reply) => {
        servers.setStatus(params(request).id, status);
        return reply.code(204).send();
      },
    });
  }

  managementEndpoint(app, `${base}/:id/credentials/keys`, {
    GET: async (request) => (await servers.keys(params(request).id)).map((k) => presentKey(k, ctx.origins(request))),
  });

  managementEndpoint(app, `${base}/:id/credentials/keys/:kid`, {
    GET: async (request) => {
      const { id, kid } = params(request);
      return presentKey(await servers.key(id, kid), ctx.origins(request));
    },
  });

  managementEndpoint(app, `${base}/:id/credentials/lifecycle/keyRotate`, {
    POST: async (request) => {
      const body = request.body as { use?: unknown } | undefined;
      if (body !== undefined && (typeof body !== 'object' || body === null || (body.use !== undefined && body.use !== 'sig'))) {
        throw new OktaHttpError('E0000001', 'use', [{ field: 'use', message: "must be 'sig'" }]);
      }
      return (await servers.rotate(params(request).id)).map((k) => presentKey(k, ctx.origins(request)));
    },
  });
}
