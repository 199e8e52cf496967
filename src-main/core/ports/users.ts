/** Users as stored; `store/user-repository.ts` implements the port. */
import type { UserProfile, UserStatus } from '../../contracts/user.js';

export interface RecoveryQuestionRecord {
  question: string;
  /** scrypt hash of the answer, like the password. */
  answerHash: string;
}

export interface UserRecord {
  id: string;
  status: UserStatus;
  typeId: string;
  profile: UserProfile;
  passwordHash: string | null;
  recoveryQuestion: RecoveryQuestionRecord | null;
  created: Date;
  activated: Date | null;
  statusChanged: Date | null;
  lastLogin: Date | null;
  lastUpdated: Date;
  passwordChanged: Date | null;
}

export interface UserRepository {
  /** Every user, in creation order. */
  all(): UserRecord[];
  get(id: string): UserRecord | undefined;
  /** Case-insensitive, as logins are unique regardless of case. */
  findByLogin(login: string): UserRecord | undefined;
  /** The members of a group, in user creation order. */
  inGroup(groupId: string): UserRecord[];
  insert(user: UserRecord): void;
  update(user: UserRecord): void;
  /** Stamps `lastLogin` alone; the user as now stored, or undefined when there is none. */
  recordLogin(id: string, at: Date): UserRecord | undefined;
  /** Deletes the user; memberships and app assignments go with it. */
  delete(id: string): boolean;
}
