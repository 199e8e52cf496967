/** SQLite store of authorization codes (by hash only); explicit row ↔ record mapping. */
import type {
  AuthorizationCodeRecord,
  AuthorizationCodeRepository,
  CodeChallengeMethod,
} from '../core/ports/authorization-codes.js';
import type { Lifetimes } from '../core/protocol/policy/decision.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface CodeRow {
  id: string;
  server_id: string;
  app_id: string;
  client_id: string;
  redirect_uri: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  nonce: string | null;
  scopes: string;
  user_id: string;
  auth_time: number;
  amr: string;
  policy_id: string;
  rule_id: string;
  lifetimes: string;
  expires_at: number;
  used_at: number | null;
}

const toRecord = (row: CodeRow): AuthorizationCodeRecord => ({
  id: row.id,
  serverId: row.server_id,
  appId: row.app_id,
  clientId: row.client_id,
  redirectUri: row.redirect_uri,
  codeChallenge: row.code_challenge,
  codeChallengeMethod: row.code_challenge_method as CodeChallengeMethod | null,
  nonce: row.nonce,
  scopes: JSON.parse(row.scopes) as string[],
  userId: row.user_id,
  authTime: new Date(row.auth_time),
  amr: JSON.parse(row.amr) as string[],
  policyId: row.policy_id,
  ruleId: row.rule_id,
  lifetimes: JSON.parse(row.lifetimes) as Lifetimes,
  expiresAt: new Date(row.expires_at),
  usedAt: row.used_at === null ? null : new Date(row.used_at),
});

export class SqliteAuthorizationCodeRepository implements AuthorizationCodeRepository {
  constructor(private readonly db: Db) {}

  insert(hash: string, c: AuthorizationCodeRecord): void {
    prepared(
      this.db,
      `INSERT INTO authorization_codes (id, code_hash, server_id, app_id, client_id, redirect_uri, code_challenge, code_challenge_method,
             nonce, scopes, user_id, auth_time, amr, policy_id, rule_id, lifetimes, expires_at, used_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      c.id,
      hash,
      c.serverId,
      c.appId,
      c.clientId,
      c.redirectUri,
      c.codeChallenge,
      c.codeChallengeMethod,
      c.nonce,
      JSON.stringify(c.scopes),
      c.userId,
      c.authTime.getTime(),
      JSON.stringify(c.amr),
      c.policyId,
      c.ruleId,
      JSON.stringify(c.lifetimes),
      c.expiresAt.getTime(),
      c.usedAt?.getTime() ?? null,
    );
  }

  sweep(now: Date, limit: number): boolean {
    return (
      prepared(
        this.db,
        'DELETE FROM authorization_codes WHERE id IN (SELECT id FROM authorization_codes WHERE expires_at <= ? LIMIT ?)',
      ).run(now.getTime(), limit).changes >= limit
    );
  }

  findByHash(hash: string): AuthorizationCodeRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM authorization_codes WHERE code_hash = ?').get(hash) as
      CodeRow | undefined;
    return row && toRecord(row);
  }

  markUsed(id: string, now: Date): boolean {
    return (
      prepared(this.db, 'UPDATE authorization_codes SET used_at = ? WHERE id = ? AND used_at IS NULL').run(
        now.getTime(),
        id,
      ).changes === 1
    );
  }
}
