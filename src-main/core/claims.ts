/**
 * Custom claims of an authorization server (reference §1.6): stored and validated here, evaluated
 * by the token issuer later. Names are unique per server and claim type; reserved names are
 * refused (§4); `conditions.scopes` must name scopes of the same server. System claims (the default
 * server's `sub`) are read-only through the API.
 */
import { validateClaim } from '../contracts/claim.js';
import type { ClaimInput } from '../contracts/claim.js';
import type { FieldIssue } from '../contracts/okta-error.js';
import { DEFAULT_SERVER_ID } from './authorization-servers.js';
import { NotFound, Refused, ValidationFailed } from './errors.js';
import { parseExpression } from './expression/index.js';
import { compileJavaRegex } from './expression/functions/regex.js';
import type { AuthorizationServerRecord } from './ports/authorization-servers.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import type { ClaimRecord, ClaimRepository } from './ports/claims.js';

export interface ClaimDeps {
  store: ClaimRepository;
  servers: { get(id: string): AuthorizationServerRecord };
  /** Which of `names` exist as scopes on the server. */
  scopes: { unknownNames(serverId: string, names: string[]): string[] };
  crypto: Crypto;
  clock: Clock;
  tx: Transactor;
}

/** The default server's `sub` (reference §1.6): the app username, or the client id without a user. */
export const DEFAULT_SUB_EXPRESSION = '(appuser != null) ? appuser.userName : app.clientId';

/**
 * Save-time check of a claim's `value` (Okta itself saves anything and fails at token time; a
 * sandbox says at once): an EXPRESSION must parse and call only known functions and names — the
 * message gives the column — and a REGEX group filter must compile.
 */
export function validateClaimValue(
  claim: Pick<ClaimInput, 'value' | 'valueType' | 'group_filter_type'>,
): FieldIssue | undefined {
  if (claim.value.trim() === '') return { field: 'value', message: 'The field cannot be left blank' };
  if (claim.valueType === 'EXPRESSION') {
    const parsed = parseExpression(claim.value);
    if (!parsed.ok) return { field: 'value', message: parsed.error.message };
  }
  if (claim.valueType === 'GROUPS' && claim.group_filter_type === 'REGEX') {
    const regex = compileJavaRegex(claim.value);
    if (typeof regex === 'string') return { field: 'value', message: regex };
  }
  return undefined;
}

const ALL = Number.MAX_SAFE_INTEGER;

/** The system claims a server starts with: `sub` on the default server only, as on Okta. */
export function systemClaims(server: AuthorizationServerRecord, crypto: Pick<Crypto, 'randomId'>): ClaimRecord[] {
  if (server.id !== DEFAULT_SERVER_ID) return [];
  return [
    {
      id: crypto.randomId('ocl'),
      serverId: server.id,
      name: 'sub',
      status: 'ACTIVE',
      claimType: 'RESOURCE',
      valueType: 'SYSTEM',
      value: DEFAULT_SUB_EXPRESSION,
      groupFilterType: null,
      alwaysIncludeInToken: true,
      conditionScopes: [],
      system: true,
      created: server.created,
      lastUpdated: server.created,
    },
  ];
}

export class Claims {
  constructor(private readonly deps: ClaimDeps) {}

  /** @throws NotFound (server) */
  list(serverId: string, page: Page): ClaimRecord[] {
    this.deps.servers.get(serverId);
    return this.deps.store.list(serverId, page);
  }

  /** Every claim of a server in creation order (for the token issuer and the editors). */
  listByServer(serverId: string): ClaimRecord[] {
    return this.deps.store.list(serverId, { limit: ALL });
  }

  /** @throws NotFound */
  get(serverId: string, id: string): ClaimRecord {
    this.deps.servers.get(serverId);
    const claim = this.deps.store.get(serverId, id);
    if (!claim) throw new NotFound(id, 'OAuth2Claim');
    return claim;
  }

  /**
   * Claims a new server starts with, written inside its creation transaction: the `default`
   * server gets Okta's system RESOURCE claim `sub`; other servers start with none.
   */
  addSystemClaims(server: AuthorizationServerRecord): void {
    for (const claim of systemClaims(server, this.deps.crypto)) this.deps.store.insert(claim);
  }

  /** @throws NotFound, ValidationFailed */
  create(serverId: string, body: unknown): ClaimRecord {
    this.deps.servers.get(serverId);
    const input = this.validate(serverId, body);
    const now = this.deps.clock.now();
    const claim: ClaimRecord = {
      id: this.deps.crypto.randomId('ocl'),
      serverId,
      ...fromInput(input),
      system: false,
      created: now,
      lastUpdated: now,
    };
    this.deps.tx.run(() => {
      this.assertUniqueName(claim);
      this.deps.store.insert(claim);
    });
    return claim;
  }

  /** PUT semantics: every writable field is replaced. @throws NotFound, ValidationFailed, Refused */
  replace(serverId: string, id: string, body: unknown): ClaimRecord {
    const existing = this.get(serverId, id);
    refuseIfSystem(existing, 'changed');
    const input = this.validate(serverId, body);
    const updated: ClaimRecord = { ...existing, ...fromInput(input), lastUpdated: this.deps.clock.now() };
    this.deps.tx.run(() => {
      this.assertUniqueName(updated);
      this.deps.store.update(updated);
    });
    return updated;
  }

  /** @throws NotFound, Refused */
  delete(serverId: string, id: string): void {
    refuseIfSystem(this.get(serverId, id), 'deleted');
    this.deps.store.delete(serverId, id);
  }

  private validate(serverId: string, body: unknown): ClaimInput {
    const result = validateClaim(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    const input = result.value;
    const issues: FieldIssue[] = [];
    const valueIssue = validateClaimValue(input);
    if (valueIssue) issues.push(valueIssue);
    const unknown = this.deps.scopes.unknownNames(serverId, input.conditions.scopes);
    if (unknown.length) {
      issues.push({
        field: 'conditions.scopes',
        message: `no scope named ${unknown.map((n) => `'${n}'`).join(', ')} exists on this authorization server`,
      });
    }
    if (issues.length) throw new ValidationFailed(issues);
    return input;
  }

  private assertUniqueName(claim: ClaimRecord): void {
    const clash = this.deps.store.byName(claim.serverId, claim.claimType, claim.name);
    if (clash && clash.id !== claim.id) {
      throw new ValidationFailed([
        {
          field: 'name',
          message: `A ${claim.claimType} claim with this name already exists on this authorization server`,
        },
      ]);
    }
  }
}

/**
 * Okta-made claims cannot be changed or deleted here: 403 E0000006, like any other write the
 * caller has no permission for. (Okta itself lets `sub`'s value be edited; Authbox keeps it fixed.)
 */
function refuseIfSystem(claim: ClaimRecord, action: 'changed' | 'deleted'): void {
  if (!claim.system) return;
  const message = `'${claim.name}' is a system claim and cannot be ${action}`;
  throw new Refused('E0000006', `You do not have permission to perform the requested action: ${message}`, [
    { field: 'id', message },
  ]);
}

function fromInput(input: ClaimInput): Omit<ClaimRecord, 'id' | 'serverId' | 'system' | 'created' | 'lastUpdated'> {
  return {
    name: input.name,
    status: input.status,
    claimType: input.claimType,
    valueType: input.valueType,
    value: input.value,
    groupFilterType: input.valueType === 'GROUPS' ? (input.group_filter_type ?? null) : null,
    alwaysIncludeInToken: input.alwaysIncludeInToken,
    conditionScopes: input.conditions.scopes,
  };
}
