/** Device authorizations (RFC 8628 §3.2, §3.5, §6.1): user codes, code lookups, polling pace, single use, expiry by the clock. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEVICE_CODE_LIFETIME_SECONDS,
  DeviceAuthorizations,
  formatUserCode,
  normalizeUserCode,
} from '../../../../src-main/core/protocol/device-authorizations.js';
import type {
  DeviceApproval,
  DeviceAuthorizationRecord,
  DeviceAuthorizationRepository,
} from '../../../../src-main/core/ports/device-authorizations.js';
import { FakeClock, FakeCrypto } from '../fakes.js';

class MemoryDeviceAuthorizationRepository implements DeviceAuthorizationRepository {
  readonly rows = new Map<string, DeviceAuthorizationRecord>();
  insert(hash: string, record: DeviceAuthorizationRecord): void {
    this.rows.set(hash, { ...record });
  }
  byDeviceCodeHash(hash: string): DeviceAuthorizationRecord | undefined {
    const row = this.rows.get(hash);
    return row && { ...row };
  }
  byUserCode(userCode: string): DeviceAuthorizationRecord | undefined {
    const row = [...this.rows.values()].find((r) => r.userCode === userCode);
    return row && { ...row };
  }
  transition(
    id: string,
    from: DeviceAuthorizationRecord['status'],
    to: DeviceAuthorizationRecord['status'],
    approval?: DeviceApproval,
  ): boolean {
    const row = [...this.rows.values()].find((r) => r.id === id);
    if (!row || row.status !== from) return false;
    row.status = to;
    if (approval) row.approval = approval;
    return true;
  }
  recordPoll(id: string, at: Date): void {
    const row = [...this.rows.values()].find((r) => r.id === id);
    if (row) row.lastPolledAt = at;
  }
}

class Sha256Crypto extends FakeCrypto {
  override sha256(input: string): Uint8Array {
    return new Uint8Array(createHash('sha256').update(input).digest());
  }
}

const start = new Date('2026-01-01T00:00:00Z');
const setUp = () => {
  const clock = new FakeClock(start);
  const store = new MemoryDeviceAuthorizationRepository();
  const devices = new DeviceAuthorizations({ store, crypto: new Sha256Crypto(), clock });
  return {
    clock,
    store,
    devices,
    started: devices.start({ serverId: 's1', appId: 'a1', clientId: 'c1', scope: 'openid' }),
  };
};
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const approval: DeviceApproval = {
  userId: 'u1',
  authTime: start,
  amr: ['pwd'],
  scopes: ['openid'],
  lifetimes: { accessTokenMinutes: 60, refreshTokenMinutes: 0, refreshWindowMinutes: 10080 },
};

describe('DeviceAuthorizations', () => {
  it('issues eight consonants shown as XXXX-XXXX and keeps only the device code hash', () => {
    const { store, started } = setUp();
    expect(started.record.userCode).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
    expect(formatUserCode(started.record.userCode)).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect([...store.rows.keys()]).not.toContain(started.deviceCode);
    expect(started.record.expiresAt).toEqual(at(DEVICE_CODE_LIFETIME_SECONDS));
  });

  it('finds a pending code however it is typed, on its own server only, until it expires', () => {
    const { clock, devices, started } = setUp();
    const typed = ` ${formatUserCode(started.record.userCode).toLowerCase()} `;
    expect(normalizeUserCode(typed)).toBe(started.record.userCode);
    expect(devices.pendingByUserCode('s1', typed)?.id).toBe(started.record.id);
    expect(devices.pendingByUserCode('s2', typed)).toBeUndefined();
    clock.set(at(DEVICE_CODE_LIFETIME_SECONDS));
    expect(devices.pendingByUserCode('s1', typed)).toBeUndefined();
  });

  it('paces polls by the interval', () => {
    const { clock, devices, started } = setUp();
    expect(devices.polledTooSoon(devices.byDeviceCode(started.deviceCode)!)).toBe(false);
    clock.set(at(4));
    expect(devices.polledTooSoon(devices.byDeviceCode(started.deviceCode)!)).toBe(true);
    clock.set(at(9));
    expect(devices.polledTooSoon(devices.byDeviceCode(started.deviceCode)!)).toBe(false);
  });

  it('approves or denies once, and is consumed once', () => {
    const { devices, started } = setUp();
    const record = devices.byDeviceCode(started.deviceCode)!;
    expect(devices.approve(record, approval)).toBe(true);
    expect(devices.deny(record)).toBe(false);
    expect(devices.byDeviceCode(started.deviceCode)).toMatchObject({ status: 'approved', approval });
    expect(devices.consume(record)).toBe(true);
    expect(devices.consume(record)).toBe(false);
  });
});
