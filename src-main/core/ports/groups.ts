/** Groups and their memberships as stored; `store/group-repository.ts` implements the port. */
import type { GroupType } from '../../contracts/group.js';

export interface GroupRecord {
  id: string;
  type: GroupType;
  name: string;
  description: string | null;
  created: Date;
  lastUpdated: Date;
  lastMembershipUpdated: Date;
}

export interface GroupRepository {
  /** Every group, in creation order (Everyone first). */
  all(): GroupRecord[];
  get(id: string): GroupRecord | undefined;
  /** Case-insensitive. */
  findByName(name: string): GroupRecord | undefined;
  /** The groups a user belongs to, in group creation order. */
  ofUser(userId: string): GroupRecord[];
  insert(group: GroupRecord): void;
  update(group: GroupRecord): void;
  /** Deletes the group; its memberships and app assignments go with it. */
  delete(id: string): boolean;
  /** Adds a membership; false when it already existed. */
  addMember(groupId: string, userId: string, at: Date): boolean;
  /** Removes a membership; false when there was none. */
  removeMember(groupId: string, userId: string): boolean;
}
