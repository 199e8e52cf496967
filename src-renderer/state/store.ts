/** The one store of the renderer, built from its slices with the API client and token storage injected. */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AppState, StoreDeps } from './app-state.js';
import { createAppsSlice } from './apps-slice.js';
import { createClaimsSlice } from './claims-slice.js';
import { createEventsSlice } from './events-slice.js';
import { createFlowsSlice } from './flows-slice.js';
import { createInspectorSlice } from './inspector-slice.js';
import { createPreviewSlice } from './preview-slice.js';
import { createSandboxSlice } from './sandbox-slice.js';
import { createServersSlice } from './servers-slice.js';
import { createSessionSlice } from './session-slice.js';
import { createSigningKeysSlice } from './signing-keys-slice.js';
import { createGroupsSlice } from './groups-slice.js';
import { createPeopleSlice } from './people-slice.js';
import { createPoliciesSlice } from './policies-slice.js';
import { createScopesSlice } from './scopes-slice.js';
import { createSecuritySlice } from './security-slice.js';
import { createOktaApiScopesSlice } from './okta-api-scopes-slice.js';

export type AppStore = StoreApi<AppState>;

export function createAppStore(deps: StoreDeps): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createSessionSlice(deps)(...args),
    ...createServersSlice(deps)(...args),
    ...createSigningKeysSlice(deps)(...args),
    ...createEventsSlice(deps)(...args),
    ...createClaimsSlice(deps)(...args),
    ...createPreviewSlice(deps)(...args),
    ...createInspectorSlice(deps)(...args),
    ...createAppsSlice(deps)(...args),
    ...createPoliciesSlice(deps)(...args),
    ...createScopesSlice(deps)(...args),
    ...createSandboxSlice(deps)(...args),
    ...createFlowsSlice(deps)(...args),
    ...createPeopleSlice(deps)(...args),
    ...createGroupsSlice(deps)(...args),
    ...createSecuritySlice(deps)(...args),
    ...createOktaApiScopesSlice(deps)(...args),
  }));
}
