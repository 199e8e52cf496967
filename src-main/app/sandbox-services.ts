/**
 * The services only the sandbox API, the sandbox commands and `--config` / `--demo` use: the export
 * and import of the sandbox document, the Flow Runner, the previews and the Token Inspector.
 * `services.ts` loads this module on the first `loadSandbox()`: a start does not evaluate it, the
 * sandbox document's, the Flow Runner's and the inspector's schemas and the modules behind them.
 */
import type { Apps } from '../core/apps.js';
import type { AuthorizationServers } from '../core/authorization-servers.js';
import type { Clock, Crypto } from '../core/ports/runtime.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import type { EventLog } from '../core/protocol/event-log.js';
import { TokenInspector } from '../core/inspect/token-inspector.js';
import type { Claims } from '../core/claims.js';
import { Previews } from '../core/protocol/previews.js';
import type { PreviewDeps } from '../core/protocol/previews.js';
import { FlowRunner } from '../core/runner/flow-runner.js';
import { SandboxTransfer } from '../core/sandbox/sandbox-transfer.js';
import type { Db } from '../store/database.js';
import { SqliteFlowRunRepository } from '../store/flow-run-repository.js';
import { SqliteSandboxRepository } from '../store/sandbox-repository.js';
import type { ConfigSnapshot } from './config-snapshot.js';
import { dpopProofSigner } from './dpop-crypto.js';
import { readDemo } from './examples.js';
import { loopbackTransport } from './loopback-transport.js';
import { nodePemReader } from './node-pem.js';

export interface SandboxServiceDeps {
  db: Db;
  sealer: SecretSealer;
  config: ConfigSnapshot;
  crypto: Crypto;
  clock: Clock;
  apps: Apps;
  servers: AuthorizationServers;
  events: EventLog;
  claims: Claims;
  previews: PreviewDeps;
}

export interface SandboxServices {
  sandbox: SandboxTransfer;
  flowRuns: FlowRunner;
  previews: Previews;
  inspector: TokenInspector;
}

export function buildSandboxServices(deps: SandboxServiceDeps): SandboxServices {
  const { db, sealer, config, crypto, clock } = deps;
  // An import rewrites the whole configuration: every call of its repository empties the snapshot.
  const sandboxStore = config.wrap('sandbox', new SqliteSandboxRepository(db, sealer), []);
  const sandbox = new SandboxTransfer({ store: sandboxStore, crypto, clock, demoText: readDemo });
  // The Flow Runner sends real requests over loopback and reads the decisions back from the event log.
  const flowRuns = new FlowRunner({
    runs: new SqliteFlowRunRepository(db, sealer),
    apps: deps.apps,
    servers: deps.servers,
    http: loopbackTransport,
    events: deps.events,
    crypto,
    clock,
    dpop: dpopProofSigner,
  });
  const previews = new Previews(deps.previews);
  const inspector = new TokenInspector({
    servers: deps.servers,
    claims: deps.claims,
    crypto,
    pem: nodePemReader,
    clock,
  });
  return { sandbox, flowRuns, previews, inspector };
}
