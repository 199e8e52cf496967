/**
 * SQLite repository for users; explicit row ↔ record mapping. The profile is one JSON document
 * (custom attributes kept as given); `login` is also a column, UNIQUE COLLATE NOCASE. Only the
 * scrypt hashes of the password and the recovery answer are stored.
 */
import type { UserProfile, UserStatus } from '../contracts/user.js';
import type { RecoveryQuestionRecord, UserRecord, UserRepository } from '../core/ports/users.js';
import type { Db } from './database.js';
import { prepared } from './statements.js';

interface UserRow {
  id: string;
  login: string;
  status: string;
  transitioning_to_status: string | null;
  type_id: string | null;
  profile: string;
  password_hash: string | null;
  recovery_question: string | null;
  created: string;
  activated: string | null;
  status_changed: string | null;
  last_login: string | null;
  last_updated: string;
  password_changed: string | null;
}

const COLUMNS =
  'id, login, status, transitioning_to_status, type_id, profile, password_hash, recovery_question, created, activated, status_changed, last_login, last_updated, password_changed';
const PREFIXED = COLUMNS.split(', ')
  .map((c) => `u.${c}`)
  .join(', ');

const date = (value: string | null) => (value === null ? null : new Date(value));
const iso = (value: Date | null) => value?.toISOString() ?? null;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    status: row.status as UserStatus,
    typeId: row.type_id ?? '',
    profile: JSON.parse(row.profile) as UserProfile,
    passwordHash: row.password_hash,
    recoveryQuestion:
      row.recovery_question === null ? null : (JSON.parse(row.recovery_question) as RecoveryQuestionRecord),
    created: new Date(row.created),
    activated: date(row.activated),
    statusChanged: date(row.status_changed),
    lastLogin: date(row.last_login),
    lastUpdated: new Date(row.last_updated),
    passwordChanged: date(row.password_changed),
  };
}

function fromUser(user: UserRecord): UserRow {
  return {
    id: user.id,
    login: user.profile.login,
    status: user.status,
    transitioning_to_status: null,
    type_id: user.typeId,
    profile: JSON.stringify(user.profile),
    password_hash: user.passwordHash,
    recovery_question: user.recoveryQuestion === null ? null : JSON.stringify(user.recoveryQuestion),
    created: user.created.toISOString(),
    activated: iso(user.activated),
    status_changed: iso(user.statusChanged),
    last_login: iso(user.lastLogin),
    last_updated: user.lastUpdated.toISOString(),
    password_changed: iso(user.passwordChanged),
  };
}

export class SqliteUserRepository implements UserRepository {
  private readonly insertUser;
  private readonly updateUser;

  constructor(private readonly db: Db) {
    this.insertUser = db.prepare(
      `INSERT INTO users (${COLUMNS}) VALUES (@id, @login, @status, @transitioning_to_status, @type_id, @profile, @password_hash,
         @recovery_question, @created, @activated, @status_changed, @last_login, @last_updated, @password_changed)`,
    );
    this.updateUser = db.prepare(
      `UPDATE users SET login = @login, status = @status, transitioning_to_status = @transitioning_to_status, type_id = @type_id,
         profile = @profile, password_hash = @password_hash, recovery_question = @recovery_question, activated = @activated,
         status_changed = @status_changed, last_login = @last_login, last_updated = @last_updated, password_changed = @password_changed
       WHERE id = @id`,
    );
  }

  all(): UserRecord[] {
    return (prepared(this.db, `SELECT ${COLUMNS} FROM users ORDER BY seq`).all() as UserRow[]).map(toUser);
  }

  get(id: string): UserRecord | undefined {
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  findByLogin(login: string): UserRecord | undefined {
    // The column is COLLATE NOCASE, so `=` ignores ASCII case as the UNIQUE constraint does.
    const row = prepared(this.db, `SELECT ${COLUMNS} FROM users WHERE login = ?`).get(login) as UserRow | undefined;
    return row && toUser(row);
  }

  inGroup(groupId: string): UserRecord[] {
    const rows = prepared(
      this.db,
      `SELECT ${PREFIXED} FROM users u JOIN group_members m ON m.user_id = u.id WHERE m.group_id = ? ORDER BY u.seq`,
    ).all(groupId) as UserRow[];
    return rows.map(toUser);
  }

  insert(user: UserRecord): void {
    this.insertUser.run(fromUser(user));
  }

  update(user: UserRecord): void {
    this.updateUser.run(fromUser(user));
  }

  recordLogin(id: string, at: Date): UserRecord | undefined {
    // One column written and the row read back in the same statement: a sign-in rewrote the whole row
    // (every indexed column with it) after reading it once more.
    const row = prepared(this.db, `UPDATE users SET last_login = ? WHERE id = ? RETURNING ${COLUMNS}`).get(
      at.toISOString(),
      id,
    ) as UserRow | undefined;
    return row && toUser(row);
  }

  delete(id: string): boolean {
    return prepared(this.db, 'DELETE FROM users WHERE id = ?').run(id).changes > 0;
  }
}
