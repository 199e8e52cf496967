/**
 * Records ↔ sandbox document. `documentOf` writes a snapshot as a document (dates as ISO strings, a
 * member per record field, lists in creation order) so two exports of one sandbox are byte-identical;
 * `snapshotOf` reads a checked document back into records, making what a hand-written document leaves
 * out (ids, dates, system scopes and claims, signing keys, password hashes).
 */
import type {
  SandboxApp,
  SandboxDocument,
  SandboxDocumentInput,
  SandboxGroup,
  SandboxServer,
  SandboxUser,
} from '../../contracts/sandbox-document.js';
import { oauthSettings } from '../../contracts/app.js';
import { SANDBOX_DOCUMENT_KIND, SANDBOX_DOCUMENT_VERSION } from '../../contracts/sandbox-document.js';
import { EVERYONE, EVERYONE_GROUP_ID } from '../../contracts/rule.js';
import { DEFAULT_USER_TYPE_ID } from '../../contracts/user.js';
import { DEFAULT_SERVER_ID } from '../authorization-servers.js';
import { systemClaims } from '../claims.js';
import type { AppSnapshot, SandboxSnapshot, ServerSnapshot } from '../ports/sandbox.js';
import type { SigningKeyRecord } from '../ports/authorization-servers.js';
import type { Clock, Crypto, GeneratedKey } from '../ports/runtime.js';
import type { UserRecord } from '../ports/users.js';
import { systemScopes } from '../scopes.js';
import { initialKeys, nextRotationAfter } from '../signing-keys.js';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export interface DocumentOptions {
  /** Include private signing keys (off by default: a document is often shared). */
  withKeys?: boolean;
}

export function documentOf(snapshot: SandboxSnapshot, options: DocumentOptions = {}): SandboxDocumentInput {
  return {
    kind: SANDBOX_DOCUMENT_KIND,
    version: SANDBOX_DOCUMENT_VERSION,
    servers: snapshot.servers.map((s) => serverDocument(s, options)),
    apps: snapshot.apps.map(appDocument),
    users: snapshot.users.map(userDocument),
    groups: snapshot.groups.map(({ group, memberIds }) => ({
      id: group.id,
      name: group.name,
      description: group.description,
      created: iso(group.created),
      lastUpdated: iso(group.lastUpdated),
      lastMembershipUpdated: iso(group.lastMembershipUpdated),
      members: memberIds,
    })),
  };
}

function serverDocument({ server, keys, scopes, claims, policies }: ServerSnapshot, options: DocumentOptions) {
  return {
    id: server.id,
    name: server.name,
    description: server.description,
    audiences: server.audiences,
    issuerMode: server.issuerMode,
    status: server.status,
    rotationMode: server.rotationMode,
    lastRotated: isoOrNull(server.lastRotated),
    nextRotation: isoOrNull(server.nextRotation),
    created: iso(server.created),
    lastUpdated: iso(server.lastUpdated),
    ...(options.withKeys
      ? {
          keys: keys.map((k) => ({
            kid: k.kid,
            status: k.status,
            publicJwk: k.publicJwk,
            privateJwk: k.privateJwk,
            created: iso(k.created),
          })),
        }
      : {}),
    scopes: scopes.map((s) => ({
      id: s.id,
      name: s.name,
      displayName: s.displayName,
      description: s.description,
      consent: s.consent,
      isDefault: s.isDefault,
      metadataPublish: s.metadataPublish,
      optional: s.optional,
      system: s.system,
      created: iso(s.created),
      lastUpdated: iso(s.lastUpdated),
    })),
    claims: claims.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      claimType: c.claimType,
      valueType: c.valueType,
      value: c.value,
      groupFilterType: c.groupFilterType,
      alwaysIncludeInToken: c.alwaysIncludeInToken,
      conditionScopes: c.conditionScopes,
      system: c.system,
      created: iso(c.created),
      lastUpdated: iso(c.lastUpdated),
    })),
    policies: policies.map(({ policy, rules }) => ({
      id: policy.id,
      name: policy.name,
      description: policy.description,
      status: policy.status,
      priority: policy.priority,
      system: policy.system,
      allClients: policy.allClients,
      clientIds: policy.clientIds,
      created: iso(policy.created),
      lastUpdated: iso(policy.lastUpdated),
      rules: rules.map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status,
        priority: r.priority,
        system: r.system,
        userIds: r.userIds,
        groupIds: r.groupIds,
        grantTypes: r.grantTypes,
        scopes: r.scopes,
        accessTokenMinutes: r.accessTokenMinutes,
        refreshTokenMinutes: r.refreshTokenMinutes,
        refreshWindowMinutes: r.refreshWindowMinutes,
        inlineHookId: r.inlineHookId,
        created: iso(r.created),
        lastUpdated: iso(r.lastUpdated),
      })),
    })),
  };
}

