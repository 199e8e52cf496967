/** The shapes the token endpoint's steps pass along (see `token-request.ts` for the script). */
import type { AppRecord } from '../../ports/apps.js';
import type { AppAssignments } from '../../app-assignments.js';
import type { AppGrants } from '../../app-grants.js';
import type { Policies } from '../../policies.js';
import type { AuthorizationServerRecord } from '../../ports/authorization-servers.js';
import type { Clock } from '../../ports/runtime.js';
import type { Scopes } from '../../scopes.js';
import type { UserRecord } from '../../ports/users.js';
import type { Users } from '../../users.js';
import type { AuthorizationCodes } from '../authorization-codes.js';
import type { ClientAuthenticator, PresentedCredentials } from '../client-auth.js';
import type { DeviceAuthorizations } from '../device-authorizations.js';
import type { Lifetimes, PolicyTraceCache } from '../policy/decision.js';
import type { TokenFamilies } from '../token-families.js';
import type { TokenLedger } from '../token-ledger.js';
import type { TokenMinter } from '../tokens.js';
import type { CheckedDpopProof, DpopDeps } from '../dpop/check-proof.js';
import type { DecisionTrace } from '../trace.js';

/** A token request after the HTTP layer parsed it and found its ACTIVE server. */
export interface TokenRequest {
  server: AuthorizationServerRecord;
  /** The server's issuer as this request sees it (`issuerOf`). */
  issuer: string;
  /** `<issuer>/v1/token`: the `aud` client assertions must name. */
  endpointUrl: string;
  /** The form parameters, each given at most once (RFC 6749 §3.2). */
  params: Record<string, string>;
  credentials: PresentedCredentials;
  /** The `Origin` header of a browser request. */
  origin?: string | undefined;
  /** The `DPoP` header(s) of the request (RFC 9449 §4). */
  dpop?: string | readonly string[] | undefined;
}

/** What the request established so far; the event log reads it whatever the outcome. */
export interface TokenProgress {
  client?: AppRecord;
  grantType?: string;
  user?: UserRecord;
  trace?: DecisionTrace;
  /** The token family the minted tokens joined (an authorization code's replay revokes it). */
  familyId?: string;
  /** The checked DPoP proof the access token is bound to (`check-dpop.ts`). */
  dpop?: CheckedDpopProof;
  /**
   * Called with the answer inside the store transaction that writes the minted tokens and their
   * family: what the caller stores about the request (its event) commits with them or not at all.
   */
  issued?: (response: TokenResponse, jtis: IssuedJtis) => void;
}

/** The `jti` of each token a response issues, by the token: what the event log keeps without decoding them again. */
export type IssuedJtis = ReadonlyMap<string, string>;

/** Who the grant is for: a user (password, and later code, refresh, device) or nobody (client_credentials). */
export interface GrantSubject {
  user: UserRecord | null;
  authTime: Date | null;
  /** Authentication methods (OIDC `amr`): `pwd` for a password. */
  amr: string[];
  /**
   * The family the tokens join: an authorization code's id, or a refresh token's family (with the
   * refresh token to return, rotated or the same). Without it a new family is opened.
   */
  family?: { id: string; refreshToken?: string };
  /**
   * What the exchange uses up (an authorization code), in the transaction that stores the tokens:
   * `use` is false when another exchange used it first, and the request then ends with `refused`
   * (which runs once that transaction is over).
   */
  redeems?: { use(): boolean; refused(): never };
  /** Scopes and lifetimes decided at the initial authentication (refresh): the policy is not evaluated again. */
  decided?: Decided;
  /** The authorize request's `nonce`, for the ID token of a code exchange (OIDC Core §3.1.3.6). */
  nonce?: string;
}

/** What minting needs from a policy decision. */
export interface Decided {
  scopes: string[];
  lifetimes: Lifetimes;
  /** The policy and rule that decided, when the grant kept them (an authorization code does). */
  policyId?: string;
  ruleId?: string;
}

export interface TokenGrantDeps {
  clientAuth: ClientAuthenticator;
  users: Pick<Users, 'checkPassword' | 'groupsOfUser' | 'recordLogin' | 'find'>;
  appAssignments: Pick<AppAssignments, 'isUserAssigned' | 'appUserNameOf'>;
  /** `traces`: the policy engine's kept traces of policies it did not evaluate the rules of (`PolicyTraceCache`). */
  policies: Pick<Policies, 'policiesForEvaluation'> & { traces?: PolicyTraceCache };
  scopes: Pick<Scopes, 'listByServer'>;
  /** The Okta API scopes granted to apps: what the org server offers each app. */
  appGrants: Pick<AppGrants, 'grantedScopes'>;
  tokens: TokenMinter;
  /** Authorization codes issued at /authorize (the authorization_code grant redeems them). */
  codes: AuthorizationCodes;
  /** Device authorizations (RFC 8628): started at /device/authorize, answered on the device page, redeemed here. */
  devices: DeviceAuthorizations;
  /** Registers access tokens and issues refresh tokens (`token-families.ts`). */
  tokenFamilies: TokenFamilies;
  /** The same store, with the lookups the refresh_token grant needs. */
  tokenLedger: Pick<TokenLedger, 'lookupRefreshToken' | 'rotate' | 'touch' | 'revokeFamily'>;
  clock: Clock;
  /** DPoP proof checking (RFC 9449): the token endpoint's proofs and nonces. */
  dpop: DpopDeps;
}

/** The token response (RFC 6749 §5.1, Okta "OpenID Connect & OAuth 2.0 API"): never a `state` member. */
export interface TokenResponse {
  /** `DPoP` for a token bound to a proof's key (RFC 9449 §5). */
  token_type: 'Bearer' | 'DPoP';
  expires_in: number;
  access_token: string;
  scope: string;
  refresh_token?: string;
  id_token?: string;
}

export type GrantHandler = (
  deps: TokenGrantDeps,
  request: TokenRequest,
  client: AppRecord,
  progress: TokenProgress,
) => GrantSubject | Promise<GrantSubject>;
