/** SQLite store of device authorizations (RFC 8628); explicit row ↔ record mapping. */
import type { DeviceAuthorizationRecord, DeviceAuthorizationRepository } from '../core/ports/device-authorizations.js';
import type { Lifetimes } from '../core/protocol/policy/decision.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface DeviceRow {
  id: string;
  user_code: string;
  server_id: string;
  app_id: string;
  client_id: string;
  scope: string | null;
  status: DeviceAuthorizationRecord['status'];
  user_id: string | null;
  auth_time: number | null;
  amr: string | null;
  scopes: string | null;
  lifetimes: string | null;
  interval_seconds: number;
  last_polled_at: number | null;
  expires_at: number;
}

const toRecord = (row: DeviceRow): DeviceAuthorizationRecord => ({
  id: row.id,
  userCode: row.user_code,
  serverId: row.server_id,
  appId: row.app_id,
  clientId: row.client_id,
  scope: row.scope,
  status: row.status,
  approval:
    row.user_id !== null && row.auth_time !== null
      ? {
          userId: row.user_id,
          authTime: new Date(row.auth_time),
          amr: JSON.parse(row.amr ?? '[]') as string[],
          scopes: JSON.parse(row.scopes ?? '[]') as string[],
          lifetimes: JSON.parse(row.lifetimes ?? '{}') as Lifetimes,
        }
      : null,
  intervalSeconds: row.interval_seconds,
  lastPolledAt: row.last_polled_at === null ? null : new Date(row.last_polled_at),
  expiresAt: new Date(row.expires_at),
});

/** Rows outlive their expiry by a day so a late poll still hears `expired_token`. */
const SWEEP_AFTER_MS = 24 * 3600_000;

export class SqliteDeviceAuthorizationRepository implements DeviceAuthorizationRepository {
  constructor(private readonly db: Db) {}

  insert(hash: string, r: DeviceAuthorizationRecord, now: Date): void {
    this.db.transaction(() => {
      prepared(this.db, 'DELETE FROM device_authorizations WHERE expires_at <= ?').run(now.getTime() - SWEEP_AFTER_MS);
      prepared(
        this.db,
        `INSERT INTO device_authorizations (id, device_code_hash, user_code, server_id, app_id, client_id, scope, status, interval_seconds, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        r.id,
        hash,
        r.userCode,
        r.serverId,
        r.appId,
        r.clientId,
        r.scope,
        r.status,
        r.intervalSeconds,
        r.expiresAt.getTime(),
      );
    })();
  }

  byDeviceCodeHash(hash: string): DeviceAuthorizationRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM device_authorizations WHERE device_code_hash = ?').get(hash) as
      DeviceRow | undefined;
    return row && toRecord(row);
  }

  byUserCode(userCode: string): DeviceAuthorizationRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM device_authorizations WHERE user_code = ?').get(userCode) as
      DeviceRow | undefined;
    return row && toRecord(row);
  }

  /** Moves the row from `from` to `to` (with the approval, if any); false when another request moved it first. */
  transition(
    id: string,
    from: DeviceAuthorizationRecord['status'],
    to: DeviceAuthorizationRecord['status'],
    approval?: DeviceAuthorizationRecord['approval'],
  ): boolean {
    const a = approval ?? null;
    const result = prepared(
      this.db,
      `UPDATE device_authorizations SET status = ?, user_id = COALESCE(?, user_id), auth_time = COALESCE(?, auth_time), amr = COALESCE(?, amr),
         scopes = COALESCE(?, scopes), lifetimes = COALESCE(?, lifetimes) WHERE id = ? AND status = ?`,
    ).run(
      to,
      a?.userId ?? null,
      a?.authTime.getTime() ?? null,
      a ? JSON.stringify(a.amr) : null,
      a ? JSON.stringify(a.scopes) : null,
      a ? JSON.stringify(a.lifetimes) : null,
      id,
      from,
    );
    return result.changes === 1;
  }

  recordPoll(id: string, at: Date): void {
    prepared(this.db, 'UPDATE device_authorizations SET last_polled_at = ? WHERE id = ?').run(at.getTime(), id);
  }
}
