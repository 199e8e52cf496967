/**
 * Export and import of the sandbox document (docs/sandbox-document.md). Export reads every record at
 * once; import parses, checks the whole document and reports every fault with its JSON path before
 * anything is written, then writes it in one transaction — merged into the sandbox (refused, with
 * the conflicts listed, if an id or unique name is taken) or replacing everything.
 */
import { jsonPath, sandboxDocument } from '../../contracts/sandbox-document.js';
export { serializeDocument } from '../../contracts/sandbox-document.js';
import type {
  DocumentFault,
  ImportSummaryDto,
  SandboxDocument,
  SandboxDocumentInput,
} from '../../contracts/sandbox-document.js';
import { EVERYONE_GROUP_ID } from '../../contracts/group.js';
import { NotFound } from '../errors.js';
import type { SandboxRepository, SandboxSnapshot } from '../ports/sandbox.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import { checkDocument, existingOf } from './check-document.js';
import { documentOf, snapshotOf, withIds } from './document-records.js';

export interface SandboxTransferDeps {
  store: SandboxRepository;
  crypto: Crypto;
  clock: Clock;
  /** Called after an import wrote, so caches of the configuration start over. */
  onImported?: () => void;
  /** The demo document's JSON text (examples/demo.json). */
  demoText?: () => string;
}

/** Written in a document's strings, replaced on import by the server's origin (`http://127.0.0.1:8137`). */
export const ORIGIN_PLACEHOLDER = '${AUTHBOX_ORIGIN}';

/** Every string of `value` with the origin placeholder replaced. */
export function withOrigin(value: unknown, origin: string): unknown {
  if (typeof value === 'string') return value.split(ORIGIN_PLACEHOLDER).join(origin);
  if (Array.isArray(value)) return value.map((item) => withOrigin(item, origin));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withOrigin(item, origin)]));
  return value;
}

export interface ExportOptions {
  /** Only this authorization server and the apps, users and groups it references. */
  serverId?: string | undefined;
  withKeys?: boolean | undefined;
}

export interface ImportOptions {
  mode: 'merge' | 'replace';
  /** Check and summarize only; write nothing. */
  dryRun?: boolean;
  /** Replaces `${AUTHBOX_ORIGIN}` in the document's strings. */
  origin?: string;
}

export type ImportResult =
  { ok: true; summary: ImportSummaryDto } | { ok: false; faults: DocumentFault[]; summary?: ImportSummaryDto };

/** JSON text → document input, or the fault of unreadable text. */
export function parseDocumentText(text: string): { ok: true; value: unknown } | { ok: false; fault: DocumentFault } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, fault: { path: '$', message: `not valid JSON: ${(error as Error).message}` } };
  }
}

export class SandboxTransfer {
  constructor(private readonly deps: SandboxTransferDeps) {}

  /** @throws NotFound for an unknown `serverId` */
  exportDocument(options: ExportOptions = {}): SandboxDocumentInput {
    const snapshot = this.deps.store.read();
    const chosen = options.serverId === undefined ? snapshot : onlyServer(snapshot, options.serverId);
    return documentOf(chosen, { withKeys: options.withKeys ?? false });
  }

  /** Whether the demo's authorization server is in the sandbox already. */
  hasDemo(): boolean {
    const text = this.deps.demoText ? parseDocumentText(this.deps.demoText()) : undefined;
    const servers = text?.ok ? (text.value as { servers?: { id?: unknown }[] }).servers : undefined;
    const ids = new Set((servers ?? []).map((server) => server.id));
    return this.deps.store.read().servers.some(({ server }) => ids.has(server.id));
  }

  /** Merges the demo into the sandbox, its redirect URIs pointing at `origin`. */
  async loadDemo(origin: string): Promise<ImportResult> {
    if (!this.deps.demoText) throw new Error('SandboxTransfer: no demo document was given');
    const text = parseDocumentText(this.deps.demoText());
    if (!text.ok) return { ok: false, faults: [text.fault] };
    return this.importDocument(text.value, { mode: 'merge', origin });
  }

  async importDocument(input: unknown, options: ImportOptions): Promise<ImportResult> {
    const parsed = sandboxDocument.safeParse(options.origin === undefined ? input : withOrigin(input, options.origin));
    if (!parsed.success) {
      return {
        ok: false,
        faults: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
      };
    }
    const doc = withIds(parsed.data, this.deps.crypto);
    const current = options.mode === 'merge' ? this.deps.store.read() : undefined;
    const faults = checkDocument(doc, existingOf(current));
    if (faults.length) return { ok: false, faults };
    const conflicts = current ? conflictsWith(doc, current) : [];
    const summary: ImportSummaryDto = { mode: options.mode, applied: false, create: counts(doc), conflicts };
    if (conflicts.length) return { ok: false, faults: conflicts, summary };
    if (options.dryRun) return { ok: true, summary };
    // Keys are made before the one synchronous write transaction.
    const fresh = new Map<string, Awaited<ReturnType<Crypto['generateSigningKey']>>[]>();
    for (const server of doc.servers) {
      if (server.keys) continue;
      const count = server.rotationMode === 'AUTO' ? 2 : 1;
      fresh.set(
        server.id ?? '',
        await Promise.all(Array.from({ length: count }, () => this.deps.crypto.generateSigningKey())),
      );
    }
    const snapshot = snapshotOf(doc, {
      crypto: this.deps.crypto,
      clock: this.deps.clock,
      freshKeys: (server) => fresh.get(server.id ?? '') ?? [],
    });
    this.deps.store.write(snapshot, { replace: options.mode === 'replace' });
    this.deps.onImported?.();
    return { ok: true, summary: { ...summary, applied: true } };
  }
}