function appDocument({ app, users, groups, grants }: AppSnapshot) {
  const d = app.document;
  return {
    id: app.id,
    label: app.label,
    status: app.status,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    authMethod: app.authMethod,
    applicationType: app.applicationType,
    profile: d.profile,
    visibility: d.visibility,
    accessibility: d.accessibility,
    features: d.features,
    userNameTemplate: d.userNameTemplate,
    autoKeyRotation: d.autoKeyRotation,
    pkceRequired: d.pkceRequired,
    oauthClient: canonicalOauth(d.oauth),
    created: iso(app.created),
    lastUpdated: iso(app.lastUpdated),
    users: users.map((u) => ({
      userId: u.userId,
      userName: u.userName,
      profile: u.profile,
      created: iso(u.created),
      lastUpdated: iso(u.lastUpdated),
      statusChanged: iso(u.statusChanged),
    })),
    groups: groups.map((g) => ({
      groupId: g.groupId,
      priority: g.priority,
      profile: g.profile,
      created: iso(g.created),
      lastUpdated: iso(g.lastUpdated),
    })),
    grants: grants.map((g) => ({
      id: g.id,
      scopeId: g.scopeId,
      created: iso(g.created),
      lastUpdated: iso(g.lastUpdated),
    })),
  };
}

/** The app's OAuth settings with their members in the schema's order, whatever order they were stored in. */
function canonicalOauth(oauth: AppSnapshot['app']['document']['oauth']) {
  const parsed = oauthSettings().safeParse(oauth);
  return parsed.success ? { ...parsed.data, ...oauth, ...parsed.data } : oauth;
}

function userDocument(user: UserRecord) {
  return {
    id: user.id,
    status: user.status,
    profile: user.profile,
    passwordHash: user.passwordHash,
    recoveryQuestion: user.recoveryQuestion,
    created: iso(user.created),
    activated: isoOrNull(user.activated),
    statusChanged: isoOrNull(user.statusChanged),
    lastLogin: isoOrNull(user.lastLogin),
    lastUpdated: iso(user.lastUpdated),
    passwordChanged: isoOrNull(user.passwordChanged),
  };
}

export interface SnapshotDeps {
  crypto: Pick<Crypto, 'randomId' | 'hashPassword'>;
  clock: Clock;
  /** Fresh keys for a server the document gives none (generated before the one write transaction). */
  freshKeys: (server: SandboxServer) => GeneratedKey[];
}

/** The ids a hand-written document leaves out, made once so references to them resolve. */
export function withIds(doc: SandboxDocument, crypto: Pick<Crypto, 'randomId'>): SandboxDocument {
  return {
    ...doc,
    servers: doc.servers.map((s) => ({
      ...s,
      id: s.id ?? crypto.randomId('aus'),
      scopes: s.scopes.map((x) => ({ ...x, id: x.id ?? crypto.randomId('scp') })),
      claims: s.claims.map((x) => ({ ...x, id: x.id ?? crypto.randomId('ocl') })),
      policies: s.policies.map((p) => ({
        ...p,
        id: p.id ?? crypto.randomId('00p'),
        rules: p.rules.map((r) => ({ ...r, id: r.id ?? crypto.randomId('0pr') })),
      })),
    })),
    apps: doc.apps.map((a) => ({
      ...a,
      id: a.id ?? crypto.randomId('0oa'),
      grants: a.grants.map((g) => ({ ...g, id: g.id ?? crypto.randomId('oag') })),
    })),
    users: doc.users.map((u) => ({ ...u, id: u.id ?? crypto.randomId('00u') })),
    groups: doc.groups.map((g) => ({ ...g, id: g.id ?? crypto.randomId('00g') })),
  };
}

