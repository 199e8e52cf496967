/** Device authorizations (RFC 8628) as stored; `store/device-authorization-repository.ts` implements the port. */
import type { Lifetimes } from '../protocol/policy/decision.js';

export interface DeviceApproval {
  userId: string;
  authTime: Date;
  amr: string[];
  scopes: string[];
  lifetimes: Lifetimes;
}

export interface DeviceAuthorizationRecord {
  id: string;
  /** Eight letters, no dash. */
  userCode: string;
  serverId: string;
  appId: string;
  clientId: string;
  /** The `scope` parameter of the device request, as sent (evaluated at approval). */
  scope: string | null;
  status: 'pending' | 'approved' | 'denied' | 'used';
  approval: DeviceApproval | null;
  intervalSeconds: number;
  lastPolledAt: Date | null;
  expiresAt: Date;
}

export interface DeviceAuthorizationRepository {
  insert(deviceCodeHash: string, record: DeviceAuthorizationRecord, now: Date): void;
  byDeviceCodeHash(hash: string): DeviceAuthorizationRecord | undefined;
  byUserCode(userCode: string): DeviceAuthorizationRecord | undefined;
  transition(
    id: string,
    from: DeviceAuthorizationRecord['status'],
    to: DeviceAuthorizationRecord['status'],
    approval?: DeviceApproval,
  ): boolean;
  recordPoll(id: string, at: Date): void;
}
