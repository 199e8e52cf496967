/** SQLite store of token families, registered access tokens and hashed refresh tokens; explicit row ↔ record mapping. */
import type { RefreshGrant } from '../core/protocol/token-families.js';
import type { AccessTokenRecord, FamilyRecord, RefreshTokenRecord, TokenRepository } from '../core/ports/tokens.js';
import { timePrefix } from '../core/time-ordered-id.js';
import type { Db } from './database.js';
import { NOT_EXPIRY_ORDERED } from './migrations/0260-fewer-token-b-trees.js';
import { prepared } from './statements.js';

interface FamilyRow {
  id: string;
  server_id: string | null;
  app_id: string | null;
  client_id: string | null;
  user_id: string | null;
  created: number;
  revoked: number | null;
  revoked_reason: string | null;
}

interface AccessRow {
  jti: string;
  family_id: string;
  expires: number;
  revoked: number | null;
}

interface RefreshRow {
  id: string;
  family_id: string;
  hash: string;
  grant_json: string;
  created: number;
  expires: number | null;
  last_used: number | null;
  idle_expires: number;
  rotated_to: string | null;
  used: number | null;
  revoked: number | null;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));
const ms = (d: Date | null) => (d === null ? null : d.getTime());

function toRefresh(row: RefreshRow): RefreshTokenRecord {
  const grant = JSON.parse(row.grant_json) as Omit<RefreshGrant, 'authTime'> & { authTime: string };
  return {
    id: row.id,
    familyId: row.family_id,
    hash: row.hash,
    grant: { ...grant, authTime: new Date(grant.authTime) },
    created: new Date(row.created),
    expires: date(row.expires),
    lastUsed: date(row.last_used),
    idleExpires: new Date(row.idle_expires),
    rotatedTo: row.rotated_to,
    used: date(row.used),
    revoked: date(row.revoked),
  };
}

function fromRefresh(t: RefreshTokenRecord): RefreshRow {
  return {
    id: t.id,
    family_id: t.familyId,
    hash: t.hash,
    grant_json: JSON.stringify(t.grant),
    created: t.created.getTime(),
    expires: ms(t.expires),
    last_used: ms(t.lastUsed),
    idle_expires: t.idleExpires.getTime(),
    rotated_to: t.rotatedTo,
    used: ms(t.used),
    revoked: ms(t.revoked),
  };
}

/** A sweep walks at most this many access tokens per token it may delete. */
const WALK_PER_DELETE = 10;

export class SqliteTokenRepository implements TokenRepository {
  /**
   * Where the sweep's walk of the primary key starts: below it no expired token whose jti begins with
   * its expiry is left (a token of before that was alive when the walk passed it is found through the
   * index by expiry once it expires). Without it every sweep walked again over those tokens of
   * before still alive, some 10-15 ms a sweep with 100,000 of them, until they expire.
   */
  private sweptBelow = 'AT.';

  constructor(private readonly db: Db) {}

  ensureFamily(id: string, created: Date): void {
    prepared(this.db, 'INSERT INTO token_families (id, created) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
      id,
      created.getTime(),
    );
  }

  setFamilyOwner(id: string, owner: Pick<RefreshGrant, 'serverId' | 'appId' | 'clientId' | 'userId'>): void {
    prepared(
      this.db,
      'UPDATE token_families SET server_id = ?, app_id = ?, client_id = ?, user_id = ? WHERE id = ?',
    ).run(owner.serverId, owner.appId, owner.clientId, owner.userId, id);
  }

