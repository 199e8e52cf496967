/**
 * An in-memory server behind the renderer's ApiClient, for slice tests: it answers the route map's
 * entries the slices call, and validates with the same contract the server uses, so create/replace
 * fail with the causes the real API would send.
 */
import { ApiError } from '../../../src-renderer/api/api-error.js';
import type {
  ApiClient,
  AuthorizationServerWrite,
  CallArgs,
  ClaimWrite,
  StreamOptions,
} from '../../../src-renderer/api/api-client.js';
import type { EventFilter, ProtocolEventDto } from '../../../src-renderer/api/event-dto.js';
import { routes } from '../../../src-main/contracts/routes.js';
import type {
  BodyOf,
  PagedRoute,
  ParamsOf,
  QueryOf,
  ResponseOf,
  RouteDef,
  RouteName,
  Routes,
  StreamRoute,
} from '../../../src-main/contracts/routes.js';
import type { AppDto } from '../../../src-main/contracts/app.js';
import { validateAuthorizationServer } from '../../../src-main/contracts/authorization-server.js';
import { validateClaim } from '../../../src-main/contracts/claim.js';
import {
  SANDBOX_DOCUMENT_KIND,
  SANDBOX_DOCUMENT_VERSION,
  jsonPath,
  sandboxDocument,
} from '../../../src-main/contracts/sandbox-document.js';
import type { ImportSummaryDto, SandboxDocument } from '../../../src-main/contracts/sandbox-document.js';
import type { ClaimDto } from '../../../src-main/contracts/claim.js';
import type {
  AuthorizationServerDto,
  ClaimsPreviewDto,
  ClaimsPreviewRequest,
  ExpressionCheckDto,
  ExpressionPreviewDto,
  ExpressionPreviewRequest,
  SigningKeyDto,
  UserDto,
} from '../../../src-main/contracts/index.js';
import type { ScopeDto } from '../../../src-main/contracts/scope.js';
import { activeAppRefusal, appNotFound, FakeAppData, groupsMatching } from './fake-apps.js';
import type { GroupDto } from '../../../src-main/contracts/group.js';
import { directoryHandlers } from './fake-directory.js';

const ORIGIN = 'http://127.0.0.1:7420';

export function serverDto(id: string, overrides: Partial<AuthorizationServerDto> = {}): AuthorizationServerDto {
  return {
    id,
    name: id,
    description: `${id} server`,
    audiences: [`api://${id}`],
    issuer: `${ORIGIN}/oauth2/${id}`,
    issuerMode: 'ORG_URL',
    status: 'ACTIVE',
    default: id === 'default',
    created: '2026-01-01T00:00:00.000Z',
    lastUpdated: '2026-01-01T00:00:00.000Z',
    credentials: {
      signing: { rotationMode: 'AUTO', lastRotated: null, nextRotation: null, kid: `kid-${id}-1`, use: 'sig' },
    },
    _links: {},
    ...overrides,
  };
}

export function keyDto(kid: string, status: SigningKeyDto['status']): SigningKeyDto {
  return {
    kid,
    status,
    alg: 'RS256',
    kty: 'RSA',
    use: 'sig',
    e: 'AQAB',
    n: 'n',
    _links: { self: { href: `${ORIGIN}/keys/${kid}` } },
  };
}

export const validationError = (causes: string[]) =>
  new ApiError(
    400,
    'E0000001',
    `Api validation failed: ${causes.map((c) => c.split(':')[0]).join(', ')}`,
    causes.map((c) => {
      const at = c.indexOf(': ');
      return { field: c.slice(0, at), message: c.slice(at + 2) };
    }),
  );

export function eventDto(id: string, overrides: Partial<ProtocolEventDto> = {}): ProtocolEventDto {
  return {
    id,
    time: '2026-01-01T00:00:00.000Z',
    endpoint: 'token',
    serverId: 'default',
    clientId: '0oaCLIENT',
    userId: null,
    grantType: 'client_credentials',
    outcome: 'success',
    error: null,
    errorDescription: null,
    detail: null,
    trace: null,
    appName: null,
    userLogin: null,
    exchange: null,
    jtis: [],
    familyId: null,
    runId: null,
    ...overrides,
  };
}

