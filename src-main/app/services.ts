/** Builds the domain services over one database: the single place where store meets core. */
import { AppAssignments } from '../core/app-assignments.js';
import { AppGrants } from '../core/app-grants.js';
import { SqliteAppGrantRepository } from '../store/app-grant-repository.js';
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
import type { TokenLookupDeps } from '../http/context.js';
import { TokenLedger } from '../core/protocol/token-ledger.js';
import { Policies } from '../core/policies.js';
import { Rules } from '../core/rules.js';
import { Scopes } from '../core/scopes.js';
import { Users } from '../core/users.js';
import { FailureThrottle } from '../core/failure-throttle.js';
import { SignInLockout } from '../core/sign-in-lockout.js';
import { SecuritySettings } from '../core/security-settings.js';
import { SqliteSignInFailureRepository } from '../store/sign-in-failure-repository.js';
import { ConfigSnapshot } from './config-snapshot.js';
import { PolicyTraces } from './policy-traces.js';
import type { Clock, Crypto, Transactor } from '../core/ports/runtime.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import { PLAIN_SEALER } from '../core/secret-sealer.js';
import type { HttpServices } from '../http/context.js';
import { SqliteAppAssignmentRepository } from '../store/app-assignment-repository.js';
import { SqliteAppRepository } from '../store/app-repository.js';
import { SqliteAuthorizationCodeRepository } from '../store/authorization-code-repository.js';
import { SqliteAuthorizationServerRepository } from '../store/authorization-server-repository.js';
import { SqliteClaimRepository } from '../store/claim-repository.js';
import { SqliteClientAssertionRepository } from '../store/client-assertion-repository.js';
import { SqliteDeviceAuthorizationRepository } from '../store/device-authorization-repository.js';
import { SqliteEventRepository } from '../store/event-repository.js';
import { GroupCommit } from '../store/group-commit.js';
import { SqliteTransactor } from '../store/transactor.js';
import type { Db } from '../store/database.js';
import { SqliteGroupRepository } from '../store/group-repository.js';
import { SqlitePolicyRepository } from '../store/policy-repository.js';
import { SqliteRuleRepository } from '../store/rule-repository.js';
import { SqliteReferenceRepository } from '../store/reference-repository.js';
import { SqliteScopeRepository } from '../store/scope-repository.js';
import { SqliteSessionRepository } from '../store/session-repository.js';
import { SqliteSettingsRepository } from '../store/settings-repository.js';
import { SqliteTokenRepository } from '../store/token-repository.js';
import { SqliteUserRepository } from '../store/user-repository.js';
import { createDpopNonces, dpopCrypto } from './dpop-crypto.js';
import type { SandboxServices } from './sandbox-services.js';
import { MemoryDpopProofStore } from './dpop-proof-store.js';
import { SharedLoad } from '../core/shared-load.js';
import type { DpopDeps } from '../core/protocol/dpop/check-proof.js';

export interface Services extends HttpServices {
  settings: SqliteSettingsRepository;
  /** The token requests' shared transaction: flushed before the store closes. */
  groupCommit: GroupCommit;
}

/** What every feature's service may be built from. */
export interface ServiceDeps {
  db: Db;
  crypto: Crypto;
  clock: Clock;
  /** One store transaction around a multi-step write. */
  tx: Transactor;
  /** Which policies and rules name a user, group, app or scope (refuse deleting those). */
  references: SqliteReferenceRepository;
}

