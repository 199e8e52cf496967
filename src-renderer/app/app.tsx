/** The shell: brand and navigation, then the token prompt or the screen the address names. */
import { AppPage } from '../features/apps/app-page.js';
import { AppsPage } from '../features/apps/apps-page.js';
import { EventLog } from '../features/events/event-log.js';
import { TokenInspectorPage } from '../features/inspector/token-inspector-page.js';
import { GroupPage } from '../features/groups/group-page.js';
import { GroupsPage } from '../features/groups/groups-page.js';
import { PeoplePage } from '../features/people/people-page.js';
import { PersonPage } from '../features/people/person-page.js';
import { SandboxPage } from '../features/sandbox/sandbox-page.js';
import { FlowRunnerPage } from '../features/flows/flow-runner-page.js';
import { ServerPage } from '../features/servers/server-page.js';
import { ServersPage } from '../features/servers/servers-page.js';
import { TokenPrompt } from '../features/session/token-prompt.js';
import { selectNeedsToken } from '../state/session-slice.js';
import { useAppStore } from '../state/store-context.js';
import { Button } from '../ui/button.js';
import { isDirectoryRoute } from './directory-routes.js';
import { hrefOf } from './routes.js';
import type { Route } from './routes.js';
import { useRoute } from './use-route.js';

export function App() {
  const route = useRoute();
  const needsToken = useAppStore(selectNeedsToken);
  return (
    <div className="shell">
      <header className="topbar">
        <a className="brand" href={hrefOf({ page: 'servers' })} aria-label="Authbox home">
          <span className="brand__mark" aria-hidden="true">
            ◆
          </span>
          Authbox
        </a>
        {!needsToken && <MainNav route={route} />}
        {!needsToken && <ChangeTokenButton />}
      </header>
      <main className="content">{needsToken ? <TokenPrompt /> : <Screen route={route} />}</main>
    </div>
  );
}

function MainNav({ route }: { route: Route }) {
  // Only what works: screens join this list as they are built.
  return (
    <nav className="nav" aria-label="Main">
      <a
        className="nav__link"
        href={hrefOf({ page: 'servers' })}
        aria-current={route.page.startsWith('server') ? 'page' : undefined}
      >
        Authorization Servers
      </a>
      <a
        className="nav__link"
        href={hrefOf({ page: 'apps' })}
        aria-current={route.page === 'apps' || route.page === 'app' ? 'page' : undefined}
      >
        Applications
      </a>
      <a
        className="nav__link"
        href={hrefOf({ page: 'people' })}
        aria-current={isDirectoryRoute(route) ? 'page' : undefined}
      >
        Directory
      </a>
      <a
        className="nav__link"
        href={hrefOf({ page: 'flow-runner', runId: null })}
        aria-current={route.page === 'flow-runner' ? 'page' : undefined}
      >
        Flow Runner
      </a>
      <a
        className="nav__link"
        href={hrefOf({ page: 'token-inspector', view: 'inspect' })}
        aria-current={route.page === 'token-inspector' ? 'page' : undefined}
      >
        Token Inspector
      </a>
      <a
        className="nav__link"
        href={hrefOf({ page: 'events', id: null })}
        aria-current={route.page === 'events' ? 'page' : undefined}
      >
        Event Log
      </a>
      <a
        className="nav__link"
        href={hrefOf({ page: 'sandbox' })}
        aria-current={route.page === 'sandbox' ? 'page' : undefined}
      >
        Sandbox
      </a>
    </nav>
  );
}

function ChangeTokenButton() {
  const forgetToken = useAppStore((s) => s.forgetToken);
  return (
    <Button variant="ghost" className="topbar__end" onClick={forgetToken}>
      Change admin token
    </Button>
  );
}

function Screen({ route }: { route: Route }) {
  const openInInspector = useAppStore((s) => s.openInInspector);
  switch (route.page) {
    case 'servers':
      return <ServersPage />;
    case 'server':
      return <ServerPage key={route.id} id={route.id} tab={route.tab} policyId={route.policyId} />;
    case 'events':
      return <EventLog selectedId={route.id} filter={route.filter} />;
    case 'token-inspector':
      return <TokenInspectorPage view={route.view} />;
    case 'apps':
      return <AppsPage />;
    case 'app':
      return <AppPage key={route.id} id={route.id} tab={route.tab} />;
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'groups':
      return <GroupsPage />;
    case 'group':
      return <GroupPage key={route.id} id={route.id} />;
    case 'sandbox':
      return <SandboxPage />;
    case 'flow-runner':
      return <FlowRunnerPage runId={route.runId} onOpenToken={(opening) => void openInInspector(opening)} />;
  }
}
