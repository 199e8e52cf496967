/**
 * Device authorizations (RFC 8628 §3.2–§3.5, Okta "OpenID Connect & OAuth 2.0 API"): a device code (opaque, only its
 * SHA-256 kept) and a user code of eight characters from RFC 8628 §6.1's consonant alphabet, shown
 * as XXXX-XXXX; ten minutes to approve, a five-second polling interval. Time comes from the
 * injected clock, randomness from the crypto port.
 */
import type { Clock, Crypto } from '../ports/runtime.js';
import type {
  DeviceApproval,
  DeviceAuthorizationRecord,
  DeviceAuthorizationRepository,
} from '../ports/device-authorizations.js';
import { opaqueHash } from './authorization-codes.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const DEVICE_CODE_LIFETIME_SECONDS = 600;
export const DEVICE_POLL_INTERVAL_SECONDS = 5;
/** RFC 8628 §6.1: no vowels (no words), no look-alikes. */
const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const USER_CODE_LENGTH = 8;
const DEVICE_CODE_LENGTH = 43;

export interface DeviceAuthorizationDeps {
  store: DeviceAuthorizationRepository;
  crypto: Pick<Crypto, 'randomId' | 'sha256'>;
  clock: Clock;
}

/** XXXX-XXXX for people; what they type is compared without dashes, spaces or case (RFC 8628 §6.1). */
export const formatUserCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;
export const normalizeUserCode = (typed: string) => typed.toUpperCase().replace(/[^A-Z]/g, '');

export class DeviceAuthorizations {
  constructor(private readonly deps: DeviceAuthorizationDeps) {}

  /** RFC 8628 §3.2: a new pending authorization; returns the device code (only its hash is kept). */
  start(input: { serverId: string; appId: string; clientId: string; scope: string | null }): {
    deviceCode: string;
    record: DeviceAuthorizationRecord;
  } {
    const now = this.deps.clock.now();
    const deviceCode = this.deps.crypto.randomId('', DEVICE_CODE_LENGTH);
    const record: DeviceAuthorizationRecord = {
      id: this.deps.crypto.randomId('dev'),
      userCode: this.newUserCode(),
      ...input,
      status: 'pending',
      approval: null,
      intervalSeconds: DEVICE_POLL_INTERVAL_SECONDS,
      lastPolledAt: null,
      expiresAt: new Date(now.getTime() + DEVICE_CODE_LIFETIME_SECONDS * 1000),
    };
    this.deps.store.insert(opaqueHash(this.deps.crypto, deviceCode), record, now);
    return { deviceCode, record };
  }

  byDeviceCode(deviceCode: string): DeviceAuthorizationRecord | undefined {
    return this.deps.store.byDeviceCodeHash(opaqueHash(this.deps.crypto, deviceCode));
  }

  /** The pending, unexpired authorization a typed user code names on `serverId`. */
  pendingByUserCode(serverId: string, typed: string): DeviceAuthorizationRecord | undefined {
    const record = this.deps.store.byUserCode(normalizeUserCode(typed));
    return record && record.serverId === serverId && record.status === 'pending' && !this.expired(record)
      ? record
      : undefined;
  }

  expired(record: DeviceAuthorizationRecord): boolean {
    return record.expiresAt.getTime() <= this.deps.clock.now().getTime();
  }

  approve(record: DeviceAuthorizationRecord, approval: DeviceApproval): boolean {
    return this.deps.store.transition(record.id, 'pending', 'approved', approval);
  }

  deny(record: DeviceAuthorizationRecord): boolean {
    return this.deps.store.transition(record.id, 'pending', 'denied');
  }

  /** Single use (RFC 8628 §3.5): false when another poll redeemed it first. */
  consume(record: DeviceAuthorizationRecord): boolean {
    return this.deps.store.transition(record.id, 'approved', 'used');
  }

  /** RFC 8628 §3.5: true when this poll came sooner than `interval` after the previous one; the poll is recorded. */
  polledTooSoon(record: DeviceAuthorizationRecord): boolean {
    const now = this.deps.clock.now();
    this.deps.store.recordPoll(record.id, now);
    return (
      record.lastPolledAt !== null && now.getTime() - record.lastPolledAt.getTime() < record.intervalSeconds * 1000
    );
  }

  /** Eight letters of the alphabet from fresh random bytes (a byte mod 20: a bias of under 2 % is fine for a sandbox). */
  private newUserCode(): string {
    const bytes = this.deps.crypto.sha256(this.deps.crypto.randomId('', 32));
    let code = '';
    for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[bytes[i]! % USER_CODE_ALPHABET.length];
    return code;
  }
}
