/**
 * The FakeApi with access policies, rules and scopes added: an in-memory server for the policies
 * and scopes slices. It validates with the same contracts the server uses, keeps priorities
 * contiguous from 1 as the server does, and refuses to delete a scope a rule names.
 */
import { ApiError } from '../../../src-renderer/api/api-error.js';
import type { ApiClient, CallArgs } from '../../../src-renderer/api/api-client.js';
import { validatePolicy } from '../../../src-main/contracts/policy.js';
import type { PolicyDto } from '../../../src-main/contracts/policy.js';
import { routes } from '../../../src-main/contracts/routes.js';
import type {
  PagedRoute,
  ParamsOf,
  QueryOf,
  ResponseOf,
  RouteDef,
  StreamRoute,
} from '../../../src-main/contracts/routes.js';
import { validateRule } from '../../../src-main/contracts/rule.js';
import type { RuleDto } from '../../../src-main/contracts/rule.js';
import { validateScope } from '../../../src-main/contracts/scope.js';
import type { ScopeDto } from '../../../src-main/contracts/scope.js';
import { movedTo } from '../../../src-renderer/state/prioritized.js';
import type { StreamOptions } from '../../../src-renderer/api/api-client.js';
import { FakeApi, scopeDto, validationError } from './fake-api.js';

const notFound = (id: string, what: string) =>
  new ApiError(404, 'E0000007', `Not found: Resource not found: ${id} (${what})`);

function checked<T>(result: { ok: true; value: T } | { ok: false; issues: { field: string; message: string }[] }): T {
  if (!result.ok) throw validationError(result.issues.map((i) => `${i.field}: ${i.message}`));
  return result.value;
}

export function policyDto(id: string, priority: number, overrides: Partial<PolicyDto> = {}): PolicyDto {
  return {
    id,
    type: 'OAUTH_AUTHORIZATION_POLICY',
    name: id,
    description: `${id} policy`,
    priority,
    status: 'ACTIVE',
    system: false,
    conditions: { clients: { include: ['ALL_CLIENTS'] } },
    created: '2026-01-01T00:00:00.000Z',
    lastUpdated: '2026-01-01T00:00:00.000Z',
    _links: {},
    ...overrides,
  };
}

export function ruleDto(id: string, priority: number, overrides: Partial<RuleDto> = {}): RuleDto {
  return {
    id,
    type: 'RESOURCE_ACCESS',
    name: id,
    priority,
    status: 'ACTIVE',
    system: false,
    conditions: {
      people: { users: { include: [], exclude: [] }, groups: { include: ['EVERYONE'], exclude: [] } },
      grantTypes: { include: ['authorization_code', 'refresh_token'] },
      scopes: { include: ['*'] },
    },
    actions: {
      token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080 },
    },
    created: '2026-01-01T00:00:00.000Z',
    lastUpdated: '2026-01-01T00:00:00.000Z',
    _links: {},
    ...overrides,
  };
}

/** Puts `item` at `priority` (default last) among `items`, renumbered from 1. */
function placed<T extends { id: string; priority: number }>(items: T[], item: T, priority: number | undefined): T[] {
  const rest = items.filter((i) => i.id !== item.id);
  return movedTo([...rest, item], item.id, priority ?? rest.length + 1);
}

const renumbered = <T extends { priority: number }>(items: T[]): T[] =>
  items.map((item, index) => ({ ...item, priority: index + 1 }));

type Handler = (params: Record<string, string>, body: unknown) => unknown;

export class FakePoliciesApi implements ApiClient {
  readonly base = new FakeApi();
  policies = new Map<string, PolicyDto[]>([['default', [policyDto('00pDEFAULT', 1, { name: 'Default Policy' })]]]);
  rules = new Map<string, RuleDto[]>([['00pDEFAULT', [ruleDto('0prDEFAULT', 1, { name: 'Default Policy Rule' })]]]);
  scopes = new Map<string, ScopeDto[]>([['default', [{ ...scopeDto('openid'), system: true }, scopeDto('pets:read')]]]);
  calls: string[] = [];
  /** When set, the next call of that route fails with it (then it is cleared). */
  failNext: Partial<Record<string, Error>> = {};
  private nextId = 1;

