import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupRecord } from '../../../src-main/core/ports/groups.js';
import { openDatabase } from '../../../src-main/store/database.js';
import type { Db } from '../../../src-main/store/database.js';
import { SqliteGroupRepository } from '../../../src-main/store/group-repository.js';

let db: Db;
let groups: SqliteGroupRepository;

beforeEach(() => {
  db = openDatabase(':memory:');
  groups = new SqliteGroupRepository(db);
});
afterEach(() => {
  db.close();
});

const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s));
const group = (id: string, name: string, extra: Partial<GroupRecord> = {}): GroupRecord => ({
  id,
  type: 'OKTA_GROUP',
  name,
  description: null,
  created: at(0),
  lastUpdated: at(0),
  lastMembershipUpdated: at(0),
  ...extra,
});
const addUser = (id: string) =>
  db
    .prepare(
      "INSERT INTO users (id, login, status, profile, created, last_updated) VALUES (?, ?, 'ACTIVE', '{}', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')",
    )
    .run(id, `${id}@x.io`);

describe('SqliteGroupRepository', () => {
  it('starts with the built-in Everyone group of migration 0020', () => {
    expect(groups.all()).toEqual([
      expect.objectContaining({
        id: '00gEVERYONE000000000',
        type: 'BUILT_IN',
        name: 'Everyone',
        description: 'All users in your organization',
      }),
    ]);
  });

  it('round-trips a group and updates it', () => {
    const eng = group('00g1', 'Engineering', {
      description: 'Builders',
      lastUpdated: at(1),
      lastMembershipUpdated: at(2),
    });
    groups.insert(eng);
    expect(groups.get('00g1')).toEqual(eng);
    groups.update({ ...eng, name: 'Eng', description: null, lastUpdated: at(3) });
    expect(groups.get('00g1')).toMatchObject({ name: 'Eng', description: null, lastUpdated: at(3) });
  });

  it('finds a name in any case', () => {
    groups.insert(group('00g1', 'Engineering'));
    expect(groups.findByName('ENGINEERING')?.id).toBe('00g1');
    expect(groups.findByName('everyone')?.id).toBe('00gEVERYONE000000000');
    expect(groups.findByName('Eng')).toBeUndefined();
  });

  it('adds a membership once, removes it, and lists a user’s groups in creation order', () => {
    addUser('00u1');
    groups.insert(group('00g1', 'B'));
    expect(groups.addMember('00g1', '00u1', at(0))).toBe(true);
    expect(groups.addMember('00g1', '00u1', at(1))).toBe(false);
    expect(groups.addMember('00gEVERYONE000000000', '00u1', at(0))).toBe(true);
    expect(groups.ofUser('00u1').map((g) => g.id)).toEqual(['00gEVERYONE000000000', '00g1']);
    expect(groups.removeMember('00g1', '00u1')).toBe(true);
    expect(groups.removeMember('00g1', '00u1')).toBe(false);
    expect(groups.ofUser('00u1').map((g) => g.id)).toEqual(['00gEVERYONE000000000']);
  });

  it('refuses a membership of a user or group that does not exist', () => {
    expect(() => groups.addMember('00gEVERYONE000000000', '00unope', at(0))).toThrow(/FOREIGN KEY/);
  });

  it('deletes a group with its memberships', () => {
    addUser('00u1');
    groups.insert(group('00g1', 'B'));
    groups.addMember('00g1', '00u1', at(0));
    expect(groups.delete('00g1')).toBe(true);
    expect(groups.ofUser('00u1')).toEqual([]);
  });
});
