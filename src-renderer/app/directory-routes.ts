/**
 * The Directory's addresses: `#/people`, `#/people/<id>`, `#/groups`, `#/groups/<id>` (the
 * Directory menu of Okta's Admin Console has People and Groups).
 */
export type DirectoryRoute =
  { page: 'people' } | { page: 'person'; id: string } | { page: 'groups' } | { page: 'group'; id: string };

const LISTS = { people: 'person', groups: 'group' } as const;

/** The route for `parts` (the fragment split on `/`), or null when it is not a Directory address. */
export function parseDirectoryRoute(parts: string[], decoded: (part: string) => string): DirectoryRoute | null {
  const list = parts[0];
  if (list !== 'people' && list !== 'groups') return null;
  return parts[1] ? { page: LISTS[list], id: decoded(parts[1]) } : { page: list };
}

export function directoryHrefOf(route: DirectoryRoute): string {
  switch (route.page) {
    case 'people':
    case 'groups':
      return `#/${route.page}`;
    case 'person':
      return `#/people/${encodeURIComponent(route.id)}`;
    case 'group':
      return `#/groups/${encodeURIComponent(route.id)}`;
  }
}

export const isDirectoryRoute = (route: { page: string }): route is DirectoryRoute =>
  route.page === 'people' || route.page === 'person' || route.page === 'groups' || route.page === 'group';