function counts(doc: SandboxDocument): ImportSummaryDto['create'] {
  const policies = doc.servers.flatMap((s) => s.policies);
  return {
    servers: doc.servers.length,
    scopes: doc.servers.reduce((n, s) => n + s.scopes.filter((x) => !x.system).length, 0),
    claims: doc.servers.reduce((n, s) => n + s.claims.filter((x) => !x.system).length, 0),
    policies: policies.length,
    rules: policies.reduce((n, p) => n + p.rules.length, 0),
    apps: doc.apps.length,
    users: doc.users.length,
    groups: doc.groups.length,
  };
}

/** What a merge would collide with: ids and the names the sandbox keeps unique. */
function conflictsWith(doc: SandboxDocument, current: SandboxSnapshot): DocumentFault[] {
  const conflicts: DocumentFault[] = [];
  const taken = (path: string, what: string) =>
    conflicts.push({ path, message: `${what} already exists in the sandbox` });
  const serverIds = new Set(current.servers.map((s) => s.server.id));
  const serverNames = new Set(current.servers.map((s) => s.server.name));
  doc.servers.forEach((s, i) => {
    if (serverIds.has(s.id ?? '')) taken(`$.servers[${i}].id`, `the authorization server ${s.id}`);
    else if (serverNames.has(s.name)) taken(`$.servers[${i}].name`, `an authorization server named '${s.name}'`);
  });
  const appIds = new Set(current.apps.map((a) => a.app.id));
  const clientIds = new Set(current.apps.map((a) => a.app.clientId));
  doc.apps.forEach((a, i) => {
    if (appIds.has(a.id ?? '')) taken(`$.apps[${i}].id`, `the app ${a.id}`);
    else if (clientIds.has(a.clientId)) taken(`$.apps[${i}].clientId`, `an app with client id '${a.clientId}'`);
  });
  const grantIds = new Set(current.apps.flatMap((a) => a.grants.map((g) => g.id)));
  doc.apps.forEach((a, i) =>
    a.grants.forEach((g, j) => {
      if (grantIds.has(g.id ?? '')) taken(`$.apps[${i}].grants[${j}].id`, `the grant ${g.id}`);
    }),
  );
  const userIds = new Set(current.users.map((u) => u.id));
  const logins = new Set(current.users.map((u) => u.profile.login.toLowerCase()));
  doc.users.forEach((u, i) => {
    if (userIds.has(u.id ?? '')) taken(`$.users[${i}].id`, `the user ${u.id}`);
    else if (logins.has(u.profile.login.toLowerCase()))
      taken(`$.users[${i}].profile.login`, `a user with login '${u.profile.login}'`);
  });
  const groupIds = new Set(current.groups.map((g) => g.group.id));
  const groupNames = new Set(current.groups.map((g) => g.group.name.toLowerCase()));
  doc.groups.forEach((g, i) => {
    if (groupIds.has(g.id ?? '')) taken(`$.groups[${i}].id`, `the group ${g.id}`);
    else if (groupNames.has(g.name.toLowerCase())) taken(`$.groups[${i}].name`, `a group named '${g.name}'`);
  });
  return conflicts;
}

/**
 * One server and what it references: the apps its policies name (every app when a policy covers all
 * clients), the users and groups its rules or those apps' assignments name, and those groups' members.
 */
function onlyServer(snapshot: SandboxSnapshot, serverId: string): SandboxSnapshot {
  const server = snapshot.servers.find((s) => s.server.id === serverId);
  if (!server) throw new NotFound(serverId, 'AuthorizationServer');
  const policies = server.policies.map((p) => p.policy);
  const allClients = policies.some((p) => p.allClients);
  const clientIds = new Set(policies.flatMap((p) => p.clientIds));
  const apps = snapshot.apps.filter((a) => allClients || clientIds.has(a.app.clientId));
  const rules = server.policies.flatMap((p) => p.rules);
  const groupIds = new Set([
    ...rules.flatMap((r) => [...r.groupIds.include, ...r.groupIds.exclude]),
    ...apps.flatMap((a) => a.groups.map((g) => g.groupId)),
  ]);
  groupIds.delete(EVERYONE_GROUP_ID);
  const groups = snapshot.groups.filter((g) => groupIds.has(g.group.id));
  const userIds = new Set([
    ...rules.flatMap((r) => [...r.userIds.include, ...r.userIds.exclude]),
    ...apps.flatMap((a) => a.users.map((u) => u.userId)),
    ...groups.flatMap((g) => g.memberIds),
  ]);
  return { servers: [server], apps, users: snapshot.users.filter((u) => userIds.has(u.id)), groups };
}
