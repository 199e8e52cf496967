/** Builds the domain services over one database: the single place where store meets core. */
import { AppAssignments } from '../core/app-assignments.js';
import { Apps } from '../core/apps.js';
import { AuthorizationServers } from '../core/authorization-servers.js';
import { Claims } from '../core/claims.js';
import { Groups } from '../core/groups.js';
import { AuthorizationCodes } from '../core/protocol/authorization-codes.js';
import { DeviceAuthorizations } from '../core/protocol/device-authorizations.js';
import type { AuthorizeDeps } from '../core/protocol/authorize/types.js';
import { EventLog } from '../core/protocol/event-log.js';
import { Sessions } from '../core/protocol/sessions.js';
import { ClientAuthenticator } from '../core/protocol/client-auth.js';
import { orgIdOf } from '../core/protocol/id-token.js';
import type { TokenGrantDeps } from '../core/protocol/token-grants/types.js';
import { TokenMinter } from '../core/protocol/tokens.js';
import { CustomClaims, SANDBOX_ORG } from '../core/protocol/custom-claims.js';
import { Previews } from '../core/protocol/previews.js';
import type { TokenLookupDeps } from '../http/context.js';
import { TokenStore } from '../core/protocol/token-store.js';
import { Policies } from '../core/policies.js';
import { Rules } from '../core/rules.js';
import { Scopes } from '../core/scopes.js';
import { Users } from '../core/users.js';
import type { Clock, Crypto, Transactor } from '../core/ports.js';
import type { HttpServices } from '../http/context.js';
import { SqliteAppAssignmentStore } from '../store/app-assignment-repository.js';
import { SqliteAppStore } from '../store/app-repository.js';
import { SqliteAuthorizationCodeStore } from '../store/authorization-code-repository.js';
import { SqliteAuthorizationServerStore } from '../store/authorization-server-repository.js';
import { SqliteClaimStore } from '../store/claim-repository.js';
import { SqliteClientAssertionStore } from '../store/client-assertion-repository.js';
import { SqliteDeviceAuthorizationStore } from '../store/device-authorization-repository.js';
import { SqliteEventStore } from '../store/event-repository.js';
import type { Db } from '../store/database.js';
import { SqliteGroupStore } from '../store/group-repository.js';
import { SqlitePolicyStore } from '../store/policy-repository.js';
import { SqliteRuleStore } from '../store/rule-repository.js';
import { SqliteReferenceStore } from '../store/reference-repository.js';
import { SqliteScopeStore } from '../store/scope-repository.js';
import { SqliteSessionStore } from '../store/session-repository.js';
import { SqliteSettingsStore } from '../store/settings-repository.js';
import { SqliteTokenStore } from '../store/token-repository.js';
import { SqliteUserStore } from '../store/user-repository.js';

export interface Services extends HttpServices {
  settings: SqliteSettingsStore;
}

/** What every feature's service may be built from. */
export interface ServiceDeps {
  db: Db;
  crypto: Crypto;
  clock: Clock;
  /** One store transaction around a multi-step write. */
  tx: Transactor;
  /** Which policies and rules name a user, group, app or scope (refuse deleting those). */
  references: SqliteReferenceStore;
}

export function buildServices(db: Db, crypto: Crypto, clock: Clock): Services {
  const deps: ServiceDeps = { db, crypto, clock, tx: { run: (work) => db.transaction(work)() }, references: new SqliteReferenceStore(db) };
  const settings = new SqliteSettingsStore(db);
  // A new server's system scopes (and the default server's `sub` claim) land in its own transaction.
  const servers: AuthorizationServers = new AuthorizationServers({
    store: new SqliteAuthorizationServerStore(db),
    crypto,
    clock,
    tx: deps.tx,
    initializers: [(server) => scopes.addSystemScopes(server), (server) => claims.addSystemClaims(server)],
  });
  const claimStore = new SqliteClaimStore(db);
  const scopes: Scopes = new Scopes({ store: new SqliteScopeStore(db), servers, references: deps.references, claims: claimStore, crypto, clock, tx: deps.tx });
  const claims: Claims = new Claims({ store: claimStore, servers, scopes, crypto, clock, tx: deps.tx });
  const ruleStore = new SqliteRuleStore(db);
  const policies = new Policies({ store: new SqlitePolicyStore(db), rules: ruleStore, servers, crypto, clock, tx: deps.tx });
  const rules = new Rules({ store: ruleStore, policies, crypto, clock, tx: deps.tx });
  const appStore = new SqliteAppStore(db);
  const apps = new Apps({ store: appStore, crypto, clock, tx: deps.tx, references: deps.references });
  const appAssignments = new AppAssignments({ apps: appStore, store: new SqliteAppAssignmentStore(db), clock, tx: deps.tx });
  const userStore = new SqliteUserStore(db);
  const groupStore = new SqliteGroupStore(db);
  const users = new Users({ store: userStore, groups: groupStore, references: deps.references, crypto, clock, tx: deps.tx });
  const groups = new Groups({ store: groupStore, users: userStore, references: deps.references, crypto, clock, tx: deps.tx });
  const events = new EventLog({ store: new SqliteEventStore(db), crypto, clock });
  // The token endpoint: client authentication, the grants, policy evaluation, minting.
  const clientAuth = new ClientAuthenticator({ apps, assertions: new SqliteClientAssertionStore(db), crypto, clock });
  const orgId = orgIdOf(settings, crypto);
  const customClaims = new CustomClaims({ claims, groups: groupStore, appUsers: appAssignments, clock, org: { id: orgId, ...SANDBOX_ORG } });
  const tokens = new TokenMinter({ servers, crypto, clock, orgId, claimsHook: customClaims });
  const tokenStore = new TokenStore({ store: new SqliteTokenStore(db), apps, crypto, clock, tx: deps.tx });
  const tokenLookups: TokenLookupDeps = { tokenStore, servers, users, apps, appAssignments, claimsHook: customClaims, crypto, clock };
  const codes = new AuthorizationCodes({ store: new SqliteAuthorizationCodeStore(db), crypto, clock });
  const devices = new DeviceAuthorizations({ store: new SqliteDeviceAuthorizationStore(db), crypto, clock });
  const tokenGrants: TokenGrantDeps = { clientAuth, users, appAssignments, policies, scopes, tokens, codes, devices, tokenFamilies: tokenStore, tokenStore, clock };
  // The authorize endpoint: sessions, pending requests and consent, codes, the same evaluation and minting.
  const sessions = new Sessions({ store: new SqliteSessionStore(db), crypto, clock });
  const authorize: AuthorizeDeps = { apps, users, appAssignments, policies, scopes, sessions, codes, tokens, tokenFamilies: tokenStore, clock };
  const previews = new Previews({ servers, apps, users, scopes, policies, appAssignments, tokens, customClaims, clock });
  return { settings, servers, scopes, claims, policies, rules, apps, appAssignments, users, groups, events, tokenGrants, tokenStore, tokenLookups, authorize, previews };
}
