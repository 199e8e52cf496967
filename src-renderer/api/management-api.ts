/**
 * The management API calls the renderer makes (Okta's `/api/v1`, reference §1.2). Slices depend on
 * this interface, so tests can hand them a fake instead of the HTTP client.
 */
import type { AuthorizationServerDto, IssuerMode, RotationMode, SigningKeyDto } from '../../src-main/contracts/index.js';
import type { EventFilter, ProtocolEventDto, StreamEventsOptions } from './event-dto.js';

/** What a create (POST) or full replacement (PUT) sends. */
export interface AuthorizationServerWrite {
  name: string;
  description: string;
  audiences: string[];
  issuerMode: IssuerMode;
  credentials: { signing: { rotationMode: RotationMode } };
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
}
