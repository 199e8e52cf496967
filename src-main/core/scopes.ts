/**
 * Scopes of an authorization server (reference §1.5): the seven system scopes every server has,
 * and custom scopes with Okta's name rules. A scope an access policy rule or a claim still names
 * can be neither deleted nor renamed, so nothing is left pointing at a name that no longer exists.
 */
import type { FieldIssue } from '../contracts/okta-error.js';
import { validateScope } from '../contracts/scope.js';
import type { ScopeInput } from '../contracts/scope.js';
import { NotFound, Refused, ValidationFailed } from './errors.js';
import type { AuthorizationServerRecord } from './ports/authorization-servers.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import { refuseIfReferenced } from './references.js';
import type { ReferenceRepository } from './ports/references.js';
import type { ScopeRecord, ScopeRepository } from './ports/scopes.js';
import { parseScopeFilter } from './scope-filter.js';

/** Names of the claims whose `conditions.scopes` name a scope (they would dangle without it). */
export interface ClaimsByScope {
  namingScope(serverId: string, scopeName: string): { name: string; claimType: string }[];
}

/** The system scopes of §1.5, in Okta's order; descriptions as Okta shows them. */
export const SYSTEM_SCOPE_DEFINITIONS: readonly { name: string; description: string }[] = [
  { name: 'openid', description: 'Signals that a request is an OpenID request.' },
  { name: 'profile', description: "Allows access to the end user's default profile claims." },
  { name: 'email', description: "Allows access to the end user's email address." },
  { name: 'address', description: "Allows access to the end user's address." },
  { name: 'phone', description: "Allows access to the end user's phone number." },
  { name: 'offline_access', description: 'Allows access to a refresh token.' },
  { name: 'device_sso', description: 'Allows the client to request a device secret for native SSO.' },
];

export interface ScopeDeps {
  store: ScopeRepository;
  servers: { get(id: string): AuthorizationServerRecord };
  references: Pick<ReferenceRepository, 'toScope'>;
  claims: ClaimsByScope;
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
}

const ALL = Number.MAX_SAFE_INTEGER;

/** The system scopes every server has (`openid`, `profile`, …), dated with the server's creation. */
export function systemScopes(server: AuthorizationServerRecord, crypto: Pick<Crypto, 'randomId'>): ScopeRecord[] {
  return SYSTEM_SCOPE_DEFINITIONS.map(({ name, description }) => ({
    id: crypto.randomId('scp'),
    serverId: server.id,
    name,
    displayName: name,
    description,
    consent: 'IMPLICIT',
    isDefault: false,
    metadataPublish: 'ALL_CLIENTS',
    optional: false,
    system: true,
    created: server.created,
    lastUpdated: server.created,
  }));
}

export class Scopes {
  constructor(private readonly deps: ScopeDeps) {}

  /** @throws NotFound (server), Refused E0000031 (filter) */
  list(
    serverId: string,
    page: Page,
    query: { q?: string | undefined; filter?: string | undefined } = {},
  ): ScopeRecord[] {
    this.deps.servers.get(serverId);
    const filter = query.filter === undefined ? undefined : parseScopeFilter(query.filter);
    return this.deps.store.list(serverId, page, { q: query.q, filter });
  }

  /** Every scope of a server in creation order (for the policy engine and the editors). */
  listByServer(serverId: string): ScopeRecord[] {
    return this.deps.store.list(serverId, { limit: ALL });
  }

  /** The scopes among `names` that exist on the server (unknown names are simply absent). */
  byNames(serverId: string, names: string[]): ScopeRecord[] {
    return names.length ? this.deps.store.byNames(serverId, [...new Set(names)]) : [];
  }

  /** The names among `names` that are not scopes of the server, in the order given. */
  unknownNames(serverId: string, names: string[]): string[] {
    const known = new Set(this.byNames(serverId, names).map((s) => s.name));
    return names.filter((name) => !known.has(name));
  }

  /** Default scopes: granted when a request names no scope (§1.5). */
  defaults(serverId: string): ScopeRecord[] {
    return this.listByServer(serverId).filter((s) => s.isDefault);
  }

  /** Names for discovery's `scopes_supported`: ALL_CLIENTS scopes only, in creation order (§1.5, §3). */
  published(serverId: string): string[] {
    return this.listByServer(serverId)
      .filter((s) => s.metadataPublish === 'ALL_CLIENTS')
      .map((s) => s.name);
  }

