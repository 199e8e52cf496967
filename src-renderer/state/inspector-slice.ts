/**
 * The Token Inspector's state: what is pasted (the token, a key to verify with, the nonce, access
 * token and code the token came with) and the server's inspection of it; and Compare's two tokens.
 * `openInInspector` is how other screens (a run's tokens, an event's, a preview's) hand a token over:
 * it sets the input, inspects, and goes to `#/token-inspector` — the token never enters the URL, and
 * nothing here is persisted.
 */
import type { TokenInspectionDto } from '../../src-main/contracts/inspect.js';
import { routes } from '../../src-main/contracts/routes.js';
import { hrefOf } from '../app/routes.js';
import type { StateCreator } from 'zustand';
import type { ApiClient } from '../api/api-client.js';
import type { ApiError } from '../api/api-error.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { LoadState } from './load-state.js';

export interface InspectorInput {
  token: string;
  /** A JWK, JWKS or PEM to verify with instead of the issuing server's keys; empty = the server's. */
  key: string;
  /** The nonce the flow sent; empty = no check. */
  nonce: string;
  /** The access token that came with an ID token (`at_hash`); empty = no check. */
  accessToken: string;
  /** The code that came with an ID token (`c_hash`); empty = no check. */
  code: string;
  /** Where the token came from, when another screen opened it ("Flow Runner run 3: ID token"). */
  label: string | null;
  runId: string | null;
}

export interface InspectorOpening {
  token: string;
  nonce?: string | undefined;
  accessToken?: string | undefined;
  code?: string | undefined;
  runId?: string | undefined;
  label?: string | undefined;
}

export interface InspectionEntry {
  load: LoadState;
  result: TokenInspectionDto | null;
}

export type CompareSide = 'left' | 'right';

export interface InspectorSlice {
  inspectorInput: InspectorInput;
  inspection: InspectionEntry;
  compareInput: Record<CompareSide, string>;
  comparison: { load: LoadState; left: TokenInspectionDto | null; right: TokenInspectionDto | null };
  setInspectorInput(change: Partial<InspectorInput>): void;
  inspectToken(): Promise<void>;
  /** Sets the inspector's input to `opening`, inspects it and shows the Token Inspector. */
  openInInspector(opening: InspectorOpening): Promise<void>;
  setCompareInput(side: CompareSide, token: string): void;
  compareTokens(): Promise<void>;
}

const EMPTY_INPUT: InspectorInput = {
  token: '',
  key: '',
  nonce: '',
  accessToken: '',
  code: '',
  label: null,
  runId: null,
};

/** The request body: empty optional fields are left out, so the server checks only what was given. */
function bodyOf(input: InspectorInput) {
  return {
    token: input.token,
    ...(input.key.trim() ? { key: input.key } : {}),
    ...(input.nonce ? { nonce: input.nonce } : {}),
    ...(input.accessToken.trim() ? { accessToken: input.accessToken } : {}),
    ...(input.code.trim() ? { code: input.code } : {}),
  };
}

/** What the slice reads of the rest of the store: only the session's failure report (no import of the whole shape, so no cycle). */
interface InspectorStore extends InspectorSlice {
  reportFailure(error: unknown): ApiError;
}

export const createInspectorSlice =
  ({ api }: { api: ApiClient }): StateCreator<InspectorStore, [], [], InspectorSlice> =>
  (set, get) => {
    // The newest request of each kind wins; an older answer arriving late is dropped.
    let inspections = 0;
    let comparisons = 0;
    return {
      inspectorInput: EMPTY_INPUT,
      inspection: { load: IDLE, result: null },
      compareInput: { left: '', right: '' },
      comparison: { load: IDLE, left: null, right: null },
      setInspectorInput(change) {
        set((state) => ({ inspectorInput: { ...state.inspectorInput, ...change } }));
      },
      async inspectToken() {
        const id = ++inspections;
        set((state) => ({ inspection: { ...state.inspection, load: LOADING } }));
        try {
          const result = await api.call(routes.inspectToken, {}, bodyOf(get().inspectorInput));
          if (id === inspections) set({ inspection: { load: READY, result } });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (id === inspections) set({ inspection: { load: { status: 'error', error: apiError }, result: null } });
        }
      },
      async openInInspector(opening) {
        set({
          inspectorInput: {
            ...EMPTY_INPUT,
            token: opening.token,
            nonce: opening.nonce ?? '',
            accessToken: opening.accessToken ?? '',
            code: opening.code ?? '',
            label: opening.label ?? null,
            runId: opening.runId ?? null,
          },
          inspection: { load: IDLE, result: null },
        });
        if (typeof window !== 'undefined') window.location.hash = hrefOf({ page: 'token-inspector', view: 'inspect' });
        await get().inspectToken();
      },
      setCompareInput(side, token) {
        set((state) => ({ compareInput: { ...state.compareInput, [side]: token } }));
      },
      async compareTokens() {
        const id = ++comparisons;
        const { left, right } = get().compareInput;
        set((state) => ({ comparison: { ...state.comparison, load: LOADING } }));
        try {
          const [a, b] = await Promise.all([
            api.call(routes.inspectToken, {}, { token: left }),
            api.call(routes.inspectToken, {}, { token: right }),
          ]);
          if (id === comparisons) set({ comparison: { load: READY, left: a, right: b } });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (id === comparisons)
            set({ comparison: { load: { status: 'error', error: apiError }, left: null, right: null } });
        }
      },
    };
  };
