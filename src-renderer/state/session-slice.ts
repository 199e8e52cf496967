/**
 * The admin token: where the management API's `SSWS` credential comes from, and whether the server
 * has refused it (401 E0000011 wrong token, 403 E0000005 none; Okta "Design principles").
 */
import { toApiError } from '../api/api-error.js';
import type { ApiError } from '../api/api-error.js';
import type { AppState, SliceCreator } from './app-state.js';

export interface SessionSlice {
  token: string | null;
  /** Why the server refused the current token; null while it has not. */
  tokenProblem: string | null;
  saveToken(token: string): void;
  forgetToken(): void;
  /** Every slice reports its failures here: an auth failure asks for a new token. Returns the error as ApiError. */
  reportFailure(error: unknown): ApiError;
}

export const createSessionSlice: SliceCreator<SessionSlice> =
  ({ tokenStorage }) =>
  (set, get) => {
    const resetData = () => {
      get().resetServers();
      get().resetSigningKeys();
      get().resetEvents();
      get().resetClaims();
      get().resetPreviews();
      get().resetApps();
      get().resetPeople();
      get().resetGroups();
      get().resetPolicies();
    };
    return {
      token: tokenStorage.load(),
      tokenProblem: null,
      saveToken(token) {
        const trimmed = token.trim();
        if (trimmed === '') return;
        tokenStorage.save(trimmed);
        set({ token: trimmed, tokenProblem: null });
        resetData();
      },
      forgetToken() {
        tokenStorage.clear();
        set({ token: null, tokenProblem: null });
        resetData();
      },
      reportFailure(error) {
        const apiError = toApiError(error);
        if (apiError.isAuthFailure) set({ tokenProblem: apiError.summary });
        return apiError;
      },
    };
  };

/** The token prompt shows when there is no token or the server refused it. */
export const selectNeedsToken = (state: AppState): boolean => state.token === null || state.tokenProblem !== null;
