/**
 * The one HTTP origin of Authbox: protocol endpoints under /oauth2, the Okta management API under
 * /api/v1, the sandbox API under /api/sandbox/v1, and the UI at /. Errors leave in the format of
 * the surface they came from.
 */
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, NotFound, Refused, ValidationFailed } from '../core/errors.js';
import { STORAGE_UNAVAILABLE_TEXT, StorageUnavailable } from '../core/storage-unavailable.js';
import { registerApiNotFound } from './api-not-found.js';
import type { HttpContext } from './context.js';
import { registerHostCheck } from './host-check.js';
import { frameworkError, isRequestError, oauthRequestError, otherRequestError } from './request-errors.js';
import { registerManagementRoutes } from './management/index.js';
import { managementGuard } from './management/api-auth.js';
import { OktaHttpError } from './okta-errors.js';
import { registerAuthorizeRoutes } from './oauth/authorize.js';
import { registerProtocolCors } from './oauth/cors.js';
import { registerDeviceAuthorizeRoutes } from './oauth/device-authorize.js';
import { registerDeviceVerificationRoutes } from './oauth/device-verification.js';
import { registerDiscoveryRoutes } from './oauth/discovery.js';
import { registerIntrospectRoutes } from './oauth/introspect.js';
import { registerLogoutRoutes } from './oauth/logout.js';
import { registerRevokeRoutes } from './oauth/revoke.js';
import { registerTokenRoutes } from './oauth/token.js';
import { registerUserinfoRoutes } from './oauth/userinfo.js';
import { registerSandboxApi } from './sandbox/index.js';
import { registerFlowRunnerCallback } from './flow-runner-callback.js';
import type { SandboxOptions } from './sandbox/index.js';

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
  void reply.code(503).header('retry-after', '5').type('application/json');
  if (request.url.startsWith('/oauth2/'))
    return reply.send({ error: 'temporarily_unavailable', error_description: STORAGE_UNAVAILABLE_TEXT });
  return reply.send(
    new OktaHttpError('E0000010').withSummary(`Service is unavailable: ${STORAGE_UNAVAILABLE_TEXT}`).body(),
  );
}

export async function buildHttpServer(ctx: HttpContext, options: HttpServerOptions = {}): Promise<FastifyInstance> {
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
  registerProtocolCors(app, ctx);

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

  await app.register(
    async (api) => {
      api.addHook('onRequest', managementGuard(ctx));
      registerManagementRoutes(api, ctx);
    },
    { prefix: '/api/v1' },
  );
  await registerSandboxApi(app, ctx, options.sandbox);
  registerApiNotFound(app, ctx);

  registerDiscoveryRoutes(app, ctx);
  await registerTokenRoutes(app, ctx);
  await registerIntrospectRoutes(app, ctx);
  await registerRevokeRoutes(app, ctx);
  await registerUserinfoRoutes(app, ctx);
  await registerAuthorizeRoutes(app, ctx);
  await registerLogoutRoutes(app, ctx);
  await registerDeviceAuthorizeRoutes(app, ctx);
  await registerDeviceVerificationRoutes(app, ctx);
  await registerFlowRunnerCallback(app);
  await registerUi(app, ctx.uiRoot);
  return app;
}

const UI_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

async function registerUi(app: FastifyInstance, uiRoot: string | undefined): Promise<void> {
  if (uiRoot && existsSync(join(uiRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: uiRoot,
      index: 'index.html',
      setHeaders: (res) => {
        for (const [name, value] of Object.entries(UI_HEADERS)) void res.header(name, value);
      },
    });
    return;
  }
  app.get('/', async (_request, reply) =>
    reply
      .headers(UI_HEADERS)
      .type('text/html; charset=utf-8')
      .send(
        '<!doctype html><title>Authbox</title><p>The Authbox UI is not built. Run <code>npm run build</code>, then reload.</p>',
      ),
  );
}
