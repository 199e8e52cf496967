/**
 * The users and groups services over a fresh in-memory SQLite database (migrations applied, so the
 * Everyone group exists), with a settable clock, deterministic ids and stubbed policy references.
 */
import type { PolicyReference, ReferenceRepository } from '../../../src-main/core/ports/references.js';
import { Groups } from '../../../src-main/core/groups.js';
import { Users } from '../../../src-main/core/users.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteGroupRepository } from '../../../src-main/store/group-repository.js';
import { SqliteUserRepository } from '../../../src-main/store/user-repository.js';
import { FakeClock, FakeCrypto } from './fakes.js';

export const T0 = new Date('2024-05-01T10:00:00.000Z');

export interface Fixture {
  db: Db;
  clock: FakeClock;
  crypto: FakeCrypto;
  /** References returned by `toUser` / `toGroup`, keyed by id. */
  referenced: Map<string, PolicyReference[]>;
  users: Users;
  groups: Groups;
  userStore: SqliteUserRepository;
  groupStore: SqliteGroupRepository;
}

export function fixture(): Fixture {
  const db = openDatabase(':memory:');
  const clock = new FakeClock(T0);
  const crypto = new FakeCrypto();
  const referenced = new Map<string, PolicyReference[]>();
  const references: ReferenceRepository = {
    toUser: (id) => referenced.get(id) ?? [],
    toGroup: (id) => referenced.get(id) ?? [],
    toApp: () => [],
    toScope: () => [],
  };
  const tx = { run: <T>(work: () => T) => db.transaction(work)() };
  const userStore = new SqliteUserRepository(db);
  const groupStore = new SqliteGroupRepository(db);
  const users = new Users({ store: userStore, groups: groupStore, references, crypto, clock, tx });
  const groups = new Groups({ store: groupStore, users: userStore, references, crypto, clock, tx });
  return { db, clock, crypto, referenced, users, groups, userStore, groupStore };
}

/** A minimal valid create body for `login`. */
export const person = (login: string, extra: Record<string, unknown> = {}) => ({
  profile: { login, email: login, ...extra },
});

export const later = (clock: FakeClock, seconds: number) => clock.set(new Date(T0.getTime() + seconds * 1000));

/** Runs `action` and returns the error it throws. */
export function thrown(action: () => unknown): Error & Record<string, unknown> {
  try {
    action();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected an error, nothing was thrown');
}
