/**
 * Endpoints the discovery document lists whose grant logic comes with the protocol engine:
 * until then they answer 501 with a JSON OAuth error naming the endpoint, never a silent 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpContext } from '../context.js';
import { activeServer } from './server-lookup.js';
import { oauthEndpoint } from './endpoint.js';

const UNBUILT = ['device/authorize'];

export function registerUnbuiltRoutes(app: FastifyInstance, ctx: HttpContext): void {
  for (const name of UNBUILT) {
    const answer = async (request: FastifyRequest, reply: FastifyReply) => {
      activeServer(ctx, request);
      return reply.code(501).send({
        error: 'server_error',
        error_description: `The ${name} endpoint is not available in this version of Authbox yet.`,
      });
    };
    oauthEndpoint(app, `/oauth2/:serverId/v1/${name}`, { GET: answer, POST: answer });
  }
}
