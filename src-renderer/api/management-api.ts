/**
 * The management API calls the renderer makes (Okta's `/api/v1`, reference §1.2–§1.8) and the
 * sandbox API's previews. Slices depend on this interface, so tests can hand them a fake instead of
 * the HTTP client.
 */
import type { AppDto } from '../../src-main/contracts/app.js';
import type { ClaimDto, ClaimType, GroupFilterType } from '../../src-main/contracts/claim.js';
import type { AuthorizationServerDto, IssuerMode, LifecycleStatus, RotationMode, SigningKeyDto, UserDto } from '../../src-main/contracts/index.js';
import type { ClaimsPreviewDto, ClaimsPreviewRequest, ExpressionCheckDto, ExpressionPreviewDto, ExpressionPreviewRequest } from '../../src-main/contracts/index.js';
import type { ScopeDto } from '../../src-main/contracts/scope.js';
import type { EventFilter, ProtocolEventDto, StreamEventsOptions } from './event-dto.js';

/** What a create (POST) or full replacement (PUT) sends. */
export interface AuthorizationServerWrite {
  name: string;
  description: string;
  audiences: string[];
  issuerMode: IssuerMode;
  credentials: { signing: { rotationMode: RotationMode } };
}

/** What a claim create (POST) or full replacement (PUT) sends (reference §1.6). */
export interface ClaimWrite {
  name: string;
  status: LifecycleStatus;
  claimType: ClaimType;
  valueType: 'EXPRESSION' | 'GROUPS';
  value: string;
  /** Only for GROUPS claims. */
  group_filter_type?: GroupFilterType;
  alwaysIncludeInToken: boolean;
  conditions: { scopes: string[] };
}

export interface ManagementApi {
  listServers(): Promise<AuthorizationServerDto[]>;
  getServer(id: string): Promise<AuthorizationServerDto>;
  createServer(input: AuthorizationServerWrite): Promise<AuthorizationServerDto>;
  replaceServer(id: string, input: AuthorizationServerWrite): Promise<AuthorizationServerDto>;
  activateServer(id: string): Promise<void>;
  deactivateServer(id: string): Promise<void>;
  listKeys(id: string): Promise<SigningKeyDto[]>;
  rotateKeys(id: string): Promise<SigningKeyDto[]>;
  /** The sandbox event log (`/api/sandbox/v1/events`), newest first. */
  listEvents(filter?: EventFilter): Promise<ProtocolEventDto[]>;
  getEvent(id: string): Promise<ProtocolEventDto>;
  streamEvents(options: StreamEventsOptions): Promise<void>;
  listClaims(serverId: string): Promise<ClaimDto[]>;
  createClaim(serverId: string, input: ClaimWrite): Promise<ClaimDto>;
  replaceClaim(serverId: string, claimId: string, input: ClaimWrite): Promise<ClaimDto>;
  deleteClaim(serverId: string, claimId: string): Promise<void>;
  listScopes(serverId: string): Promise<ScopeDto[]>;
  listUsers(): Promise<UserDto[]>;
  listApps(): Promise<AppDto[]>;
  /** The sandbox API: whether an expression parses and names known functions and names (as saving a claim checks). */
  checkExpression(expression: string): Promise<ExpressionCheckDto>;
  /** The sandbox API: what an expression gives for a user, an app and scopes. */
  previewExpression(request: ExpressionPreviewRequest): Promise<ExpressionPreviewDto>;
  /** The sandbox API: the tokens a server would mint for a user, an app and scopes, with the claim trace. */
  previewClaims(serverId: string, request: ClaimsPreviewRequest): Promise<ClaimsPreviewDto>;
}
