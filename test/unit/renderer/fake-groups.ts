/** The fake API's groups as the server shows them: one group, and the built-in Everyone. */
import { EVERYONE_GROUP_ID } from '../../../src-main/contracts/group.js';
import type { GroupDto } from '../../../src-main/contracts/group.js';

const ORIGIN = 'http://127.0.0.1:7420';

export function groupDto(id: string, name: string, overrides: Partial<GroupDto> = {}): GroupDto {
  return {
    id,
    created: '2026-01-01T00:00:00.000Z',
    lastUpdated: '2026-01-01T00:00:00.000Z',
    lastMembershipUpdated: '2026-01-01T00:00:00.000Z',
    objectClass: ['okta:user_group'],
    type: 'OKTA_GROUP',
    profile: { name, description: null },
    _links: {
      logo: [],
      users: { href: `${ORIGIN}/api/v1/groups/${id}/users` },
      apps: { href: `${ORIGIN}/api/v1/groups/${id}/apps` },
      self: { href: `${ORIGIN}/api/v1/groups/${id}` },
    },
    ...overrides,
  };
}

export const everyone = () =>
  groupDto(EVERYONE_GROUP_ID, 'Everyone', {
    type: 'BUILT_IN',
    profile: { name: 'Everyone', description: 'All users in your organization' },
  });
