import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../../../src-renderer/app/routes.js';

describe('Directory routes', () => {
  it('reads People and Groups, and one person or group by id', () => {
    expect(parseRoute('#/people')).toEqual({ page: 'people' });
    expect(parseRoute('#/groups/')).toEqual({ page: 'groups' });
    expect(parseRoute('#/people/00u1')).toEqual({ page: 'person', id: '00u1' });
    expect(parseRoute('#/groups/00gEVERYONE000000000')).toEqual({ page: 'group', id: '00gEVERYONE000000000' });
  });

  it('round-trips each address, encoding the id', () => {
    for (const route of [
      { page: 'people' },
      { page: 'groups' },
      { page: 'person', id: 'john@example.com/x' },
      { page: 'group', id: '00g 1' },
    ] as const)
      expect(parseRoute(hrefOf(route))).toEqual(route);
    expect(hrefOf({ page: 'person', id: 'a b' })).toBe('#/people/a%20b');
    expect(hrefOf({ page: 'groups' })).toBe('#/groups');
  });
});
