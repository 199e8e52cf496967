/**
 * The sandbox previews: who a preview can be for (the users and the OIDC apps), whether an
 * expression is well formed and what it gives (the claim dialog's live check and preview), and what
 * a server's tokens would carry (Token Preview). The previews run the issuance code on the server
 * without signing or storing anything.
 */
import type { AppDto } from '../../src-main/contracts/app.js';
import type {
  ClaimsPreviewDto,
  ClaimsPreviewRequest,
  ExpressionCheckDto,
  ExpressionPreviewDto,
  ExpressionPreviewRequest,
  UserDto,
} from '../../src-main/contracts/index.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { ApiError } from '../api/api-error.js';
import type { SliceCreator } from './app-state.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { LoadState } from './load-state.js';

/** A preview's answer, or why the call itself failed (unknown user or app, bad body, no server). */
export type ExpressionOutcome = { ok: true; preview: ExpressionPreviewDto } | { ok: false; error: ApiError };

/** A check's answer, or why the call itself failed. */
export type ExpressionCheckOutcome = { ok: true; check: ExpressionCheckDto } | { ok: false; error: ApiError };

export interface TokenPreviewEntry {
  /** What was asked last, so the form shows it again when the tab comes back. */
  request: ClaimsPreviewRequest | null;
  load: LoadState;
  /** The last answer; kept while a newer request is on its way. */
  result: ClaimsPreviewDto | null;
  /** The request `result` answers (its grant type says whether policies were to decide). */
  resultFor: ClaimsPreviewRequest | null;
}

export interface PreviewSlice {
  previewUsers: UserDto[];
  previewApps: AppDto[];
  /** Users and apps load together: a preview needs both lists. */
  previewSubjects: LoadState;
  /** Per server id. */
  tokenPreviews: Record<string, TokenPreviewEntry>;
  loadPreviewSubjects(): Promise<void>;
  checkExpression(expression: string): Promise<ExpressionCheckOutcome>;
  evaluateExpression(request: ExpressionPreviewRequest): Promise<ExpressionOutcome>;
  previewTokens(serverId: string, request: ClaimsPreviewRequest): Promise<void>;
  resetPreviews(): void;
}

const initial = {
  previewUsers: [],
  previewApps: [],
  previewSubjects: IDLE,
  tokenPreviews: {},
} satisfies Partial<PreviewSlice>;

export const createPreviewSlice: SliceCreator<PreviewSlice> =
  ({ api }) =>
  (set, get) => {
    const stale = (token: string | null) => get().token !== token;
    /** Per server: the newest Token Preview request, so an older answer arriving late is dropped. */
    const latest = new Map<string, number>();
    let requests = 0;

    const putPreview = (serverId: string, change: Partial<TokenPreviewEntry>) =>
      set((state) => {
        const current = state.tokenPreviews[serverId] ?? { request: null, load: IDLE, result: null, resultFor: null };
        return { tokenPreviews: { ...state.tokenPreviews, [serverId]: { ...current, ...change } } };
      });

    return {
      ...initial,
      async loadPreviewSubjects() {
        const token = get().token;
        set({ previewSubjects: LOADING });
        try {
          const [previewUsers, previewApps] = await Promise.all([
            api.list(routes.listUsers, {}),
            api.list(routes.listApps, {}),
          ]);
          if (!stale(token)) set({ previewUsers, previewApps, previewSubjects: READY });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (!stale(token)) set({ previewSubjects: { status: 'error', error: apiError } });
        }
      },
      async checkExpression(expression) {
        try {
          return { ok: true, check: await api.call(routes.checkExpression, {}, { expression }) };
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
      },
      async evaluateExpression(request) {
        try {
          return { ok: true, preview: await api.call(routes.previewExpression, {}, request) };
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
      },
      async previewTokens(serverId, request) {
        const token = get().token;
        const id = ++requests;
        latest.set(serverId, id);
        const current = () => !stale(token) && latest.get(serverId) === id;
        putPreview(serverId, { request, load: LOADING });
        try {
          const result = await api.call(routes.previewClaims, { serverId }, request);
          if (current()) putPreview(serverId, { load: READY, result, resultFor: request });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (current())
            putPreview(serverId, { load: { status: 'error', error: apiError }, result: null, resultFor: null });
        }
      },
      resetPreviews() {
        latest.clear();
        set(initial);
      },
    };
  };
