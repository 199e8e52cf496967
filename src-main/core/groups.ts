/**
 * Groups and memberships (Okta "Groups" API). Names are unique across all groups regardless of
 * case (Okta answers 409 E0000055 for a duplicate). The built-in Everyone group holds every user:
 * it cannot be renamed, deleted or have its members changed (403 E0000006). A group that an access
 * policy rule names cannot be deleted. Membership changes stamp `lastMembershipUpdated`.
 */
import { EVERYONE_GROUP_ID, validateGroup } from '../contracts/group.js';
import type { GroupInput } from '../contracts/group.js';
import { NotFound, Refused, ValidationFailed } from './errors.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import { compileQuery, pageAfter, sortRecords } from './record-query.js';
import type { AttributeRule, QuerySchema } from './record-query.js';
import { refuseIfReferenced } from './references.js';
import type { ReferenceRepository } from './ports/references.js';
import type { UserRecord, UserRepository } from './ports/users.js';
import type { GroupRecord, GroupRepository } from './ports/groups.js';

export interface GroupCriteria {
  q?: string | undefined;
  filter?: string | undefined;
  search?: string | undefined;
  sortBy?: string | undefined;
  sortOrder?: string | undefined;
}

export interface GroupDeps {
  store: GroupRepository;
  users: UserRepository;
  references: ReferenceRepository;
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
}

/** Adds `userId` to the group and stamps the group's lastMembershipUpdated when it is new. */
export function addMembership(store: GroupRepository, groupId: string, userId: string, now: Date): void {
  const group = store.get(groupId);
  if (group && store.addMember(groupId, userId, now)) store.update({ ...group, lastMembershipUpdated: now });
}

const DATE: AttributeRule = { kind: 'date', operators: ['eq', 'gt', 'ge', 'lt', 'le'] };
const EQ: AttributeRule = { kind: 'text', operators: ['eq'] };
const TEXT: AttributeRule = { kind: 'text', operators: ['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr'] };

function groupValue(group: GroupRecord, path: string): unknown {
  switch (path) {
    case 'id':
    case 'type':
      return group[path];
    case 'profile.name':
      return group.name;
    case 'profile.description':
      return group.description;
    case 'created':
    case 'lastUpdated':
    case 'lastMembershipUpdated':
      return group[path].toISOString();
    default:
      return undefined;
  }
}

const schema = (attributes: Record<string, AttributeRule>): QuerySchema<GroupRecord> => ({
  hint: `groups have ${Object.keys(attributes).join(', ')}`,
  attribute: (path) => attributes[path],
  value: groupValue,
});

/** Okta's group `filter`: type, id, and the two dates. */
const groupFilterSchema = schema({ type: EQ, id: EQ, lastUpdated: DATE, lastMembershipUpdated: DATE });
const groupSearchSchema = schema({
  id: { kind: 'text', operators: ['eq', 'sw'] },
  type: EQ,
  'profile.name': TEXT,
  'profile.description': TEXT,
  created: DATE,
  lastUpdated: DATE,
  lastMembershipUpdated: DATE,
});

export class Groups {
  constructor(private readonly deps: GroupDeps) {}

  /** Groups matching every given criterion (`q` is a name prefix), after `page.after`. @throws Refused (E0000031) */
  list(criteria: GroupCriteria, page: Page): GroupRecord[] {
    const { q, filter, search, sortBy, sortOrder } = criteria;
    const byFilter =
      filter !== undefined ? compileQuery('filter', filter, groupFilterSchema, { caseSensitive: true }) : undefined;
    const bySearch =
      search !== undefined ? compileQuery('search', search, groupSearchSchema, { caseSensitive: false }) : undefined;
    const prefix = q?.toLowerCase();
    let groups = this.deps.store
      .all()
      .filter(
        (g) =>
          (prefix === undefined || g.name.toLowerCase().startsWith(prefix)) &&
          (!byFilter || byFilter(g)) &&
          (!bySearch || bySearch(g)),
      );
    if (search !== undefined && sortBy) groups = sortRecords(groups, groupSearchSchema, sortBy, sortOrder);
    return pageAfter(groups, page.limit, page.after);
  }