/** Records from a checked document whose ids are all set (`withIds`). */
export function snapshotOf(doc: SandboxDocument, deps: SnapshotDeps): SandboxSnapshot {
  const now = deps.clock.now();
  const date = (value: string | null | undefined, fallback: Date): Date => (value ? new Date(value) : fallback);
  const maybe = (value: string | null | undefined, fallback: Date | null): Date | null =>
    value === undefined ? fallback : value === null ? null : new Date(value);
  return {
    servers: doc.servers.map((s) => serverRecords(s, deps, now)),
    apps: doc.apps.map((a) => appRecords(a, now)),
    users: doc.users.map((u): UserRecord => {
      const created = date(u.created, now);
      const active = u.status !== 'STAGED' && u.status !== 'PROVISIONED';
      const passwordHash = u.password !== undefined ? deps.crypto.hashPassword(u.password) : (u.passwordHash ?? null);
      return {
        id: required(u.id),
        status: u.status,
        typeId: DEFAULT_USER_TYPE_ID,
        profile: u.profile,
        passwordHash,
        recoveryQuestion: u.recoveryQuestion,
        created,
        activated: maybe(u.activated, active ? created : null),
        statusChanged: maybe(u.statusChanged, active ? created : null),
        lastLogin: maybe(u.lastLogin, null),
        lastUpdated: date(u.lastUpdated, created),
        passwordChanged: maybe(u.passwordChanged, passwordHash ? created : null),
      };
    }),
    groups: doc.groups.map((g: SandboxGroup) => {
      const created = date(g.created, now);
      return {
        group: {
          id: required(g.id),
          type: 'OKTA_GROUP',
          name: g.name,
          description: g.description,
          created,
          lastUpdated: date(g.lastUpdated, created),
          lastMembershipUpdated: date(g.lastMembershipUpdated, created),
        },
        memberIds: g.members,
      };
    }),
  };

  function serverRecords(s: SandboxServer, deps: SnapshotDeps, now: Date): ServerSnapshot {
    const id = required(s.id);
    const created = date(s.created, now);
    const lastRotated = maybe(s.lastRotated, created);
    const server = {
      id,
      name: s.name,
      description: s.description,
      audiences: s.audiences,
      issuerMode: s.issuerMode,
      status: s.status,
      isDefault: id === DEFAULT_SERVER_ID,
      rotationMode: s.rotationMode,
      lastRotated,
      nextRotation: maybe(s.nextRotation, lastRotated && nextRotationAfter(lastRotated, s.rotationMode)),
      created,
      lastUpdated: date(s.lastUpdated, created),
    };
    const keys: SigningKeyRecord[] = s.keys
      ? s.keys.map((k) => ({ ...k, serverId: id, publicJwk: k.publicJwk, created: date(k.created, created) }))
      : initialKeys(id, deps.freshKeys(s), s.rotationMode, created);
    // A hand-written server lists only its own scopes and claims; the system ones are made for it.
    const given = new Set(s.scopes.map((x) => x.name));
    const scopes = [
      ...systemScopes(server, deps.crypto).filter((x) => !given.has(x.name)),
      ...s.scopes.map((x) => ({
        ...x,
        id: required(x.id),
        serverId: id,
        created: date(x.created, created),
        lastUpdated: date(x.lastUpdated, created),
      })),
    ];
    const claimNames = new Set(s.claims.map((x) => `${x.claimType}:${x.name}`));
    const claims = [
      ...systemClaims(server, deps.crypto).filter((x) => !claimNames.has(`${x.claimType}:${x.name}`)),
      ...s.claims.map((x) => ({
        ...x,
        id: required(x.id),
        serverId: id,
        created: date(x.created, created),
        lastUpdated: date(x.lastUpdated, created),
      })),
    ];
    const policies = s.policies.map(({ rules, ...p }) => {
      const policyCreated = date(p.created, created);
      return {
        policy: {
          ...p,
          id: required(p.id),
          serverId: id,
          created: policyCreated,
          lastUpdated: date(p.lastUpdated, policyCreated),
        },
        rules: rules.map((r) => ({
          ...r,
          groupIds: { include: r.groupIds.include.map(groupIdOf), exclude: r.groupIds.exclude.map(groupIdOf) },
          id: required(r.id),
          policyId: required(p.id),
          created: date(r.created, policyCreated),
          lastUpdated: date(r.lastUpdated, policyCreated),
        })),
      };
    });
    return { server, keys, scopes, claims, policies };
  }

  function appRecords(a: SandboxApp, now: Date): AppSnapshot {
    const id = required(a.id);
    const created = date(a.created, now);
    return {
      app: {
        id,
        label: a.label,
        status: a.status,
        clientId: a.clientId,
        clientSecret: a.clientSecret,
        authMethod: a.authMethod,
        applicationType: a.applicationType,
        document: {
          profile: a.profile,
          visibility: a.visibility,
          accessibility: a.accessibility,
          features: a.features,
          userNameTemplate: a.userNameTemplate,
          autoKeyRotation: a.autoKeyRotation,
          pkceRequired: a.pkceRequired,
          oauth: {
            ...a.oauthClient,
            application_type: a.oauthClient.application_type ?? a.applicationType,
            grant_types: a.oauthClient.grant_types ?? [],
            response_types: a.oauthClient.response_types ?? [],
          },
        },
        created,
        lastUpdated: date(a.lastUpdated, created),
      },
      users: a.users.map((u) => {
        const at = date(u.created, created);
        return {
          appId: id,
          userId: u.userId,
          scope: 'USER' as const,
          userName: u.userName,
          login: '',
          profile: u.profile,
          created: at,
          lastUpdated: date(u.lastUpdated, at),
          statusChanged: date(u.statusChanged, at),
        };
      }),
      groups: a.groups.map((g) => {
        const at = date(g.created, created);
        return {
          appId: id,
          groupId: g.groupId,
          priority: g.priority,
          profile: g.profile,
          created: at,
          lastUpdated: date(g.lastUpdated, at),
        };
      }),
      grants: a.grants.map((g) => {
        const at = date(g.created, created);
        // The org URL is where the sandbox runs: the Application Grants API shows it for an empty issuer.
        return {
          id: required(g.id),
          appId: id,
          scopeId: g.scopeId,
          issuer: '',
          created: at,
          lastUpdated: date(g.lastUpdated, at),
        };
      }),
    };
  }
}

/** A hand-written rule may name the built-in group as Okta's conditions do, `EVERYONE`. */
const groupIdOf = (id: string) => (id === EVERYONE ? EVERYONE_GROUP_ID : id);

function required(id: string | undefined): string {
  if (id === undefined) throw new Error('snapshotOf: a record has no id; run withIds first');
  return id;
}

export type { SandboxUser };
