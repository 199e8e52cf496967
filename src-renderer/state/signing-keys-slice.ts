/**
 * Each authorization server's signing keys and their rotation (Okta "Authorization Servers" API: rotate moves
 * ACTIVE→EXPIRED and NEXT→ACTIVE, and signing switches at once).
 */
import type { SigningKeyDto } from '../../src-main/contracts/index.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { AppState, SliceCreator } from './app-state.js';
import { LOADING, READY } from './load-state.js';
import type { ActionOutcome, LoadState } from './load-state.js';

export interface ServerKeys {
  load: LoadState;
  keys: SigningKeyDto[];
}

export interface SigningKeysSlice {
  signingKeys: Record<string, ServerKeys>;
  loadSigningKeys(serverId: string): Promise<void>;
  rotateSigningKey(serverId: string): Promise<ActionOutcome>;
  resetSigningKeys(): void;
}

const ORDER = { ACTIVE: 0, NEXT: 1, EXPIRED: 2 } as const;

/** ACTIVE first, then NEXT, then EXPIRED: the order a reader cares about. */
export function sortKeys(keys: SigningKeyDto[]): SigningKeyDto[] {
  return [...keys].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
}

export const createSigningKeysSlice: SliceCreator<SigningKeysSlice> =
  ({ api }) =>
  (set, get) => {
    const put = (serverId: string, change: Partial<ServerKeys>) =>
      set((state: AppState) => {
        const current = state.signingKeys[serverId] ?? { load: LOADING, keys: [] };
        return { signingKeys: { ...state.signingKeys, [serverId]: { ...current, ...change } } };
      });

    return {
      signingKeys: {},
      async loadSigningKeys(serverId) {
        const token = get().token;
        put(serverId, { load: LOADING });
        try {
          const keys = await api.call(routes.listKeys, { id: serverId });
          if (get().token === token) put(serverId, { load: READY, keys: sortKeys(keys) });
        } catch (error) {
          const apiError = get().reportFailure(error);
          if (get().token === token) put(serverId, { load: { status: 'error', error: apiError } });
        }
      },
      async rotateSigningKey(serverId) {
        try {
          const keys = await api.call(routes.rotateKeys, { id: serverId }, { use: 'sig' });
          put(serverId, { load: READY, keys: sortKeys(keys) });
        } catch (error) {
          return { ok: false, error: get().reportFailure(error) };
        }
        // The server's `credentials.signing.kid` and `lastRotated` changed too.
        await get().loadServer(serverId);
        return { ok: true };
      },
      resetSigningKeys: () => set({ signingKeys: {} }),
    };
  };