  private readonly handlers = new Map<RouteDef, Handler>([
    [routes.listPolicies, ({ id }) => this.policiesOf(id!)],
    [
      routes.createPolicy,
      ({ id }, body) => {
        const input = checked(validatePolicy(body));
        const policy = policyDto(`00p${this.nextId++}`, 0, {
          name: input.name,
          description: input.description,
          status: input.status ?? 'ACTIVE',
          conditions: input.conditions,
        });
        this.policies.set(id!, placed(this.policiesOf(id!), policy, input.priority));
        return this.policy(id!, policy.id);
      },
    ],
    [
      routes.replacePolicy,
      ({ id, policyId }, body) => {
        const current = this.policy(id!, policyId!);
        const input = checked(validatePolicy(body));
        const policy = { ...current, name: input.name, description: input.description, conditions: input.conditions };
        this.policies.set(id!, placed(this.policiesOf(id!), policy, input.priority));
        return this.policy(id!, policyId!);
      },
    ],
    [routes.activatePolicy, ({ id, policyId }) => this.setPolicy(id!, policyId!, { status: 'ACTIVE' })],
    [routes.deactivatePolicy, ({ id, policyId }) => this.setPolicy(id!, policyId!, { status: 'INACTIVE' })],
    [
      routes.deletePolicy,
      ({ id, policyId }) => {
        this.policy(id!, policyId!);
        this.policies.set(id!, renumbered(this.policiesOf(id!).filter((p) => p.id !== policyId)));
      },
    ],
    [routes.listRules, ({ id, policyId }) => this.rulesOf(id!, policyId!)],
    [
      routes.createRule,
      ({ id, policyId }, body) => {
        const input = checked(validateRule(body));
        const rule = ruleDto(`0pr${this.nextId++}`, 0, {
          name: input.name,
          conditions: input.conditions,
          actions: input.actions as RuleDto['actions'],
        });
        this.rules.set(policyId!, placed(this.rulesOf(id!, policyId!), rule, input.priority));
        return this.rulesOf(id!, policyId!).find((r) => r.id === rule.id);
      },
    ],
    [
      routes.replaceRule,
      ({ id, policyId, ruleId }, body) => {
        const current = this.rule(id!, policyId!, ruleId!);
        const input = checked(validateRule(body));
        const rule = {
          ...current,
          name: input.name,
          conditions: input.conditions,
          actions: input.actions as RuleDto['actions'],
        };
        this.rules.set(policyId!, placed(this.rulesOf(id!, policyId!), rule, input.priority));
        return this.rule(id!, policyId!, ruleId!);
      },
    ],
    [routes.activateRule, ({ id, policyId, ruleId }) => this.setRule(id!, policyId!, ruleId!, 'ACTIVE')],
    [routes.deactivateRule, ({ id, policyId, ruleId }) => this.setRule(id!, policyId!, ruleId!, 'INACTIVE')],
    [
      routes.deleteRule,
      ({ id, policyId, ruleId }) => {
        this.rule(id!, policyId!, ruleId!);
        this.rules.set(policyId!, renumbered(this.rulesOf(id!, policyId!).filter((r) => r.id !== ruleId)));
      },
    ],
    [routes.listScopes, ({ id }) => this.scopesOf(id!)],
    [
      routes.createScope,
      ({ id }, body) => {
        const input = checked(validateScope(body));
        const scope: ScopeDto = { ...scopeDto(input.name), ...input, id: `scp${this.nextId++}` };
        this.scopes.set(id!, [...this.scopesOf(id!), scope]);
        return scope;
      },
    ],
    [
      routes.replaceScope,
      ({ id, scopeId }, body) => {
        const current = this.scope(id!, scopeId!);
        const scope: ScopeDto = { ...current, ...checked(validateScope(body)) };
        this.scopes.set(
          id!,
          this.scopesOf(id!).map((s) => (s.id === scopeId ? scope : s)),
        );
        return scope;
      },
    ],
    [
      routes.deleteScope,
      ({ id, scopeId }) => {
        const scope = this.scope(id!, scopeId!);
        const naming = [...this.rules.values()].flat().filter((r) => r.conditions.scopes.include.includes(scope.name));
        if (naming.length)
          throw new ApiError(
            400,
            'E0000001',
            `Api validation failed: scope ${scope.name} is still used by an access policy`,
            naming.map((r) => ({
              field: 'id',
              message: `scope ${scope.name} is used by rule '${r.name}'; remove it there first`,
            })),
          );
        this.scopes.set(
          id!,
          this.scopesOf(id!).filter((s) => s.id !== scopeId),
        );
      },
    ],
  ]);

