/**
 * What the Flow Runner keeps and what it talks through: its runs (SQLite in `store/`) and the HTTP
 * client that sends its requests over loopback to Authbox's own endpoints (fetch in `app/`).
 */
import type {
  ClientCheck,
  DeviceCodeDto,
  Exchange,
  Flow,
  RunParams,
  RunStatus,
  RunStep,
  RunTokens,
  StepName,
  WireRequest,
  WireResponse,
} from '../../contracts/flow-run.js';

/** A step as kept: the ids of the events the server recorded for it, read back from the log when shown. */
export interface StoredStep extends Omit<RunStep, 'events'> {
  eventIds: string[];
}

/** What the runner needs between steps and never shows unmasked unless asked. */
export interface RunSecrets {
  codeVerifier?: string;
  deviceCode?: string;
  password?: string;
  /** The code the callback (or the hybrid fragment) delivered. */
  code?: string;
  /** The `state` the callback came back with. */
  returnedState?: string;
  /** The tokens the authorize response itself carried (implicit and hybrid), for at_hash / c_hash. */
  frontChannel?: RunTokens;
  /** The run's DPoP key pair (RFC 9449 §2), made at its first token request to an app that requires DPoP. */
  dpopKey?: DpopKeyPair;
  /** The last `DPoP-Nonce` the server sent (RFC 9449 §8), put in every later proof. */
  dpopNonce?: string;
}

export interface DpopKeyPair {
  /** The private JWK as JSON; it never leaves the server process and the database. */
  privateJwk: string;
  publicJwk: Record<string, unknown>;
}

/** What the runner needs to act as a DPoP client (RFC 9449 §4); `app/dpop-crypto.ts` implements it with jose. */
export interface DpopProofSigner {
  /** A new ES256 key pair. */
  generateKey(): Promise<DpopKeyPair>;
  /** A proof JWT: header `{typ: 'dpop+jwt', alg: 'ES256', jwk: <public key>}`, payload `claims`, signed with the key. */
  sign(key: DpopKeyPair, claims: Record<string, unknown>): Promise<string>;
}

export interface FlowRunRecord {
  id: string;
  flow: Flow;
  serverId: string;
  appId: string;
  clientId: string;
  appLabel: string;
  /** The origin the runner's requests go to (`http://127.0.0.1:<port>`). */
  origin: string;
  params: RunParams;
  status: RunStatus;
  error: string | null;
  created: Date;
  lastUpdated: Date;
  next: StepName[];
  authorizeUrl: string | null;
  device: DeviceCodeDto | null;
  nextPollAt: Date | null;
  steps: StoredStep[];
  tokens: RunTokens;
  checks: ClientCheck[];
  secrets: RunSecrets;
  /** The discovery document and key set the run fetched, as a relying party caches them. */
  discovery: Record<string, unknown> | null;
  jwks: { keys: Record<string, unknown>[] } | null;
}

export interface FlowRunRepository {
  insert(run: FlowRunRecord): void;
  update(run: FlowRunRecord): void;
  get(id: string): FlowRunRecord | undefined;
  /** Newest first. */
  list(limit: number): FlowRunRecord[];
  /** False when there was no such run. */
  delete(id: string): boolean;
  /** The run one of whose steps collected the event `eventId`, if a kept run did. */
  runOfEvent(eventId: string): string | undefined;
}

/** Sends one request as it is written and never follows a redirect (the runner shows each hop). */
export interface HttpTransport {
  send(request: WireRequest): Promise<WireResponse>;
}

export type { Exchange };
