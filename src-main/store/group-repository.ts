/** SQLite repository for groups and the `group_members` join table; explicit row ↔ record mapping. */
import type { GroupType } from '../contracts/group.js';
import type { GroupRecord, GroupRepository } from '../core/ports/groups.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface GroupRow {
  id: string;
  type: string;
  name: string;
  description: string | null;
  created: string;
  last_updated: string;
  last_membership_updated: string;
}

const COLUMNS = 'id, type, name, description, created, last_updated, last_membership_updated';
const PREFIXED = COLUMNS.split(', ')
  .map((c) => `g.${c}`)
  .join(', ');

function toGroup(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    type: row.type as GroupType,
    name: row.name,
    description: row.description,
    created: new Date(row.created),
    lastUpdated: new Date(row.last_updated),
    lastMembershipUpdated: new Date(row.last_membership_updated),
  };
}

function fromGroup(group: GroupRecord): GroupRow {
  return {
    id: group.id,
    type: group.type,
    name: group.name,
    description: group.description,
    created: group.created.toISOString(),
    last_updated: group.lastUpdated.toISOString(),
    last_membership_updated: group.lastMembershipUpdated.toISOString(),
  };
}

export class SqliteGroupRepository implements GroupRepository {
  private readonly insertGroup;
  private readonly updateGroup;
  private readonly insertMember;

  constructor(private readonly db: Db) {
    this.insertGroup = db.prepare(
      `INSERT INTO groups (${COLUMNS}) VALUES (@id, @type, @name, @description, @created, @last_updated, @last_membership_updated)`,
    );
    this.updateGroup = db.prepare(
      `UPDATE groups SET type = @type, name = @name, description = @description, last_updated = @last_updated,
         last_membership_updated = @last_membership_updated WHERE id = @id`,
    );
    this.insertMember = db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id, added) VALUES (?, ?, ?)');
  }

  all(): GroupRecord[] {
    return (prepared(this.db, `SELECT ${COLUMNS} FROM groups ORDER BY seq`).all() as GroupRow[]).map(toGroup);
  }

  get(id: string): GroupRecord | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM groups WHERE id = ?`).get(id) as GroupRow | undefined;
    return row && toGroup(row);
  }

  findByName(name: string): GroupRecord | undefined {
    const row = prepared(
      this.db,
      `SELECT ${COLUMNS} FROM groups WHERE name = ? COLLATE NOCASE ORDER BY seq LIMIT 1`,
    ).get(name) as GroupRow | undefined;
    return row && toGroup(row);
  }

  ofUser(userId: string): GroupRecord[] {
    const rows = prepared(
      this.db,
      `SELECT ${PREFIXED} FROM groups g JOIN group_members m ON m.group_id = g.id WHERE m.user_id = ? ORDER BY g.seq`,
    ).all(userId) as GroupRow[];
    return rows.map(toGroup);
  }

  insert(group: GroupRecord): void {
    this.insertGroup.run(fromGroup(group));
  }

  update(group: GroupRecord): void {
    this.updateGroup.run(fromGroup(group));
  }

  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM groups WHERE id = ?').run(id).changes > 0;
  }

  addMember(groupId: string, userId: string, at: Date): boolean {
    return this.insertMember.run(groupId, userId, at.toISOString()).changes > 0;
  }

  removeMember(groupId: string, userId: string): boolean {
    return (
      prepared(this.db, 'DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId).changes > 0
    );
  }
}
