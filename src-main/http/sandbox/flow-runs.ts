/**
 * `/api/sandbox/v1/flowRuns…`: the Flow Runner headless — create a run, advance it one step or to
 * the end, deliver the sign-in window's callback, ask a follow-up, read, list, run again, delete.
 * Every run-returning answer masks secrets, codes and tokens unless the query says `reveal=true`.
 * Bad input is 400 E0000001 naming the field (an unknown flow, a flow the app may not run, a step
 * out of order, a callback for a run that waits for none); an unknown id is 404 E0000007.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import type { RunOrigins } from '../../core/runner/flow-runner.js';
import type { HttpContext } from '../context.js';
import { managementRoutes } from '../management/endpoint.js';
import { handle } from '../route-table.js';

const revealed = (request: FastifyRequest) => (request.query as { reveal?: string }).reveal === 'true';

export function registerFlowRunRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const runner = ctx.services.flowRuns;
  const origins = (request: FastifyRequest): RunOrigins => {
    const { canonical, request: ui } = ctx.origins(request);
    return { http: canonical, ui };
  };
  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.flowOptions, async (request) => runner.options(request.params.appId, origins(request).ui)),
    handle(routes.listFlowRuns, async () => runner.list()),
    handle(routes.createFlowRun, async (request, reply) => {
      const run = runner.create(request.body, origins(request));
      return reply.code(201).send(runner.present(run, revealed(request)));
    }),
    handle(routes.getFlowRun, async (request) => runner.present(runner.get(request.params.id), revealed(request))),
    handle(routes.deleteFlowRun, async (request, reply) => {
      runner.delete(request.params.id);
      return reply.code(204).send();
    }),
    handle(routes.advanceFlowRun, async (request) =>
      runner.present(await runner.advance(request.params.id, request.body), revealed(request)),
    ),
    handle(routes.deliverFlowCallback, async (request) =>
      runner.present(await runner.deliverCallback(request.params.id, request.body), revealed(request)),
    ),
    handle(routes.followUpFlowRun, async (request) =>
      runner.present(await runner.followUp(request.params.id, request.body), revealed(request)),
    ),
    handle(routes.rerunFlowRun, async (request, reply) => {
      const run = runner.again(request.params.id, origins(request));
      return reply.code(201).send(runner.present(run, revealed(request)));
    }),
  ]);
}
