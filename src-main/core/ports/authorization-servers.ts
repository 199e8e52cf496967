/** Authorization servers and their signing keys, as stored; `store/authorization-server-repository.ts` implements the port. */
import type { IssuerMode, KeyStatus, LifecycleStatus, RotationMode } from '../../contracts/authorization-server.js';
import type { Page } from './page.js';
import type { PublicJwk } from './runtime.js';

export interface AuthorizationServerRecord {
  id: string;
  name: string;
  description: string;
  audiences: string[];
  issuerMode: IssuerMode;
  status: LifecycleStatus;
  isDefault: boolean;
  rotationMode: RotationMode;
  lastRotated: Date | null;
  nextRotation: Date | null;
  created: Date;
  lastUpdated: Date;
}

export interface SigningKeyRecord {
  kid: string;
  serverId: string;
  status: KeyStatus;
  publicJwk: PublicJwk;
  privateJwk: string;
  created: Date;
}

export interface AuthorizationServerRepository {
  /** Servers in creation order, optionally filtered by `q` (name or audience, case-insensitive). */
  list(page: Page, q?: string): AuthorizationServerRecord[];
  get(id: string): AuthorizationServerRecord | undefined;
  /** Inserts a server with its first keys in one transaction. */
  insert(server: AuthorizationServerRecord, keys: SigningKeyRecord[]): void;
  update(server: AuthorizationServerRecord): void;
  delete(id: string): boolean;
  keys(serverId: string): SigningKeyRecord[];
  /** Replaces a server's key set and its rotation dates in one transaction. */
  saveRotation(server: AuthorizationServerRecord, keys: SigningKeyRecord[]): void;
}
