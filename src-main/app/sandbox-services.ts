/**
 * The services only the sandbox API, the sandbox commands and `--config` / `--demo` use: the export
 * and import of the sandbox document, and the Flow Runner. `services.ts` loads this module on the
 * first `loadSandbox()`: a start does not evaluate it, the sandbox document's and the Flow Runner's
 * schemas and the modules behind them.
 */
import type { Apps } from '../core/apps.js';
import type { AuthorizationServers } from '../core/authorization-servers.js';
import type { Clock, Crypto } from '../core/ports/runtime.js';
import type { SecretSealer } from '../core/ports/secret-sealer.js';
import type { EventLog } from '../core/protocol/event-log.js';
import { FlowRunner } from '../core/runner/flow-runner.js';
import { SandboxTransfer } from '../core/sandbox/sandbox-transfer.js';
import type { Db } from '../store/database.js';
import { SqliteFlowRunRepository } from '../store/flow-run-repository.js';
import { SqliteSandboxRepository } from '../store/sandbox-repository.js';
import type { ConfigSnapshot } from './config-snapshot.js';
import { dpopProofSigner } from './dpop-crypto.js';
import { readDemo } from './examples.js';
import { loopbackTransport } from './loopback-transport.js';

export interface SandboxServiceDeps {
  db: Db;
  sealer: SecretSealer;
  config: ConfigSnapshot;
  crypto: Crypto;
  clock: Clock;
  apps: Apps;
  servers: AuthorizationServers;
  events: EventLog;
}

export interface SandboxServices {
  sandbox: SandboxTransfer;
  flowRuns: FlowRunner;
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
  return { sandbox, flowRuns };
}