export function claimDto(id: string, overrides: Partial<ClaimDto> = {}): ClaimDto {
  return {
    id,
    name: id,
    status: 'ACTIVE',
    claimType: 'RESOURCE',
    valueType: 'EXPRESSION',
    value: 'user.login',
    alwaysIncludeInToken: true,
    conditions: { scopes: [] },
    system: false,
    _links: { self: { href: `${ORIGIN}/claims/${id}` } },
    ...overrides,
  };
}

export function scopeDto(name: string): ScopeDto {
  return {
    id: `scp${name}`,
    name,
    displayName: null,
    description: null,
    consent: 'IMPLICIT',
    default: false,
    metadataPublish: 'NO_CLIENTS',
    optional: false,
    system: false,
    _links: { self: { href: `${ORIGIN}/scopes/${name}` } },
  };
}

export function userDto(id: string, login: string): UserDto {
  return {
    id,
    status: 'ACTIVE',
    transitioningToStatus: null,
    created: '2026-01-01T00:00:00.000Z',
    activated: null,
    statusChanged: null,
    lastLogin: null,
    lastUpdated: '2026-01-01T00:00:00.000Z',
    passwordChanged: null,
    type: { id: 'otyDEFAULT0000000000' },
    profile: { login, email: login },
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: {},
  };
}

/** Only the members the renderer reads; the rest of an app does not matter to the slices. */
export const appDto = (id: string, label: string) =>
  ({ id, label, credentials: { oauthClient: { client_id: id } } }) as unknown as AppDto;

/** An open fake stream: its options, and how the test ends it. */
interface FakeStream {
  options: StreamOptions<Routes['streamEvents']>;
  end(error?: Error): void;
}

const DEMO_ID = 'ausDemoPets0000000001';

function summaryOf(doc: Pick<SandboxDocument, 'servers' | 'apps' | 'users' | 'groups'>): ImportSummaryDto['create'] {
  const policies = doc.servers.flatMap((s) => s.policies);
  return {
    servers: doc.servers.length,
    scopes: doc.servers.reduce((n, s) => n + s.scopes.length, 0),
    claims: doc.servers.reduce((n, s) => n + s.claims.length, 0),
    policies: policies.length,
    rules: policies.reduce((n, p) => n + p.rules.length, 0),
    apps: doc.apps.length,
    users: doc.users.length,
    groups: doc.groups.length,
  };
}

export const invalidToken = () => new ApiError(401, 'E0000011', 'Invalid token provided');

/** What the fake answers for one route, given what the client sent. */
export type Handlers = {
  [N in RouteName]?: (
    params: ParamsOf<Routes[N]>,
    body: BodyOf<Routes[N]>,
    query: QueryOf<Routes[N]> | undefined,
  ) => ResponseOf<Routes[N]>;
};

const NAMES = new Map<RouteDef, RouteName>(Object.entries(routes).map(([name, route]) => [route, name as RouteName]));

/** A sent request as the test reads it. */
export interface SentCall {
  route: RouteName;
  params: Record<string, string>;
  body: unknown;
  query: unknown;
}

export class FakeApi implements ApiClient {
  servers = new Map<string, AuthorizationServerDto>([['default', serverDto('default')]]);
  keys = new Map<string, SigningKeyDto[]>([
    ['default', [keyDto('kid-default-1', 'ACTIVE'), keyDto('kid-default-2', 'NEXT')]],
  ]);
  /** The event log, newest first. */
  events: ProtocolEventDto[] = [];
  streams: FakeStream[] = [];
  claims = new Map<string, ClaimDto[]>([
    ['default', [claimDto('oclSUB', { name: 'sub', valueType: 'SYSTEM', system: true })]],
  ]);
  scopes = new Map<string, ScopeDto[]>([['default', [scopeDto('openid'), scopeDto('profile')]]]);
  users: UserDto[] = [userDto('00uALICE', 'alice@example.com')];
  apps: AppDto[] = [appDto('0oaSPA', 'Orders SPA')];
  /** Groups and app assignments (fake-apps.ts). */
  appData = new FakeAppData();
  /** The directory's groups (Everyone first): one list with the apps' group pickers. */
  get groups(): GroupDto[] {
    return this.appData.groups;
  }
  set groups(next: GroupDto[]) {
    this.appData.groups = next;
  }
  members = new Map<string, Set<string>>();
  /** What the check and the previews answer; tests replace them. */
  expressionCheck: (expression: string) => ExpressionCheckDto = () => ({ ok: true });
  evaluate: (request: ExpressionPreviewRequest) => ExpressionPreviewDto = () => ({ ok: true, value: null });
  preview: (serverId: string, request: ClaimsPreviewRequest) => ClaimsPreviewDto = () => ({
    ok: true,
    accessToken: {},
    idToken: null,
    idTokenFull: null,
    userinfo: null,
    trace: [],
  });
  /** Each call as `<route name> <path parameters…> [<query as JSON>]`, e.g. `replaceClaim default ocl1`. */
  calls: string[] = [];
  sent: SentCall[] = [];
  /** When set, the next call fails with it (then it is cleared). */
  failNext: Error | null = null;
  /** Per route: a promise the answer waits for, so a test can hold a call on its way. */
  hold: Partial<Record<RouteName, () => Promise<void>>> = {};
  private nextId = 1;