  private policiesOf(serverId: string): PolicyDto[] {
    if (!this.base.servers.has(serverId)) throw notFound(serverId, 'AuthorizationServer');
    return this.policies.get(serverId) ?? [];
  }

  private policy(serverId: string, policyId: string): PolicyDto {
    const policy = this.policiesOf(serverId).find((p) => p.id === policyId);
    if (!policy) throw notFound(policyId, 'Policy');
    return policy;
  }

  private setPolicy(serverId: string, policyId: string, change: Partial<PolicyDto>): void {
    const policy = { ...this.policy(serverId, policyId), ...change };
    this.policies.set(
      serverId,
      this.policiesOf(serverId).map((p) => (p.id === policyId ? policy : p)),
    );
  }

  private rulesOf(serverId: string, policyId: string): RuleDto[] {
    this.policy(serverId, policyId);
    return this.rules.get(policyId) ?? [];
  }

  private rule(serverId: string, policyId: string, ruleId: string): RuleDto {
    const rule = this.rulesOf(serverId, policyId).find((r) => r.id === ruleId);
    if (!rule) throw notFound(ruleId, 'PolicyRule');
    return rule;
  }

  private setRule(serverId: string, policyId: string, ruleId: string, status: RuleDto['status']): void {
    const rule = { ...this.rule(serverId, policyId, ruleId), status };
    this.rules.set(
      policyId,
      this.rulesOf(serverId, policyId).map((r) => (r.id === ruleId ? rule : r)),
    );
  }

  private scopesOf(serverId: string): ScopeDto[] {
    if (!this.base.servers.has(serverId)) throw notFound(serverId, 'AuthorizationServer');
    return this.scopes.get(serverId) ?? [];
  }

  private scope(serverId: string, scopeId: string): ScopeDto {
    const scope = this.scopesOf(serverId).find((s) => s.id === scopeId);
    if (!scope) throw notFound(scopeId, 'OAuth2Scope');
    return scope;
  }

  private answer(route: RouteDef, params: Record<string, string>, body: unknown): unknown {
    const name = Object.entries(routes).find(([, r]) => r === route)?.[0] ?? route.path;
    this.calls.push([name, ...Object.values(params)].join(' '));
    const failure = this.failNext[name];
    if (failure) {
      delete this.failNext[name];
      throw failure;
    }
    const handler = this.handlers.get(route);
    if (!handler) throw new Error(`FakePoliciesApi does not answer ${name}`);
    // Answers are copies, as JSON over HTTP would be.
    return structuredClone(handler(params, body));
  }

  async call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
    if (!this.handlers.has(route)) return this.base.call(route, ...args);
    const [params, ...rest] = args;
    return this.answer(route, params, 'body' in route ? rest[0] : undefined) as ResponseOf<R>;
  }

  async list<R extends PagedRoute>(route: R, params: ParamsOf<R>, query?: QueryOf<R>): Promise<ResponseOf<R>> {
    if (!this.handlers.has(route)) return this.base.list(route, params, query);
    return this.answer(route, params, undefined) as ResponseOf<R>;
  }

  stream<R extends StreamRoute>(route: R, params: ParamsOf<R>, options: StreamOptions<R>): Promise<void> {
    return this.base.stream(route, params, options);
  }
}
