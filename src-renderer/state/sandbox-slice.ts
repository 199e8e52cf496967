/**
 * The sandbox document from the UI: export (download), import (checked first: a summary or every
 * fault with its JSON path; then applied, merged or replacing everything) and the demo. After a
 * write, the lists the other screens show are loaded again.
 */
import type { FieldIssue } from '../../src-main/contracts/index.js';
import { routes } from '../../src-main/contracts/routes.js';
import { serializeDocument } from '../../src-main/contracts/sandbox-document.js';
import type { ImportSummaryDto, SandboxDocumentInput } from '../../src-main/contracts/sandbox-document.js';
import type { ApiError } from '../api/api-error.js';
import type { SliceCreator } from './app-state.js';

export type ImportMode = 'merge' | 'replace';

/** What a check or an import came to: the summary, the document's faults, or another failure. */
export type ImportOutcome =
  { ok: true; summary: ImportSummaryDto } | { ok: false; faults: FieldIssue[] } | { ok: false; error: ApiError };

export type ExportOutcome = { ok: true; text: string } | { ok: false; error: ApiError };

export interface SandboxSlice {
  exportSandbox(options: { serverId?: string; withKeys: boolean }): Promise<ExportOutcome>;
  /** Checks `text` as a document (dry run): nothing is written. */
  checkImport(text: string, mode: ImportMode): Promise<ImportOutcome>;
  applyImport(text: string, mode: ImportMode): Promise<ImportOutcome>;
  loadDemo(): Promise<ImportOutcome>;
}

/** Text → JSON, or the fault the server would name for it. */
function parsed(text: string): { ok: true; value: unknown } | { ok: false; faults: FieldIssue[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, faults: [{ field: '$', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

export const createSandboxSlice: SliceCreator<SandboxSlice> =
  ({ api }) =>
  (_set, get) => {
    /** A refused document is 400 E0000001 whose causes are the faults; anything else is a failure to show. */
    const outcomeOf = (error: unknown): ImportOutcome => {
      const apiError = get().reportFailure(error);
      if (apiError.status === 400 && apiError.errorCode === 'E0000001' && apiError.issues.length)
        return { ok: false, faults: apiError.issues };
      return { ok: false, error: apiError };
    };
    const send = async (text: string, mode: ImportMode, dryRun: boolean): Promise<ImportOutcome> => {
      const doc = parsed(text);
      if (!doc.ok) return doc;
      try {
        const summary = await api.call(routes.importSandbox, {}, doc.value, {
          mode,
          dryRun: dryRun ? 'true' : 'false',
        });
        return { ok: true, summary };
      } catch (error) {
        return outcomeOf(error);
      }
    };
    const reloadLists = () => get().loadServers();

    return {
      async exportSandbox({ serverId, withKeys }) {
        try {
          const doc: SandboxDocumentInput = await api.call(
            routes.exportSandbox,
            {},
            {
              ...(serverId ? { serverId } : {}),
              withKeys: withKeys ? 'true' : 'false',
            },
          );
          return { ok: true, text: serializeDocument(doc) };
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
      },
      checkImport: (text, mode) => send(text, mode, true),
      async applyImport(text, mode) {
        const outcome = await send(text, mode, false);
        if (outcome.ok) await reloadLists();
        return outcome;
      },
      async loadDemo() {
        try {
          const summary = await api.call(routes.loadDemo, {});
          await reloadLists();
          return { ok: true, summary };
        } catch (error) {
          return outcomeOf(error);
        }
      },
    };
  };
