/**
 * What every fastify instance of Authbox shares: the JSON body parser, the Host check, and the error
 * handler that answers in the format of the surface an error came from. `server.ts` builds the one
 * that listens; `api-server.ts` the one that serves `/api`, built on the first `/api` request.
 */
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, NotFound, Refused, ValidationFailed } from '../core/errors.js';
import {
  STORAGE_RETRY_AFTER_SECONDS,
  STORAGE_UNAVAILABLE_TEXT,
  StorageUnavailable,
} from '../core/storage-unavailable.js';
import type { HttpContext } from './context.js';
import { registerHostCheck } from './host-check.js';
import { frameworkError, isRequestError, oauthRequestError, otherRequestError } from './request-errors.js';
import { OktaHttpError } from './okta-errors.js';
import type { SandboxOptions } from './sandbox/events.js';

export interface HttpServerOptions {
  /** Called with one line per unexpected server error (the real reason, never sent to clients). */
  logError?: (line: string) => void;
  /** Sandbox API settings (tests shorten the event stream's keep-alive). */
  sandbox?: SandboxOptions;
}

/** Empty bodies are allowed (lifecycle POSTs); anything else must be well-formed JSON. */
class MalformedJson extends Error {}

function parseJson(_request: FastifyRequest, body: string, done: (err: Error | null, value?: unknown) => void): void {
  if (body.trim() === '') return done(null, undefined);
  try {
    done(null, JSON.parse(body));
  } catch (error) {
    done(new MalformedJson((error as Error).message));
  }
}

function toOktaError(error: unknown): OktaHttpError | undefined {
  if (error instanceof OktaHttpError) return error;
  if (error instanceof ValidationFailed)
    return new OktaHttpError('E0000001', error.issues.map((i) => i.field).join(', '), error.issues);
  if (error instanceof NotFound) return new OktaHttpError('E0000007', error.message);
  if (error instanceof Refused)
    return new OktaHttpError(error.oktaCode, error.message, error.issues).withSummary(error.message);
  if (error instanceof MalformedJson)
    return new OktaHttpError('E0000003', '', [{ field: 'body', message: `is not valid JSON (${error.message})` }]);
  const fastifyError = error as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new OktaHttpError('E0000003', '', [{ field: 'Content-Type', message: 'must be application/json' }]);
  }
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new OktaHttpError('E0000003', '', [{ field: 'body', message: 'is too large' }]);
  }
  return undefined;
}

/** 503 in the surface's format; the store's guard has already reported the failure. */
function storageUnavailable(request: FastifyRequest, reply: FastifyReply) {
  void reply.code(503).header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS)).type('application/json');
  if (request.url.startsWith('/oauth2/'))
    return reply.send({ error: 'temporarily_unavailable', error_description: STORAGE_UNAVAILABLE_TEXT });
  return reply.send(
    new OktaHttpError('E0000010').withSummary(`Service is unavailable: ${STORAGE_UNAVAILABLE_TEXT}`).body(),
  );
}

/** A fastify instance with the parser, the Host check and the error handler, and no routes yet. */
export function baseServer(ctx: HttpContext, options: HttpServerOptions): FastifyInstance {
  // forceCloseConnections: a client that opened a connection and sent nothing yet (fetch and
  // browsers pre-connect) counts as busy to Node, and close() would wait for its headers timeout.
  const app = Fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    forceCloseConnections: true,
    frameworkErrors: frameworkError,
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  registerHostCheck(app, ctx.allowedHosts);

  app.setErrorHandler(async (error: unknown, request, reply) => {
    if (error instanceof StorageUnavailable) return storageUnavailable(request, reply);
    const oauthRefusal = isRequestError(error) ? oauthRequestError(error, request, reply) : undefined;
    if (oauthRefusal) return oauthRefusal;
    const okta = toOktaError(error);
    if (okta) return reply.code(okta.status).type('application/json').send(okta.body());
    if (isRequestError(error)) return otherRequestError(error, reply);
    if (error instanceof DomainError)
      return reply.code(400).send({ error: 'invalid_request', error_description: error.message });
    options.logError?.(`${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
    const internal = new OktaHttpError('E0000009');
    return request.url.startsWith('/oauth2/')
      ? reply.code(500).send({ error: 'server_error', error_description: 'The server encountered an internal error.' })
      : reply.code(500).type('application/json').send(internal.body());
  });
  return app;
}
