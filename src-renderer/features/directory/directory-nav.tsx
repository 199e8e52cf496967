/** The Directory's two sections, People and Groups, as links under the page title. */
import { hrefOf } from '../../app/routes.js';

export function DirectoryNav({ current }: { current: 'people' | 'groups' }) {
  return (
    <nav className="tabs" aria-label="Directory">
      <a
        className="tabs__tab"
        href={hrefOf({ page: 'people' })}
        aria-current={current === 'people' ? 'page' : undefined}
      >
        People
      </a>
      <a
        className="tabs__tab"
        href={hrefOf({ page: 'groups' })}
        aria-current={current === 'groups' ? 'page' : undefined}
      >
        Groups
      </a>
    </nav>
  );
}