  /** @throws NotFound */
  get(id: string): GroupRecord {
    const group = this.deps.store.get(id);
    if (!group) throw new NotFound(id, 'Group');
    return group;
  }

  /** POST /groups: an OKTA_GROUP. @throws ValidationFailed, Refused (409 E0000055 for a taken name) */
  create(body: unknown): GroupRecord {
    const input = this.validate(body);
    this.assertUniqueName(input.name);
    const now = this.deps.clock.now();
    const group: GroupRecord = {
      id: this.deps.crypto.randomId('00g'),
      type: 'OKTA_GROUP',
      name: input.name,
      description: input.description,
      created: now,
      lastUpdated: now,
      lastMembershipUpdated: now,
    };
    this.deps.store.insert(group);
    return group;
  }

  /** PUT /groups/{id}: name and description replaced. @throws NotFound, ValidationFailed, Refused */
  replace(id: string, body: unknown): GroupRecord {
    const group = this.editable(id, 'rename or edit');
    const input = this.validate(body);
    this.assertUniqueName(input.name, id);
    const updated = { ...group, name: input.name, description: input.description, lastUpdated: this.deps.clock.now() };
    this.deps.store.update(updated);
    return updated;
  }

  /** DELETE /groups/{id}, refused while an access policy rule names the group. @throws NotFound, Refused */
  delete(id: string): void {
    this.editable(id, 'delete');
    refuseIfReferenced(`group ${id}`, this.deps.references.toGroup(id));
    this.deps.store.delete(id);
  }

  /** GET /groups/{id}/users: members in user creation order, after `page.after`. @throws NotFound */
  members(id: string, page: Page): UserRecord[] {
    this.get(id);
    return pageAfter(this.deps.users.inGroup(id), page.limit, page.after);
  }

  /** PUT /groups/{gid}/users/{uid}; adding a member twice changes nothing. @throws NotFound, Refused */
  addMember(groupId: string, userIdOrLogin: string): void {
    this.editable(groupId, 'add members to');
    const user = this.user(userIdOrLogin);
    this.deps.tx.run(() => addMembership(this.deps.store, groupId, user.id, this.deps.clock.now()));
  }

  /** DELETE /groups/{gid}/users/{uid}; removing a non-member changes nothing. @throws NotFound, Refused */
  removeMember(groupId: string, userIdOrLogin: string): void {
    const group = this.editable(groupId, 'remove members from');
    const user = this.user(userIdOrLogin);
    this.deps.tx.run(() => {
      if (this.deps.store.removeMember(groupId, user.id))
        this.deps.store.update({ ...group, lastMembershipUpdated: this.deps.clock.now() });
    });
  }

  /** The group, unless it is built in (Everyone) or managed by an app. @throws NotFound, Refused (403 E0000006) */
  private editable(id: string, verb: string): GroupRecord {
    const group = this.get(id);
    if (group.id === EVERYONE_GROUP_ID) {
      throw new Refused('E0000006', `The built-in Everyone group always holds every user, so you cannot ${verb} it`);
    }
    if (group.type !== 'OKTA_GROUP')
      throw new Refused('E0000006', `A ${group.type} group is managed by Okta, so you cannot ${verb} it`);
    return group;
  }

  private user(idOrLogin: string): UserRecord {
    const user = this.deps.users.get(idOrLogin) ?? this.deps.users.findByLogin(idOrLogin);
    if (!user) throw new NotFound(idOrLogin, 'User');
    return user;
  }

  private validate(body: unknown): GroupInput {
    const result = validateGroup(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    return result.value;
  }

  private assertUniqueName(name: string, exceptId?: string): void {
    const clash = this.deps.store.findByName(name);
    if (clash && clash.id !== exceptId) {
      throw new Refused('E0000055', `Duplicate Group: a group named '${clash.name}' already exists`, [
        { field: 'profile.name', message: 'An object with this field already exists in the current organization' },
      ]);
    }
  }
}
