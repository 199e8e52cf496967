/**
 * `/api/sandbox/v1/export`, `…/import` and `…/demo`: the sandbox document (docs/sandbox-document.md)
 * out and in. A refused document is 400 E0000001 with one cause per fault, `<JSON path>: <message>`,
 * and nothing written; an unknown `serverId` is 404 E0000007.
 */
import type { FastifyInstance } from 'fastify';
import { SANDBOX_PREFIX, routes } from '../../contracts/routes.js';
import type { ExportQuery, ImportQuery } from '../../contracts/sandbox-routes.js';
import { ValidationFailed } from '../../core/errors.js';
import { serializeDocument } from '../../core/sandbox/sandbox-transfer.js';
import type { ImportResult } from '../../core/sandbox/sandbox-transfer.js';
import type { HttpContext } from '../context.js';
import { managementRoutes } from '../management/endpoint.js';
import { handle } from '../route-table.js';

const oneOf = (name: string, value: string | undefined, allowed: readonly string[]) => {
  if (value === undefined || allowed.includes(value)) return;
  throw new ValidationFailed([{ field: name, message: `must be ${allowed.join(' or ')}, not '${value}'` }]);
};

function answer(result: ImportResult) {
  if (!result.ok) throw new ValidationFailed(result.faults.map((f) => ({ field: f.path, message: f.message })));
  return result.summary;
}

export function registerDocumentRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const { sandbox } = ctx.services;
  managementRoutes(app, SANDBOX_PREFIX, [
    handle(routes.exportSandbox, async (request, reply) => {
      const query = request.query as ExportQuery;
      oneOf('withKeys', query.withKeys, ['true', 'false']);
      const doc = sandbox.exportDocument({ serverId: query.serverId, withKeys: query.withKeys === 'true' });
      return reply.type('application/json').send(serializeDocument(doc));
    }),
    handle(routes.importSandbox, async (request) => {
      const query = request.query as ImportQuery;
      oneOf('mode', query.mode, ['merge', 'replace']);
      oneOf('dryRun', query.dryRun, ['true', 'false']);
      return answer(
        await sandbox.importDocument(request.body, {
          mode: query.mode ?? 'merge',
          dryRun: query.dryRun === 'true',
          origin: ctx.origins(request).canonical,
        }),
      );
    }),
    handle(routes.loadDemo, async (request) => answer(await sandbox.loadDemo(ctx.origins(request).canonical))),
  ]);
}