/** `sealer` keeps private signing keys, client secrets and Flow Runner runs at rest (the OS keychain in the desktop app). */
export function buildServices(db: Db, crypto: Crypto, clock: Clock, sealer: SecretSealer = PLAIN_SEALER): Services {
  // The token requests of one turn of the event loop commit together (`store/group-commit.ts`).
  const group = new GroupCommit(db);
  const tx = new SqliteTransactor(db, group);
  const deps: ServiceDeps = {
    db,
    crypto,
    clock,
    tx,
    references: new SqliteReferenceRepository(db),
  };
  const settings = new SqliteSettingsRepository(db);
  // The lockout threshold and the throttles, read at each failure so a change in the UI applies at once.
  const securitySettings = new SecuritySettings(settings);
  const addressThrottle = new FailureThrottle(clock, () => securitySettings.addressThrottle());
  // The configuration every protocol request reads, from memory; each of these repositories' writes empties it.
  const config = new ConfigSnapshot(db);
  // A new server's system scopes (and the default server's `sub` claim) land in its own transaction.
  const servers: AuthorizationServers = new AuthorizationServers({
    store: config.wrap('servers', new SqliteAuthorizationServerRepository(db, sealer), ['list', 'get', 'keys']),
    crypto,
    clock,
    tx: deps.tx,
    initializers: [(server) => scopes.addSystemScopes(server), (server) => claims.addSystemClaims(server)],
  });
  const claimRepository = config.wrap('claims', new SqliteClaimRepository(db), [
    'list',
    'get',
    'byName',
    'namingScope',
  ]);
  const scopes: Scopes = new Scopes({
    store: config.wrap('scopes', new SqliteScopeRepository(db), ['list', 'get', 'byNames']),
    servers,
    references: deps.references,
    claims: claimRepository,
    crypto,
    clock,
    tx: deps.tx,
  });
  const claims: Claims = new Claims({ store: claimRepository, servers, scopes, crypto, clock, tx: deps.tx });
  const ruleRepository = config.wrap(
    'rules',
    new SqliteRuleRepository(db),
    ['list', 'get'],
    ['unknownUsers', 'unknownGroups', 'unknownScopes'],
  );
  const policies = new Policies({
    store: config.wrap('policies', new SqlitePolicyRepository(db), ['list', 'get'], ['unknownClients']),
    rules: ruleRepository,
    servers,
    crypto,
    clock,
    tx: deps.tx,
  });
  const rules = new Rules({ store: ruleRepository, policies, crypto, clock, tx: deps.tx });
  // What the policy engine reads on every request, every policy of a server with its rules, kept as
  // one snapshot entry per server: built from the wrapped reads it was one of them per policy (with
  // 100 policies on a server, 101 lookups and 100 new objects per token request).
  // With it, the policies part of the engine's traces, kept per snapshot entry and client: the same
  // frozen array for the requests that make the same one (`PolicyTraces`).
  const policyEvaluation: Pick<Policies, 'policiesForEvaluation'> & { traces: PolicyTraces } = {
    policiesForEvaluation: (serverId) =>
      config.cached(`policiesForEvaluation"${serverId}`, () => policies.policiesForEvaluation(serverId)),
    traces: new PolicyTraces(),
  };
  const appRepository = config.wrap('apps', new SqliteAppRepository(db, sealer), ['list', 'get', 'byClientId']);
  const apps = new Apps({ store: appRepository, crypto, clock, tx: deps.tx, references: deps.references });
  const appAssignments = new AppAssignments({
    apps: appRepository,
    store: new SqliteAppAssignmentRepository(db),
    clock,
    tx: deps.tx,
  });
  const appGrants = new AppGrants({ store: new SqliteAppGrantRepository(db), apps, crypto, clock });
  const userRepository = new SqliteUserRepository(db);
  const groupRepository = new SqliteGroupRepository(db);
  const users = new Users({
    store: userRepository,
    groups: groupRepository,
    references: deps.references,
    crypto,
    clock,
    tx: deps.tx,
    lockout: new SignInLockout({
      failures: new SqliteSignInFailureRepository(db),
      threshold: () => securitySettings.lockoutThreshold(),
    }),
    signInThrottle: addressThrottle,
  });
  const groups = new Groups({
    store: groupRepository,
    users: userRepository,
    references: deps.references,
    crypto,
    clock,
    tx: deps.tx,
  });
  const events = new EventLog({
    store: new SqliteEventRepository(db),
    crypto,
    clock,
    // An event recorded in a transaction is told to the live streams once it is committed.
    afterCommit: (notify) => tx.afterCommit(notify),
  });
  // The token endpoint: client authentication, the grants, policy evaluation, minting.
  const clientAuth = new ClientAuthenticator({
    apps,
    assertions: new SqliteClientAssertionRepository(db),
    crypto,
    clock,
    throttle: new FailureThrottle(clock, () => securitySettings.clientThrottle()),
    addressThrottle,
  });
  const orgId = orgIdOf(settings, crypto);
  const customClaims = new CustomClaims({
    claims,
    groups: groupRepository,
    appUsers: appAssignments,
    clock,
    org: { id: orgId, ...SANDBOX_ORG },
  });
  const tokens = new TokenMinter({ servers, crypto, clock, orgId, claimsHook: customClaims });
  const tokenLedger = new TokenLedger({
    store: new SqliteTokenRepository(db),
    apps,
    crypto,
    clock,
    tx: deps.tx,
    group,
    // The sweep of expired tokens runs between the group commits, in its own transaction.
    later: (work) => setImmediate(work),
  });
  const tokenLookups: TokenLookupDeps = {
    tokenLedger,
    servers,
    users,
    apps,
    appAssignments,
    claimsHook: customClaims,
    crypto,
    clock,
  };
  const codes = new AuthorizationCodes({
    store: new SqliteAuthorizationCodeRepository(db),
    crypto,
    clock,
    // Expired codes are swept on a turn of their own, so no authorize request's commit carries it.
    later: (work) => setImmediate(work),
  });
  const devices = new DeviceAuthorizations({ store: new SqliteDeviceAuthorizationRepository(db), crypto, clock });
  // DPoP proofs (RFC 9449): one nonce source and one replay store for the token endpoint and Okta's API.
  const dpop: DpopDeps = { crypto: dpopCrypto, nonces: createDpopNonces(), proofs: new MemoryDpopProofStore(), clock };
  const tokenGrants: TokenGrantDeps = {
    clientAuth,
    users,
    appAssignments,
    policies: policyEvaluation,
    scopes,
    appGrants,
    tokens,
    codes,
    devices,
    tokenFamilies: tokenLedger,
    tokenLedger,
    clock,
    dpop,
  };
  // The authorize endpoint: sessions, pending requests and consent, codes, the same evaluation and minting.
  const sessions = new Sessions({ store: new SqliteSessionRepository(db), crypto, clock });
  const authorize: AuthorizeDeps = {
    apps,
    users,
    appAssignments,
    policies: policyEvaluation,
    scopes,
    appGrants,
    sessions,
    codes,
    tokens,
    tokenFamilies: tokenLedger,
    clock,
  };
  const previewDeps = {
    servers,
    apps,
    users,
    scopes,
    policies: policyEvaluation,
    appGrants,
    appAssignments,
    tokens,
    customClaims,
    clock,
  };
  // The sandbox transfer, the Flow Runner, the previews and the Token Inspector: their modules are
  // evaluated on the first loadSandbox() (concurrent calls share one load; a failed load is not kept).
  let sandboxServices: SandboxServices | undefined;
  const loadedSandbox = (): SandboxServices => {
    if (!sandboxServices) throw new Error('the sandbox services are not loaded yet: await services.loadSandbox()');
    return sandboxServices;
  };
  const sandboxLoad = new SharedLoad(() =>
    import('./sandbox-services.js').then(({ buildSandboxServices }) => {
      sandboxServices ??= buildSandboxServices({
        db,
        sealer,
        config,
        crypto,
        clock,
        apps,
        servers,
        events,
        claims,
        previews: previewDeps,
      });
    }),
  );
  const loadSandbox = () => sandboxLoad.get();
  return {
    settings,
    groupCommit: group,
    securitySettings,
    tx: deps.tx,
    get sandbox() {
      return loadedSandbox().sandbox;
    },
    loadSandbox,
    servers,
    scopes,
    claims,
    policies,
    rules,
    apps,
    appAssignments,
    appGrants,
    users,
    groups,
    events,
    tokenGrants,
    tokenLedger,
    tokenLookups,
    oktaApi: { tokens: tokenLookups, dpop },
    authorize,
    get previews() {
      return loadedSandbox().previews;
    },
    configVersion: () => config.version,
    get flowRuns() {
      return loadedSandbox().flowRuns;
    },
    get inspector() {
      return loadedSandbox().inspector;
    },
  };
}