  /** A fresh id with Okta's prefix (`00u`, `00g`), for the directory fake. */
  newId(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(17, '0')}`;
  }

  private readonly handlers: Handlers = {
    listServers: () => [...this.servers.values()],
    getServer: ({ id }) => this.found(id),
    createServer: (_params, input) => {
      const value = this.check(input);
      const id = `aus${String(this.nextId++).padStart(17, '0')}`;
      const server = serverDto(id, {
        name: value.name,
        description: value.description,
        audiences: value.audiences,
        issuerMode: value.issuerMode,
      });
      this.servers.set(id, server);
      return server;
    },
    replaceServer: ({ id }, input) => {
      const current = this.found(id);
      const value = this.check(input);
      const server = {
        ...current,
        name: value.name,
        description: value.description,
        audiences: value.audiences,
        issuerMode: value.issuerMode,
      };
      this.servers.set(id, server);
      return server;
    },
    activateServer: ({ id }) => {
      this.servers.set(id, { ...this.found(id), status: 'ACTIVE' });
    },
    deactivateServer: ({ id }) => {
      this.servers.set(id, { ...this.found(id), status: 'INACTIVE' });
    },
    exportSandbox: () => ({
      kind: SANDBOX_DOCUMENT_KIND,
      version: SANDBOX_DOCUMENT_VERSION,
      servers: [...this.servers.values()].map((server) => ({
        id: server.id,
        name: server.name,
        audiences: server.audiences,
      })),
    }),
    importSandbox: (_params, body, query) => {
      const parsed = sandboxDocument.safeParse(body);
      if (!parsed.success) throw validationError(parsed.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`));
      const taken = parsed.data.servers.filter((s) => query?.mode !== 'replace' && s.id && this.servers.has(s.id));
      if (taken.length)
        throw validationError(
          taken.map((s) => `$.servers: the authorization server ${s.id} already exists in the sandbox`),
        );
      const applied = query?.dryRun !== 'true';
      if (applied) {
        if (query?.mode === 'replace') this.servers.clear();
        for (const s of parsed.data.servers)
          this.servers.set(s.id ?? s.name, serverDto(s.id ?? s.name, { name: s.name }));
      }
      return { mode: query?.mode ?? 'merge', applied, create: summaryOf(parsed.data), conflicts: [] };
    },
    loadDemo: () => {
      if (this.servers.has(DEMO_ID))
        throw validationError([`$.servers[0].id: the authorization server ${DEMO_ID} already exists in the sandbox`]);
      this.servers.set(DEMO_ID, serverDto(DEMO_ID, { name: 'Pets API' }));
      return {
        mode: 'merge',
        applied: true,
        create: { ...summaryOf({ servers: [], apps: [], users: [], groups: [] }), servers: 1 },
        conflicts: [],
      };
    },
    listKeys: ({ id }) => {
      this.found(id);
      return this.keys.get(id) ?? [];
    },
    rotateKeys: ({ id }) => {
      const server = this.found(id);
      const keys = this.keys.get(id) ?? [];
      const rotated = keys
        .filter((k) => k.status !== 'EXPIRED')
        .map((k) => keyDto(k.kid, k.status === 'ACTIVE' ? 'EXPIRED' : 'ACTIVE'))
        .concat(keyDto(`kid-${id}-${keys.length + 1}`, 'NEXT'));
      this.keys.set(id, rotated);
      const active = rotated.find((k) => k.status === 'ACTIVE');
      this.servers.set(id, {
        ...server,
        credentials: { signing: { ...server.credentials.signing, kid: active?.kid ?? null } },
      });
      return rotated;
    },
    listEvents: (_params, _body, filter: EventFilter = {}) =>
      this.events
        .filter(
          (e) =>
            (filter.serverId === undefined || e.serverId === filter.serverId) &&
            (filter.endpoint === undefined || e.endpoint === filter.endpoint) &&
            (filter.clientId === undefined || e.clientId === filter.clientId) &&
            (filter.userId === undefined || e.userId === filter.userId) &&
            (filter.jti === undefined || e.jtis.includes(filter.jti)),
        )
        .filter((e) => filter.outcome === undefined || e.outcome === filter.outcome)
        .slice(0, filter.limit ?? 50),
    getEvent: ({ id }, _body, query) => {
      const event = this.events.find((e) => e.id === id);
      if (!event) throw new ApiError(404, 'E0000007', `Not found: Resource not found: ${id} (Event)`);
      if (query?.reveal === 'true' || !event.exchange?.response.tokens) return event;
      const { tokens: _whole, ...response } = event.exchange.response;
      return { ...event, exchange: { ...event.exchange, response } };
    },
    listClaims: ({ id }) => {
      this.found(id);
      return this.claims.get(id) ?? [];
    },
    createClaim: ({ id }, input) => {
      this.found(id);
      const claim = claimDto(`ocl${this.nextId++}`, this.claimInput(input));
      this.claims.set(id, [...(this.claims.get(id) ?? []), claim]);
      return claim;
    },
    replaceClaim: ({ id, claimId }, input) => {
      const claims = this.claims.get(id) ?? [];
      if (!claims.some((c) => c.id === claimId))
        throw new ApiError(404, 'E0000007', `Not found: Resource not found: ${claimId} (OAuth2Claim)`);
      const claim = claimDto(claimId, this.claimInput(input));
      this.claims.set(
        id,
        claims.map((c) => (c.id === claimId ? claim : c)),
      );
      return claim;
    },
    deleteClaim: ({ id, claimId }) => {
      const claims = this.claims.get(id) ?? [];
      if (!claims.some((c) => c.id === claimId))
        throw new ApiError(404, 'E0000007', `Not found: Resource not found: ${claimId} (OAuth2Claim)`);
      this.claims.set(
        id,
        claims.filter((c) => c.id !== claimId),
      );
    },
    listScopes: ({ id }) => {
      this.found(id);
      return this.scopes.get(id) ?? [];
    },
    ...directoryHandlers(this),
    listApps: () => this.apps,
    // Apps, their assignments and the group search (fake-apps.ts).
    getApp: ({ id }) => this.app(id),
    createApp: (_params, input) => {
      const app = this.appData.appFrom(input);
      this.apps.push(app);
      return app;
    },
    replaceApp: ({ id }, input) => {
      const app = this.appData.appFrom(input, this.app(id));
      this.apps = this.apps.map((a) => (a.id === id ? app : a));
      return app;
    },
    activateApp: ({ id }) => this.setAppStatus(id, 'ACTIVE'),
    deactivateApp: ({ id }) => this.setAppStatus(id, 'INACTIVE'),
    deleteApp: ({ id }) => {
      if (this.app(id).status === 'ACTIVE') throw activeAppRefusal(id);
      this.apps = this.apps.filter((a) => a.id !== id);
    },
    listAppUsers: ({ appId }) => this.appData.appUsers(this.app(appId).id, this.users),
    listAppGroups: ({ appId }) => this.appData.appGroups(this.app(appId).id),
    assignUserToApp: ({ appId }, { id }) => {
      this.appData.assign(this.appData.userAssignments, this.app(appId).id, id);
      return this.appData.appUsers(appId, this.users).find((u) => u.id === id)!;
    },
    assignGroupToApp: ({ appId, groupId }) => {
      this.appData.group(groupId);
      this.appData.assign(this.appData.groupAssignments, this.app(appId).id, groupId);
      return this.appData.appGroups(appId).find((g) => g.id === groupId)!;
    },
    unassignUserFromApp: ({ appId, userId }) =>
      this.appData.unassign(this.appData.userAssignments, appId, userId, 'AppUser'),
    unassignGroupFromApp: ({ appId, groupId }) =>
      this.appData.unassign(this.appData.groupAssignments, appId, groupId, 'ApplicationGroupAssignment'),
    // The directory's list (sorted by name) and the pickers' `q` search, in one handler.
    listGroups: (_params, _body, query) =>
      groupsMatching(
        [...this.groups].sort((a, b) => a.profile.name.localeCompare(b.profile.name)),
        query?.q,
      ),
    checkExpression: (_params, { expression }) => this.expressionCheck(expression),
    previewExpression: (_params, request) => this.evaluate(request),
    previewClaims: ({ serverId }, request) => {
      this.found(serverId);
      return this.preview(serverId, request);
    },
  };

  private enter(route: RouteDef, params: Record<string, string>, body: unknown, query: unknown): RouteName {
    const name = NAMES.get(route);
    if (!name) throw new Error(`${route.method} ${route.path} is not in the route map`);
    const names = [...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
    this.calls.push(
      [name, ...names.map((n) => params[n]), ...(query === undefined ? [] : [JSON.stringify(query)])].join(' '),
    );
    this.sent.push({ route: name, params, body, query });
    const failure = this.failNext;
    this.failNext = null;
    if (failure) throw failure;
    return name;
  }

  private async answer(
    route: RouteDef,
    params: Record<string, string>,
    body: unknown,
    query: unknown,
  ): Promise<unknown> {
    const name = this.enter(route, params, body, query);
    await this.hold[name]?.();
    const handler = this.handlers[name] as ((params: unknown, body: unknown, query: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`FakeApi does not answer ${name}`);
    return handler(params, body, query);
  }

  private app(id: string): AppDto {
    const app = this.apps.find((a) => a.id === id);
    if (!app) throw appNotFound(id);
    return app;
  }

  private setAppStatus(id: string, status: AppDto['status']): Record<string, never> {
    this.apps = this.apps.map((a) => (a.id === id ? { ...this.app(id), status } : a));
    return {};
  }

  private found(id: string): AuthorizationServerDto {
    const server = this.servers.get(id);
    if (!server) throw new ApiError(404, 'E0000007', `Not found: Resource not found: ${id} (AuthorizationServer)`);
    return server;
  }

  private check(input: AuthorizationServerWrite) {
    const result = validateAuthorizationServer(input);
    if (!result.ok) throw validationError(result.issues.map((i) => `${i.field}: ${i.message}`));
    return result.value;
  }

  private claimInput(input: ClaimWrite) {
    const result = validateClaim(input);
    if (!result.ok) throw validationError(result.issues.map((i) => `${i.field}: ${i.message}`));
    const { group_filter_type, ...value } = result.value;
    return { ...value, ...(group_filter_type ? { group_filter_type } : {}) };
  }

  async call<R extends RouteDef>(route: R, ...args: CallArgs<R>): Promise<ResponseOf<R>> {
    const [params, ...rest] = args;
    const [body, query] = 'body' in route ? rest : [undefined, rest[0]];
    return (await this.answer(route, params, body, query)) as ResponseOf<R>;
  }

  /** The fake has one page: every item. */
  async list<R extends PagedRoute>(route: R, params: ParamsOf<R>, query?: QueryOf<R>): Promise<ResponseOf<R>> {
    return (await this.answer(route, params, undefined, query)) as ResponseOf<R>;
  }

  /** Open until the signal aborts or the test calls `end` on it; `emit` sends to every open one. */
  stream<R extends StreamRoute>(route: R, params: ParamsOf<R>, options: StreamOptions<R>): Promise<void> {
    try {
      this.enter(route, params, undefined, options.query);
    } catch (error) {
      return Promise.reject(error);
    }
    const streamOptions = options as unknown as StreamOptions<Routes['streamEvents']>;
    return new Promise<void>((resolve, reject) => {
      const stream: FakeStream = {
        options: streamOptions,
        end: (error) => {
          this.streams = this.streams.filter((s) => s !== stream);
          if (error) reject(error);
          else resolve();
        },
      };
      this.streams.push(stream);
      options.signal.addEventListener('abort', () => stream.end(), { once: true });
      options.onOpen?.();
    });
  }

  /** Records a new event and sends it to the open streams. */
  emit(event: ProtocolEventDto): void {
    this.events.unshift(event);
    for (const stream of this.streams) stream.options.onMessage(event);
  }
}
