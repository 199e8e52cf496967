/**
 * Access policies of a custom authorization server (Okta "Authorization Server Policies" API): create, replace, lifecycle,
 * delete, with Okta's contiguous priorities. Every write validates, shifts priorities and stores
 * in one transaction, so a refused request leaves nothing behind.
 */
import type { LifecycleStatus } from '../contracts/authorization-server.js';
import { ALL_CLIENTS, validatePolicy } from '../contracts/policy.js';
import type { PolicyInput } from '../contracts/policy.js';
import { NotFound, ValidationFailed } from './errors.js';
import type { PolicyRecord, PolicyRepository, RuleRecord, RuleRepository } from './ports/policies.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import { insertAt, moveTo, priorityAfter, removeFrom } from './priorities.js';

/** What `core/authorization-servers.ts` offers: the server, or NotFound (AuthorizationServer). */
export interface ServerLookup {
  get(id: string): unknown;
}

export interface PolicyDeps {
  store: PolicyRepository;
  rules: RuleRepository;
  servers: ServerLookup;
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
}

/** A policy with its rules, both in priority order, as the policy engine reads them. */
export interface PolicyWithRules extends PolicyRecord {
  rules: RuleRecord[];
}

/** Okta's default setup of the `default` server (Okta "OpenID Connect & OAuth 2.0 API"): one policy for ALL_CLIENTS. */
export const DEFAULT_POLICY = {
  type: 'OAUTH_AUTHORIZATION_POLICY',
  name: 'Default Policy',
  description: 'Default policy description',
  priority: 1,
  conditions: { clients: { include: [ALL_CLIENTS] } },
} as const;

const CLIENTS_FIELD = 'conditions.clients.include';

export class Policies {
  constructor(private readonly deps: PolicyDeps) {}

  /** The server's policies in priority order. @throws NotFound (AuthorizationServer) */
  list(serverId: string): PolicyRecord[] {
    this.deps.servers.get(serverId);
    return this.deps.store.list(serverId);
  }

  /** @throws NotFound when the server or the policy (on that server) does not exist */
  get(serverId: string, policyId: string): PolicyRecord {
    this.deps.servers.get(serverId);
    const policy = this.deps.store.get(serverId, policyId);
    if (!policy) throw new NotFound(policyId, 'Policy');
    return policy;
  }

  /** Creates a policy at its priority (default: last), shifting the others. @throws NotFound, ValidationFailed */
  create(serverId: string, body: unknown): PolicyRecord {
    this.deps.servers.get(serverId);
    const input = this.validate(body);
    const { store, tx, crypto, clock } = this.deps;
    return tx.run(() => {
      const clients = this.resolveClients(input.conditions.clients.include);
      const existing = store.list(serverId);
      const id = crypto.randomId('00p');
      const changes = insertAt(existing, id, input.priority);
      const now = clock.now();
      const policy: PolicyRecord = {
        id,
        serverId,
        ...this.fields(input),
        ...clients,
        priority: priorityAfter(existing, changes, id),
        system: false,
        created: now,
        lastUpdated: now,
      };
      store.setPriorities(changes.filter((change) => change.id !== id));
      store.insert(policy);
      return policy;
    });
  }

  /** PUT semantics; a new `priority` moves the policy and shifts those in between. @throws NotFound, ValidationFailed */
  replace(serverId: string, policyId: string, body: unknown): PolicyRecord {
    const existing = this.get(serverId, policyId);
    const input = this.validate(body);
    const { store, tx, clock } = this.deps;
    return tx.run(() => {
      const clients = this.resolveClients(input.conditions.clients.include);
      const siblings = store.list(serverId);
      const changes = moveTo(siblings, policyId, input.priority);
      const updated: PolicyRecord = {
        ...existing,
        ...this.fields(input, existing),
        ...clients,
        priority: priorityAfter(siblings, changes, policyId),
        lastUpdated: clock.now(),
      };
      store.setPriorities(changes);
      store.update(updated);
      return updated;
    });
  }

  /** @throws NotFound */
  setStatus(serverId: string, policyId: string, status: LifecycleStatus): PolicyRecord {
    const policy = this.get(serverId, policyId);
    if (policy.status === status) return policy;
    const updated = { ...policy, status, lastUpdated: this.deps.clock.now() };
    this.deps.store.update(updated);
    return updated;
  }

  /** Deletes the policy with its rules and closes the gap in the priorities. @throws NotFound */
  delete(serverId: string, policyId: string): void {
    this.get(serverId, policyId);
    const { store, tx } = this.deps;
    tx.run(() => {
      const changes = removeFrom(store.list(serverId), policyId);
      store.delete(policyId);
      store.setPriorities(changes);
    });
  }

  /**
   * Every policy of the server (ACTIVE or not) with its rules, both in priority order and fully
   * resolved, for the policy engine (first matching rule of the first matching policy wins).
   * @throws NotFound (AuthorizationServer)
   */
  policiesForEvaluation(serverId: string): PolicyWithRules[] {
    return this.list(serverId).map((policy) => ({ ...policy, rules: this.deps.rules.list(policy.id) }));
  }

  private fields(input: PolicyInput, current?: PolicyRecord) {
    return { name: input.name, description: input.description, status: input.status ?? current?.status ?? 'ACTIVE' };
  }

  /** `ALL_CLIENTS`, or client ids that apps have. @throws ValidationFailed naming `conditions.clients.include` */
  private resolveClients(include: string[]): Pick<PolicyRecord, 'allClients' | 'clientIds'> {
    const clientIds = [...new Set(include)];
    if (clientIds.includes(ALL_CLIENTS)) {
      if (clientIds.length > 1) {
        throw new ValidationFailed([
          { field: CLIENTS_FIELD, message: `${ALL_CLIENTS} cannot be combined with client ids` },
        ]);
      }
      return { allClients: true, clientIds: [] };
    }
    const unknown = this.deps.store.unknownClients(clientIds);
    if (unknown.length) {
      throw new ValidationFailed([
        { field: CLIENTS_FIELD, message: `no application has the client_id ${unknown.join(', ')}` },
      ]);
    }
    return { allClients: false, clientIds };
  }

  private validate(body: unknown): PolicyInput {
    const result = validatePolicy(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    return result.value;
  }
}
