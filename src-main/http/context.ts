/** What the HTTP layer is given by `app/`: the domain services, the admin token, the origins. */
import type { SandboxTransfer } from '../core/sandbox/sandbox-transfer.js';
import type { FastifyRequest } from 'fastify';
import type { AppAssignments } from '../core/app-assignments.js';
import type { AppGrants } from '../core/app-grants.js';
import type { Apps } from '../core/apps.js';
import type { AuthorizationServers } from '../core/authorization-servers.js';
import type { Claims } from '../core/claims.js';
import type { Groups } from '../core/groups.js';
import type { AuthorizeDeps } from '../core/protocol/authorize/types.js';
import type { EventLog } from '../core/protocol/event-log.js';
import type { TokenGrantDeps } from '../core/protocol/token-grants/types.js';
import type { IntrospectDeps } from '../core/protocol/introspect.js';
import type { Previews } from '../core/protocol/previews.js';
import type { FlowRunner } from '../core/runner/flow-runner.js';
import type { TokenInspector } from '../core/inspect/token-inspector.js';
import type { SecuritySettings } from '../core/security-settings.js';
import type { UserinfoDeps } from '../core/protocol/userinfo.js';
import type { OktaApiAccessDeps } from '../core/protocol/okta-api-access.js';
import type { TokenLedger } from '../core/protocol/token-ledger.js';
import type { Policies } from '../core/policies.js';
import type { Rules } from '../core/rules.js';
import type { Scopes } from '../core/scopes.js';
import type { Users } from '../core/users.js';
import type { Origins } from '../core/protocol/issuer.js';
import type { Transactor } from '../core/ports/runtime.js';

/** The userinfo endpoint adds the DPoP deps (`oktaApi.dpop`) to these. */
export type TokenLookupDeps = IntrospectDeps & Omit<UserinfoDeps, 'dpop'>;

export interface HttpServices {
  servers: AuthorizationServers;
  scopes: Scopes;
  claims: Claims;
  policies: Policies;
  rules: Rules;
  apps: Apps;
  appAssignments: AppAssignments;
  /** The Okta API scopes granted to apps (Okta "Application Grants" API). */
  appGrants: AppGrants;
  users: Users;
  groups: Groups;
  /** The protocol event log: endpoints record into it, the sandbox API reads it. */
  events: EventLog;
  /** What the token endpoint's steps use (client authentication, grants, policy evaluation, minting). */
  tokenGrants: TokenGrantDeps;
  /** Issued tokens: what introspection, revocation and userinfo look up. */
  tokenLedger: TokenLedger;
  /** What introspection, revocation and userinfo verify and look tokens up with. */
  tokenLookups: TokenLookupDeps;
  /** What OAuth access to Okta's API (`/api/v1` with org server tokens, DPoP proofs) checks with. */
  oktaApi: OktaApiAccessDeps;
  /** The sandbox API's expression and token previews, once `loadSandbox()` resolved. */
  readonly previews: Previews;
  /** Export and import of the sandbox document, and the demo (once `loadSandbox()` resolved). */
  readonly sandbox: SandboxTransfer;
  /**
   * Loads `sandbox`, `flowRuns`, `previews` and `inspector`, which a start leaves out
   * (`app/sandbox-services.ts`); reading one before it resolved throws. The sandbox API awaits it
   * before it is built.
   */
  loadSandbox(): Promise<void>;
  /** What the authorize endpoint's steps use (sessions, codes, policy evaluation, minting). */
  authorize: AuthorizeDeps;
  /** Changes with every write to servers, keys, scopes, claims, policies, rules or apps (cached documents key on it). */
  configVersion(): number;
  /** The Flow Runner's runs (sandbox API), once `loadSandbox()` resolved. */
  readonly flowRuns: FlowRunner;
  /** The Token Inspector's decoding, claim classification and signature verdicts, once `loadSandbox()` resolved. */
  readonly inspector: TokenInspector;
  /** The lockout threshold and the throttles of failed client authentications and sign-ins. */
  securitySettings: SecuritySettings;
  /** One store transaction around a multi-step write (a sign-in's last login and its session). */
  tx: Transactor;
}

export interface HttpContext {
  services: HttpServices;
  adminToken: string;
  /** The configured origin and the request's origin (see `issuerOf`). */
  origins(request: FastifyRequest): Origins;
  /** The Host values this server answers for (DNS-rebinding guard). */
  allowedHosts(): ReadonlySet<string>;
  /** Folder of the built renderer (index.html), or undefined when the UI is not built. */
  uiRoot?: string | undefined;
}