  family(id: string): FamilyRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM token_families WHERE id = ?').get(id) as FamilyRow | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      serverId: row.server_id,
      appId: row.app_id,
      clientId: row.client_id,
      userId: row.user_id,
      created: new Date(row.created),
      revoked: date(row.revoked),
      revokedReason: row.revoked_reason,
    };
  }

  /** The first revocation's time and reason stay; a family without a row gets one, revoked. */
  revokeFamily(id: string, at: Date, reason: string): void {
    prepared(
      this.db,
      `INSERT INTO token_families (id, created, revoked, revoked_reason) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET revoked = excluded.revoked, revoked_reason = excluded.revoked_reason
         WHERE revoked IS NULL`,
    ).run(id, at.getTime(), at.getTime(), reason);
  }

  insertAccessToken(token: AccessTokenRecord): void {
    const expires = token.expires.getTime();
    prepared(
      this.db,
      'INSERT INTO access_tokens (jti, family_id, expires, revoked, expiry_ordered) VALUES (?, ?, ?, ?, ?)',
    ).run(
      token.jti,
      token.familyId,
      expires,
      ms(token.revoked),
      // Its jti begins with its expiry (`expiryOrderedId`): the sweep finds it by the primary key.
      token.jti.startsWith(timePrefix('AT.', token.expires)) ? 1 : null,
    );
  }

  accessToken(jti: string): AccessTokenRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM access_tokens WHERE jti = ?').get(jti) as AccessRow | undefined;
    return row && { jti: row.jti, familyId: row.family_id, expires: new Date(row.expires), revoked: date(row.revoked) };
  }

  revokeAccessToken(jti: string, at: Date): void {
    prepared(this.db, 'UPDATE access_tokens SET revoked = ? WHERE jti = ? AND revoked IS NULL').run(at.getTime(), jti);
  }

  insertRefreshToken(token: RefreshTokenRecord): void {
    prepared(
      this.db,
      `INSERT INTO refresh_tokens (id, family_id, hash, grant_json, created, expires, last_used, idle_expires, rotated_to, used, revoked)
         VALUES (@id, @family_id, @hash, @grant_json, @created, @expires, @last_used, @idle_expires, @rotated_to, @used, @revoked)`,
    ).run(fromRefresh(token));
  }

  refreshTokenByHash(hash: string): RefreshTokenRecord | undefined {
    const row = prepared(this.db, 'SELECT * FROM refresh_tokens WHERE hash = ?').get(hash) as RefreshRow | undefined;
    return row && toRefresh(row);
  }

  updateRefreshToken(token: RefreshTokenRecord): void {
    prepared(
      this.db,
      'UPDATE refresh_tokens SET last_used = @last_used, idle_expires = @idle_expires, rotated_to = @rotated_to, used = @used, revoked = @revoked WHERE id = @id',
    ).run(fromRefresh(token));
  }

  revokeUnusedRefreshToken(id: string, at: Date): boolean {
    return (
      prepared(this.db, 'UPDATE refresh_tokens SET revoked = ? WHERE id = ? AND used IS NULL AND revoked IS NULL').run(
        at.getTime(),
        id,
      ).changes === 1
    );
  }

  sweep(now: Date, familiesBefore: Date, limit: number): boolean {
    const t = now.getTime();
    return this.db.transaction(() => {
      // The tokens whose jti begins with their expiry (migration 0260): those below `AT.` and the
      // millisecond after now, walked from where the last sweep left off (the rows there are the
      // expired ones: `expires` skips only a token of before whose jti happens to sort there, and the
      // walk is capped, so a folder of before with many such tokens alive is not walked through at
      // once); then the others, through the index that holds only them.
      const below = timePrefix('AT.', new Date(t + 1));
      // A clock set back: walk again from the start.
      if (below < this.sweptBelow) this.sweptBelow = 'AT.';
      const walked = prepared(
        this.db,
        'SELECT jti, expires FROM access_tokens WHERE jti >= ? AND jti < ? ORDER BY jti LIMIT ?',
      )
        .raw()
        .all(this.sweptBelow, below, limit * WALK_PER_DELETE) as [string, number][];
      const capped = walked.length > 0 && walked.length === limit * WALK_PER_DELETE;
      const remove = prepared(this.db, 'DELETE FROM access_tokens WHERE jti = ?');
      let ordered = 0;
      // Where the next walk starts: the first expired token left (past the limit), the last one
      // walked (a cap on the walk: tokens of before still alive there, each found through the index
      // once it expires), or the end once the walk got there.
      let next = capped ? walked.at(-1)![0] : below;
      for (const [jti, expires] of walked) {
        if (expires > t) continue;
        if (ordered === limit) {
          next = jti;
          break;
        }
        remove.run(jti);
        ordered += 1;
      }
      this.sweptBelow = next;
      const others = prepared(
        this.db,
        `DELETE FROM access_tokens WHERE jti IN
           (SELECT jti FROM access_tokens WHERE ${NOT_EXPIRY_ORDERED} AND expires <= ? LIMIT ?)`,
      ).run(t, limit - ordered).changes;
      const tokens = ordered + others;
      const refreshTokens = prepared(
        this.db,
        `DELETE FROM refresh_tokens WHERE rowid IN
           (SELECT rowid FROM refresh_tokens WHERE idle_expires <= ? OR expires <= ? LIMIT ?)`,
      ).run(t, t, limit).changes;
      const families = prepared(
        this.db,
        `DELETE FROM token_families WHERE rowid IN (SELECT rowid FROM token_families WHERE created < ?
           AND NOT EXISTS (SELECT 1 FROM access_tokens a WHERE a.family_id = token_families.id)
           AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = token_families.id) LIMIT ?)`,
      ).run(familiesBefore.getTime(), limit).changes;
      // A capped walk is a backlog too: the next sweep goes on from where it stopped.
      return capped || Math.max(tokens, refreshTokens, families) >= limit;
    })();
  }
}
