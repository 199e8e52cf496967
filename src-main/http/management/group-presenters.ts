/** Records → Okta JSON for groups (Okta "Groups" API), with absolute `_links`. */
import type { GroupDto } from '../../contracts/group.js';
import type { GroupRecord } from '../../core/ports/groups.js';
import { link } from './presenters.js';

export function presentGroup(group: GroupRecord, origin: string): GroupDto {
  const self = `${origin}/api/v1/groups/${group.id}`;
  return {
    id: group.id,
    created: group.created.toISOString(),
    lastUpdated: group.lastUpdated.toISOString(),
    lastMembershipUpdated: group.lastMembershipUpdated.toISOString(),
    objectClass: ['okta:user_group'],
    type: group.type,
    profile: { name: group.name, description: group.description },
    _links: {
      logo: [],
      users: link(`${self}/users`, ['GET']),
      apps: link(`${self}/apps`, ['GET']),
      self: link(self, group.type === 'OKTA_GROUP' ? ['GET', 'PUT', 'DELETE'] : ['GET']),
    },
  };
}
