/** SQLite repository for authorization servers and their signing keys; explicit row ↔ record mapping. */
import type {
  AuthorizationServerRecord,
  AuthorizationServerRepository,
  SigningKeyRecord,
} from '../core/ports/authorization-servers.js';
import { ORG_SERVER_ID } from '../contracts/authorization-server.js';
import type { Page } from '../core/ports/page.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import { PLAIN_SEALER } from '../core/secret-sealer.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface ServerRow {
  id: string;
  name: string;
  description: string;
  audiences: string;
  issuer_mode: string;
  status: string;
  is_default: number;
  rotation_mode: string;
  last_rotated: string | null;
  next_rotation: string | null;
  created: string;
  last_updated: string;
}

interface KeyRow {
  kid: string;
  server_id: string;
  status: string;
  public_jwk: string;
  private_jwk: string;
  created: string;
}

const date = (value: string | null) => (value === null ? null : new Date(value));

function toServer(row: ServerRow): AuthorizationServerRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    audiences: JSON.parse(row.audiences) as string[],
    issuerMode: row.issuer_mode as AuthorizationServerRecord['issuerMode'],
    status: row.status as AuthorizationServerRecord['status'],
    isDefault: row.is_default === 1,
    rotationMode: row.rotation_mode as AuthorizationServerRecord['rotationMode'],
    lastRotated: date(row.last_rotated),
    nextRotation: date(row.next_rotation),
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
  };
}

function fromServer(s: AuthorizationServerRecord): ServerRow {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    audiences: JSON.stringify(s.audiences),
    issuer_mode: s.issuerMode,
    status: s.status,
    is_default: s.isDefault ? 1 : 0,
    rotation_mode: s.rotationMode,
    last_rotated: s.lastRotated?.toISOString() ?? null,
    next_rotation: s.nextRotation?.toISOString() ?? null,
    created: s.created.toISOString(),
    last_updated: s.lastUpdated.toISOString(),
  };
}

function toKey(row: KeyRow, sealer: SecretSealer): SigningKeyRecord {
  return {
    kid: row.kid,
    serverId: row.server_id,
    status: row.status as SigningKeyRecord['status'],
    publicJwk: JSON.parse(row.public_jwk) as SigningKeyRecord['publicJwk'],
    privateJwk: sealer.unseal(row.private_jwk),
    created: new Date(row.created),
  };
}

function fromKey(k: SigningKeyRecord, sealer: SecretSealer): KeyRow {
  return {
    kid: k.kid,
    server_id: k.serverId,
    status: k.status,
    public_jwk: JSON.stringify(k.publicJwk),
    private_jwk: sealer.seal(k.privateJwk),
    created: k.created.toISOString(),
  };
}

const SERVER_COLUMNS =
  'id, name, description, audiences, issuer_mode, status, is_default, rotation_mode, last_rotated, next_rotation, created, last_updated';

export class SqliteAuthorizationServerRepository implements AuthorizationServerRepository {
  private readonly insertKey;
  private readonly insertServer;
  private readonly updateServer;

  /** `sealer` keeps the private signing keys at rest (the OS keychain in the desktop app). */
  constructor(
    private readonly db: Db,
    private readonly sealer: SecretSealer = PLAIN_SEALER,
  ) {
    this.insertKey = db.prepare(
      'INSERT INTO signing_keys (kid, server_id, status, public_jwk, private_jwk, created) VALUES (@kid, @server_id, @status, @public_jwk, @private_jwk, @created)',
    );
    this.insertServer = db.prepare(
      `INSERT INTO authorization_servers (${SERVER_COLUMNS}) VALUES (@id, @name, @description, @audiences, @issuer_mode, @status, @is_default, @rotation_mode, @last_rotated, @next_rotation, @created, @last_updated)`,
    );
    this.updateServer = db.prepare(
      `UPDATE authorization_servers SET name = @name, description = @description, audiences = @audiences, issuer_mode = @issuer_mode,
         status = @status, is_default = @is_default, rotation_mode = @rotation_mode, last_rotated = @last_rotated,
         next_rotation = @next_rotation, last_updated = @last_updated WHERE id = @id`,
    );
  }

  /** The custom servers; the org server's row (`ORG_SERVER_ID`) is never listed. */
  list(page: Page, q?: string): AuthorizationServerRecord[] {
    const where: string[] = [`id <> '${ORG_SERVER_ID}'`];
    const params: Record<string, unknown> = { limit: page.limit };
    if (page.after !== undefined) {
      where.push('seq > COALESCE((SELECT seq FROM authorization_servers WHERE id = @after), 9223372036854775807)');
      params['after'] = page.after;
    }
    if (q) {
      where.push(
        '(instr(lower(name), lower(@q)) > 0 OR EXISTS (SELECT 1 FROM json_each(audiences) WHERE instr(lower(json_each.value), lower(@q)) > 0))',
      );
      params['q'] = q;
    }
    const sql = `SELECT ${SERVER_COLUMNS} FROM authorization_servers WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`;
    return (prepared(this.db, sql).all(params) as ServerRow[]).map(toServer);
  }

  get(id: string): AuthorizationServerRecord | undefined {
    const row = prepared(this.db, `SELECT ${SERVER_COLUMNS} FROM authorization_servers WHERE id = ?`).get(id) as
      ServerRow | undefined;
    return row && toServer(row);
  }

  insert(server: AuthorizationServerRecord, keys: SigningKeyRecord[]): void {
    this.db.transaction(() => {
      this.insertServer.run(fromServer(server));
      for (const key of keys) this.insertKey.run(fromKey(key, this.sealer));
    })();
  }

  update(server: AuthorizationServerRecord): void {
    this.updateServer.run(fromServer(server));
  }

  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM authorization_servers WHERE id = ?').run(id).changes > 0;
  }

  keys(serverId: string): SigningKeyRecord[] {
    const rows = prepared(
      this.db,
      'SELECT kid, server_id, status, public_jwk, private_jwk, created FROM signing_keys WHERE server_id = ? ORDER BY rowid',
    ).all(serverId) as KeyRow[];
    return rows.map((row) => toKey(row, this.sealer));
  }

  saveRotation(server: AuthorizationServerRecord, keys: SigningKeyRecord[]): void {
    this.db.transaction(() => {
      this.updateServer.run(fromServer(server));
      prepared(this.db, 'DELETE FROM signing_keys WHERE server_id = ?').run(server.id);
      for (const key of keys) this.insertKey.run(fromKey(key, this.sealer));
    })();
  }
}
