/** The shape of the one store, assembled from its slices, and what the slices are given. */
import type { StateCreator } from 'zustand';
import type { ApiClient } from '../api/api-client.js';
import type { AppsSlice } from './apps-slice.js';
import type { ClaimsSlice } from './claims-slice.js';
import type { EventsSlice } from './events-slice.js';
import type { FlowsSlice } from './flows-slice.js';
import type { InspectorSlice } from './inspector-slice.js';
import type { PreviewSlice } from './preview-slice.js';
import type { SandboxSlice } from './sandbox-slice.js';
import type { ServersSlice } from './servers-slice.js';
import type { SessionSlice } from './session-slice.js';
import type { SigningKeysSlice } from './signing-keys-slice.js';
import type { TokenStorage } from './token-storage.js';
import type { GroupsSlice } from './groups-slice.js';
import type { PeopleSlice } from './people-slice.js';
import type { PoliciesSlice } from './policies-slice.js';
import type { ScopesSlice } from './scopes-slice.js';
import type { SecuritySlice } from './security-slice.js';
import type { OktaApiScopesSlice } from './okta-api-scopes-slice.js';

export type AppState = SessionSlice &
  ServersSlice &
  SigningKeysSlice &
  EventsSlice &
  ClaimsSlice &
  PreviewSlice &
  PoliciesSlice &
  ScopesSlice &
  SandboxSlice &
  FlowsSlice &
  InspectorSlice &
  AppsSlice &
  PeopleSlice &
  GroupsSlice &
  SecuritySlice &
  OktaApiScopesSlice;

export interface StoreDeps {
  api: ApiClient;
  tokenStorage: TokenStorage;
}

export type SliceCreator<Slice> = (deps: StoreDeps) => StateCreator<AppState, [], [], Slice>;
