/**
 * Signing key life cycle of an authorization server (Okta: ACTIVE / NEXT / EXPIRED).
 * Rotation: the ACTIVE key becomes EXPIRED, NEXT becomes ACTIVE and signing switches at once;
 * the previously EXPIRED key is dropped, so `/v1/keys` publishes two or three keys.
 * AUTO mode keeps a NEXT key published ahead of time and rotates every 90 days.
 */
import type { RotationMode } from '../contracts/authorization-server.js';
import type { GeneratedKey } from './ports/runtime.js';
import type { SigningKeyRecord } from './ports/authorization-servers.js';

export const AUTO_ROTATION_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

export function nextRotationAfter(rotated: Date, mode: RotationMode): Date | null {
  return mode === 'AUTO' ? new Date(rotated.getTime() + AUTO_ROTATION_DAYS * DAY_MS) : null;
}

/** How many fresh keys a rotation needs: one to become ACTIVE unless a NEXT exists, one NEXT for AUTO. */
export function keysNeededForRotation(current: SigningKeyRecord[], mode: RotationMode): number {
  const hasNext = current.some((k) => k.status === 'NEXT');
  return (hasNext ? 0 : 1) + (mode === 'AUTO' ? 1 : 0);
}

export function toRecord(
  serverId: string,
  key: GeneratedKey,
  status: SigningKeyRecord['status'],
  now: Date,
): SigningKeyRecord {
  return { kid: key.kid, serverId, status, publicJwk: key.publicJwk, privateJwk: key.privateJwk, created: now };
}

/** The keys of a new server: one ACTIVE, plus a NEXT in AUTO mode. `fresh` holds as many as needed. */
export function initialKeys(
  serverId: string,
  fresh: GeneratedKey[],
  mode: RotationMode,
  now: Date,
): SigningKeyRecord[] {
  const [active, next] = fresh;
  if (!active || (mode === 'AUTO' && !next)) throw new Error('initialKeys: not enough generated keys');
  const keys = [toRecord(serverId, active, 'ACTIVE', now)];
  if (mode === 'AUTO' && next) keys.push(toRecord(serverId, next, 'NEXT', now));
  return keys;
}

/** Applies one rotation to `current`, taking new keys from `fresh` (see keysNeededForRotation). */
export function rotateKeys(
  serverId: string,
  current: SigningKeyRecord[],
  fresh: GeneratedKey[],
  mode: RotationMode,
  now: Date,
): SigningKeyRecord[] {
  const pool = [...fresh];
  const take = () => {
    const key = pool.shift();
    if (!key) throw new Error('rotateKeys: not enough generated keys');
    return key;
  };
  const active = current.find((k) => k.status === 'ACTIVE');
  const next = current.find((k) => k.status === 'NEXT');
  const result: SigningKeyRecord[] = [];
  if (active) result.push({ ...active, status: 'EXPIRED' });
  result.push(next ? { ...next, status: 'ACTIVE' } : toRecord(serverId, take(), 'ACTIVE', now));
  if (mode === 'AUTO') result.push(toRecord(serverId, take(), 'NEXT', now));
  return result;
}

/** Keys in the order Okta lists them: ACTIVE, NEXT, EXPIRED. */
export function byStatus(keys: SigningKeyRecord[]): SigningKeyRecord[] {
  const rank = { ACTIVE: 0, NEXT: 1, EXPIRED: 2 } as const;
  return [...keys].sort((a, b) => rank[a.status] - rank[b.status]);
}
