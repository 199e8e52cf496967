/**
 * The Flow Runner's state: the apps and a server's scopes to choose from, which flows an app may
 * run, the run on screen and the history. Every action is one sandbox API call (`contracts/
 * sandbox-routes.ts`); the engine runs on the server, so the screen, the API and the tests share it.
 */
import type { AppDto } from '../../src-main/contracts/app.js';
import type {
  CallbackInput,
  FlowOptionsDto,
  FlowRunDto,
  FlowRunInput,
  FlowRunSummaryDto,
  FollowUp,
} from '../../src-main/contracts/flow-run.js';
import { routes } from '../../src-main/contracts/routes.js';
import type { ApiError } from '../api/api-error.js';
import type { SliceCreator } from './app-state.js';
import { IDLE, LOADING, READY } from './load-state.js';
import type { LoadState } from './load-state.js';

export interface FlowsSlice {
  flowApps: AppDto[];
  flowAppsLoad: LoadState;
  /** Per app id. */
  flowOptions: Record<string, FlowOptionsDto>;
  /** Per server id: the names of its scopes. */
  flowScopes: Record<string, string[]>;
  flowHistory: FlowRunSummaryDto[];
  currentRun: FlowRunDto | null;
  /** Whether the run on screen shows secrets, codes and tokens in full. */
  runRevealed: boolean;
  /** What the last runner action failed with (shown above the run). */
  runError: ApiError | null;
  runBusy: boolean;
  loadFlowRunner(): Promise<void>;
  loadFlowOptions(appId: string): Promise<void>;
  loadFlowScopes(serverId: string): Promise<void>;
  /** Creates a run and runs it to its first wait (`end`) or one step (`step`). */
  startRun(input: FlowRunInput, to: 'step' | 'end'): Promise<FlowRunDto | null>;
  advanceRun(to: 'step' | 'end'): Promise<FlowRunDto | null>;
  deliverRunCallback(runId: string, payload: CallbackInput, to: 'step' | 'end'): Promise<FlowRunDto | null>;
  followUpRun(kind: FollowUp): Promise<void>;
  openRun(id: string): Promise<void>;
  rerun(id: string): Promise<FlowRunDto | null>;
  deleteRun(id: string): Promise<void>;
  setRunRevealed(revealed: boolean): Promise<void>;
  /** Adds the runner's callback URL to the app's sign-in redirect URIs through the Apps API. */
  addRunnerRedirectUri(appId: string): Promise<void>;
  clearRun(): void;
  /** A token of the run on screen in full (for the Token Inspector), whether or not the screen reveals it. */
  fullToken(name: 'access_token' | 'id_token' | 'refresh_token'): Promise<string | null>;
}

export const createFlowsSlice: SliceCreator<FlowsSlice> =
  ({ api }) =>
  (set, get) => {
    const query = () => ({ reveal: get().runRevealed });
    /** Runs `work`; its run (if any) goes on screen and the history is read again; a failure is kept in `runError`. */
    const act = async (work: () => Promise<FlowRunDto | null>): Promise<FlowRunDto | null> => {
      set({ runBusy: true, runError: null });
      try {
        const run = await work();
        if (run) set({ currentRun: run });
        set({ flowHistory: await api.call(routes.listFlowRuns, {}) });
        return run;
      } catch (error) {
        set({ runError: get().reportFailure(error) });
        return null;
      } finally {
        set({ runBusy: false });
      }
    };
    const advance = (id: string, to: 'step' | 'end') => api.call(routes.advanceFlowRun, { id }, { to }, query());

    return {
      flowApps: [],
      flowAppsLoad: IDLE,
      flowOptions: {},
      flowScopes: {},
      flowHistory: [],
      currentRun: null,
      runRevealed: false,
      runError: null,
      runBusy: false,
      async loadFlowRunner() {
        set({ flowAppsLoad: LOADING });
        try {
          const [apps, history] = await Promise.all([
            api.list(routes.listApps, {}),
            api.call(routes.listFlowRuns, {}),
            get().loadServers(),
          ]);
          set({ flowApps: apps, flowHistory: history, flowAppsLoad: READY });
        } catch (error) {
          set({ flowAppsLoad: { status: 'error', error: get().reportFailure(error) } });
        }
      },
      async loadFlowOptions(appId) {
        try {
          const options = await api.call(routes.flowOptions, { appId });
          set((state) => ({ flowOptions: { ...state.flowOptions, [appId]: options } }));
        } catch (error) {
          set({ runError: get().reportFailure(error) });
        }
      },
      async loadFlowScopes(serverId) {
        try {
          const scopes = await api.list(routes.listScopes, { id: serverId });
          set((state) => ({ flowScopes: { ...state.flowScopes, [serverId]: scopes.map((s) => s.name) } }));
        } catch (error) {
          set({ runError: get().reportFailure(error) });
        }
      },
      startRun: (input, to) =>
        act(async () => {
          const run = await api.call(routes.createFlowRun, {}, input, query());
          return advance(run.id, to);
        }),
      advanceRun: (to) =>
        act(async () => {
          const run = get().currentRun;
          return run ? advance(run.id, to) : null;
        }),
      deliverRunCallback: (runId, payload, to) =>
        act(async () => {
          const run = await api.call(routes.deliverFlowCallback, { id: runId }, payload, query());
          return run.status === 'ready' && to === 'end' ? advance(run.id, 'end') : run;
        }),
      async followUpRun(kind) {
        await act(async () => {
          const run = get().currentRun;
          return run ? api.call(routes.followUpFlowRun, { id: run.id }, { kind }, query()) : null;
        });
      },
      async openRun(id) {
        await act(() => api.call(routes.getFlowRun, { id }, query()));
      },
      rerun: (id) =>
        act(async () => {
          const run = await api.call(routes.rerunFlowRun, { id }, query());
          return advance(run.id, 'end');
        }),
      async deleteRun(id) {
        await act(async () => {
          await api.call(routes.deleteFlowRun, { id });
          if (get().currentRun?.id === id) set({ currentRun: null });
          return null;
        });
      },
      async setRunRevealed(revealed) {
        set({ runRevealed: revealed });
        const run = get().currentRun;
        if (run) await get().openRun(run.id);
      },
      async addRunnerRedirectUri(appId) {
        const options = get().flowOptions[appId];
        if (!options) return;
        try {
          const app = await api.call(routes.getApp, { id: appId });
          const oauthClient = app.settings.oauthClient;
          const redirectUris = [...(oauthClient.redirect_uris ?? []), options.redirectUri];
          const body = {
            ...app,
            settings: { ...app.settings, oauthClient: { ...oauthClient, redirect_uris: redirectUris } },
          };
          await api.call(
            routes.replaceApp,
            { id: appId },
            body as Parameters<typeof api.call<typeof routes.replaceApp>>[2],
          );
          await get().loadFlowOptions(appId);
        } catch (error) {
          set({ runError: get().reportFailure(error) });
        }
      },
      clearRun: () => set({ currentRun: null, runError: null }),
      async fullToken(name) {
        const run = get().currentRun;
        if (!run) return null;
        try {
          return (await api.call(routes.getFlowRun, { id: run.id }, { reveal: true })).tokens[name] ?? null;
        } catch (error) {
          set({ runError: get().reportFailure(error) });
          return null;
        }
      },
    };
  };
