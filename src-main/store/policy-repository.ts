/**
 * SQLite repository for access policies; explicit row ↔ record mapping. A policy's clients live in
 * `policy_apps` by app id (ON DELETE RESTRICT) and are read back as the apps' client ids.
 */
import type { PolicyRecord, PolicyRepository } from '../core/ports/policies.js';
import type { PriorityChange } from '../core/priorities.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface PolicyRow {
  id: string;
  server_id: string;
  name: string;
  description: string;
  status: string;
  priority: number;
  system: number;
  all_clients: number;
  created: string;
  last_updated: string;
}

type PolicyReadRow = PolicyRow & { client_ids: string };

function toPolicy(row: PolicyReadRow): PolicyRecord {
  return {
    id: row.id,
    serverId: row.server_id,
    name: row.name,
    description: row.description,
    status: row.status as PolicyRecord['status'],
    priority: row.priority,
    system: row.system === 1,
    allClients: row.all_clients === 1,
    clientIds: JSON.parse(row.client_ids) as string[],
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
  };
}

function fromPolicy(p: PolicyRecord): PolicyRow {
  return {
    id: p.id,
    server_id: p.serverId,
    name: p.name,
    description: p.description,
    status: p.status,
    priority: p.priority,
    system: p.system ? 1 : 0,
    all_clients: p.allClients ? 1 : 0,
    created: p.created.toISOString(),
    last_updated: p.lastUpdated.toISOString(),
  };
}

// Client ids in the order they were written (policy_apps rowid).
const SELECT = `SELECT p.id, p.server_id, p.name, p.description, p.status, p.priority, p.system, p.all_clients, p.created, p.last_updated,
  (SELECT json_group_array(client_id) FROM (SELECT a.client_id FROM policy_apps pa JOIN apps a ON a.id = pa.app_id
     WHERE pa.policy_id = p.id ORDER BY pa.rowid)) AS client_ids
  FROM policies p`;

export class SqlitePolicyRepository implements PolicyRepository {
  private readonly insertRow;
  private readonly updateRow;
  private readonly insertClient;
  private readonly clearClients;
  private readonly setPriority;
  private readonly clientExists;

  constructor(private readonly db: Db) {
    this.insertRow = db.prepare(
      `INSERT INTO policies (id, server_id, name, description, status, priority, system, all_clients, created, last_updated)
       VALUES (@id, @server_id, @name, @description, @status, @priority, @system, @all_clients, @created, @last_updated)`,
    );
    this.updateRow = db.prepare(
      `UPDATE policies SET name = @name, description = @description, status = @status, priority = @priority,
         all_clients = @all_clients, last_updated = @last_updated WHERE id = @id`,
    );
    this.insertClient = db.prepare(
      'INSERT INTO policy_apps (policy_id, app_id) SELECT ?, id FROM apps WHERE client_id = ?',
    );
    this.clearClients = db.prepare('DELETE FROM policy_apps WHERE policy_id = ?');
    this.setPriority = db.prepare('UPDATE policies SET priority = @priority WHERE id = @id');
    this.clientExists = db.prepare('SELECT 1 FROM apps WHERE client_id = ?').pluck();
  }

  list(serverId: string): PolicyRecord[] {
    return (
      prepared(this.db, `${SELECT} WHERE p.server_id = ? ORDER BY p.priority, p.seq`).all(serverId) as PolicyReadRow[]
    ).map(toPolicy);
  }

  get(serverId: string, policyId: string): PolicyRecord | undefined {
    const row = prepared(this.db, `${SELECT} WHERE p.server_id = ? AND p.id = ?`).get(serverId, policyId) as
      PolicyReadRow | undefined;
    return row && toPolicy(row);
  }

  insert(policy: PolicyRecord): void {
    this.db.transaction(() => {
      this.insertRow.run(fromPolicy(policy));
      this.writeClients(policy);
    })();
  }

  update(policy: PolicyRecord): void {
    this.db.transaction(() => {
      this.updateRow.run(fromPolicy(policy));
      this.clearClients.run(policy.id);
      this.writeClients(policy);
    })();
  }

  setPriorities(changes: PriorityChange[]): void {
    this.db.transaction(() => {
      for (const change of changes) this.setPriority.run(change);
    })();
  }

  delete(policyId: string): void {
    prepared(this.db, 'DELETE FROM policies WHERE id = ?').run(policyId);
  }

  unknownClients(clientIds: string[]): string[] {
    return clientIds.filter((clientId) => this.clientExists.get(clientId) === undefined);
  }

  private writeClients(policy: PolicyRecord): void {
    for (const clientId of policy.clientIds) this.insertClient.run(policy.id, clientId);
  }
}