  /** @throws NotFound */
  get(serverId: string, id: string): ScopeRecord {
    this.deps.servers.get(serverId);
    const scope = this.deps.store.get(serverId, id);
    if (!scope) throw new NotFound(id, 'OAuth2Scope');
    return scope;
  }

  /**
   * Inserts the system scopes of a server that is being created. Called inside the server's
   * own transaction (see `AuthorizationServers.create`), so a server never exists without them.
   */
  addSystemScopes(server: AuthorizationServerRecord): void {
    this.deps.store.insert(systemScopes(server, this.deps.crypto));
  }

  /** @throws NotFound, ValidationFailed */
  create(serverId: string, body: unknown): ScopeRecord {
    this.deps.servers.get(serverId);
    const input = validate(body);
    const now = this.deps.clock.now();
    const scope: ScopeRecord = {
      id: this.deps.crypto.randomId('scp'),
      serverId,
      ...fromInput(input),
      system: false,
      created: now,
      lastUpdated: now,
    };
    this.deps.tx.run(() => {
      this.assertUniqueName(serverId, scope.name);
      this.deps.store.insert([scope]);
    });
    return scope;
  }

  /** PUT semantics: every writable field is replaced; a system or referenced scope keeps its name. @throws NotFound, ValidationFailed, Refused */
  replace(serverId: string, id: string, body: unknown): ScopeRecord {
    const existing = this.get(serverId, id);
    const input = validate(body);
    const updated: ScopeRecord = { ...existing, ...fromInput(input), lastUpdated: this.deps.clock.now() };
    this.deps.tx.run(() => {
      if (updated.name !== existing.name) {
        if (existing.system) {
          throw new ValidationFailed([
            { field: 'name', message: `'${existing.name}' is a system scope and cannot be renamed` },
          ]);
        }
        this.refuseIfNamed(existing, 'renamed');
        this.assertUniqueName(serverId, updated.name);
      }
      this.deps.store.update(updated);
    });
    return updated;
  }

  /**
   * System scopes cannot be deleted: 403 E0000006, as Okta forbids it (the exact Okta answer is
   * undocumented [INF]). @throws NotFound, Refused
   */
  delete(serverId: string, id: string): void {
    this.deps.tx.run(() => {
      const scope = this.get(serverId, id);
      if (scope.system) {
        throw new Refused(
          'E0000006',
          `You do not have permission to perform the requested action: '${scope.name}' is a system scope and cannot be deleted`,
          [{ field: 'id', message: `'${scope.name}' is a system scope and cannot be deleted` }],
        );
      }
      this.refuseIfNamed(scope, 'deleted');
      this.deps.store.delete(serverId, id);
    });
  }

  /** Refuses (400 E0000001) while an access policy rule or a claim names the scope. */
  private refuseIfNamed(scope: ScopeRecord, action: 'deleted' | 'renamed'): void {
    refuseIfReferenced(`scope ${scope.name}`, this.deps.references.toScope(scope.serverId, scope.name));
    const claims = this.deps.claims.namingScope(scope.serverId, scope.name);
    if (!claims.length) return;
    const issues: FieldIssue[] = claims.map((c) => ({
      field: 'id',
      message: `scope ${scope.name} is used by the conditions of ${c.claimType} claim '${c.name}'; remove it there first`,
    }));
    throw new Refused(
      'E0000001',
      `Api validation failed: scope ${scope.name} is still used by ${claims.length === 1 ? 'a claim' : 'claims'} and cannot be ${action}`,
      issues,
    );
  }

  private assertUniqueName(serverId: string, name: string): void {
    if (this.deps.store.byNames(serverId, [name]).length) {
      throw new ValidationFailed([
        { field: 'name', message: 'A scope with this name already exists on this authorization server' },
      ]);
    }
  }
}

function validate(body: unknown): ScopeInput {
  const result = validateScope(body);
  if (!result.ok) throw new ValidationFailed(result.issues);
  return result.value;
}

function fromInput(
  input: ScopeInput,
): Pick<
  ScopeRecord,
  'name' | 'displayName' | 'description' | 'consent' | 'isDefault' | 'metadataPublish' | 'optional'
> {
  return {
    name: input.name,
    displayName: input.displayName,
    description: input.description,
    consent: input.consent,
    isDefault: input.default,
    metadataPublish: input.metadataPublish,
    optional: input.optional,
  };
}
