/**
 * Authorization servers: create, replace, lifecycle, delete, keys and rotation (Okta "Authorization Servers" API).
 * Keys are generated before any write, so every change lands in one store transaction or not at all.
 */
import { validateAuthorizationServer } from '../contracts/authorization-server.js';
import type { AuthorizationServerInput, LifecycleStatus, RotationMode } from '../contracts/authorization-server.js';
import { NotFound, ValidationFailed } from './errors.js';
import type {
  AuthorizationServerRecord,
  AuthorizationServerRepository,
  SigningKeyRecord,
} from './ports/authorization-servers.js';
import type { Clock, Crypto, Transactor } from './ports/runtime.js';
import type { Page } from './ports/page.js';
import { ORG_SERVER_ID, orgServerRecord } from './org-server.js';
import {
  byStatus,
  initialKeys,
  keysNeededForRotation,
  nextRotationAfter,
  rotateKeys,
  toRecord,
} from './signing-keys.js';

export const DEFAULT_SERVER_ID = 'default';

/** Writes what every new server starts with (its system scopes, …); runs in the server's transaction. */
export type ServerInitializer = (server: AuthorizationServerRecord) => void;

export interface AuthorizationServerDeps {
  store: AuthorizationServerRepository;
  crypto: Crypto;
  clock: Clock;
  /** Wraps the server insert and its initializers; without it they run one after the other. */
  tx?: Transactor;
  initializers?: ServerInitializer[];
}

const inline: Transactor = { run: (work) => work() };

export class AuthorizationServers {
  constructor(private readonly deps: AuthorizationServerDeps) {}

  /** The custom servers (the org server is not one: Okta's API never lists it). */
  list(page: Page, q?: string): AuthorizationServerRecord[] {
    return this.deps.store.list(page, q);
  }

  /** A custom server. @throws NotFound (also for the org server's reserved id) */
  get(id: string): AuthorizationServerRecord {
    const server = id === ORG_SERVER_ID ? undefined : this.deps.store.get(id);
    if (!server) throw new NotFound(id, 'AuthorizationServer');
    return server;
  }

  /** The org authorization server (`org-server.ts`). @throws NotFound before `ensureOrgServer` */
  org(): AuthorizationServerRecord {
    return this.find(ORG_SERVER_ID);
  }

  /**
   * Stores the org server on a data folder that has none yet; every start calls it. Its keys are
   * generated when first needed (`keys`), so a start does not wait for two more RSA keys.
   */
  ensureOrgServer(): AuthorizationServerRecord {
    if (!this.deps.store.get(ORG_SERVER_ID)) {
      const now = this.deps.clock.now();
      this.deps.store.insert({ ...orgServerRecord(now), nextRotation: nextRotationAfter(now, 'AUTO') }, []);
    }
    return this.find(ORG_SERVER_ID);
  }

  /** A server's first keys, generated once however many requests ask at the same time. */
  private readonly pendingFirstKeys = new Map<string, Promise<void>>();

  private firstKeys(id: string): Promise<void> {
    let pending = this.pendingFirstKeys.get(id);
    if (!pending) {
      pending = this.makeFirstKeys(id).finally(() => this.pendingFirstKeys.delete(id));
      this.pendingFirstKeys.set(id, pending);
    }
    return pending;
  }

  private async makeFirstKeys(id: string): Promise<void> {
    const needed = (mode: RotationMode) => (mode === 'AUTO' ? 2 : 1);
    const fresh = await Promise.all(
      Array.from({ length: needed(this.find(id).rotationMode) }, () => this.deps.crypto.generateSigningKey()),
    );
    const server = this.find(id);
    if (this.deps.store.keys(id).length > 0) return;
    // Switched to AUTO while the keys were generated: start over.
    if (fresh.length < needed(server.rotationMode)) return this.makeFirstKeys(id);
    const now = this.deps.clock.now();
    const scheduled = { ...server, lastRotated: now, nextRotation: nextRotationAfter(now, server.rotationMode) };
    this.deps.store.saveRotation(scheduled, initialKeys(id, fresh, server.rotationMode, now));
  }

  /** A custom server or the org server. */
  private find(id: string): AuthorizationServerRecord {
    const server = this.deps.store.get(id);
    if (!server) throw new NotFound(id, 'AuthorizationServer');
    return server;
  }

  /**
   * Validates `body` and creates an ACTIVE server with fresh signing keys, or, with `keysOnFirstUse`
   * (a first start's `default`), with none until a request needs them (`keys`). @throws ValidationFailed
   */
  async create(
    body: unknown,
    options: { id?: string; keysOnFirstUse?: boolean } = {},
  ): Promise<AuthorizationServerRecord> {
    const input = this.validate(body);
    const { crypto, clock, store } = this.deps;
    const mode = input.credentials.signing.rotationMode;
    const fresh = options.keysOnFirstUse
      ? []
      : await Promise.all(Array.from({ length: mode === 'AUTO' ? 2 : 1 }, () => crypto.generateSigningKey()));
    const now = clock.now();
    const id = options.id ?? crypto.randomId('aus');
    const server: AuthorizationServerRecord = {
      id,
      name: input.name,
      description: input.description,
      audiences: input.audiences,
      issuerMode: input.issuerMode,
      status: 'ACTIVE',
      isDefault: id === DEFAULT_SERVER_ID,
      rotationMode: mode,
      lastRotated: now,
      nextRotation: nextRotationAfter(now, mode),
      created: now,
      lastUpdated: now,
    };
    this.assertUniqueName(server.name);
    // One transaction: a server never exists without its system scopes (Okta "Authorization Server Scopes" API).
    (this.deps.tx ?? inline).run(() => {
      store.insert(server, options.keysOnFirstUse ? [] : initialKeys(id, fresh, mode, now));
      for (const initialize of this.deps.initializers ?? []) initialize(server);
    });
    return server;
  }

  /** PUT semantics: every writable field is replaced. @throws NotFound, ValidationFailed */
  async replace(id: string, body: unknown): Promise<AuthorizationServerRecord> {
    const existing = this.get(id);
    const input = this.validate(body);
    this.assertUniqueName(input.name, id);
    const now = this.deps.clock.now();
    const mode = input.credentials.signing.rotationMode;
    const updated: AuthorizationServerRecord = {
      ...existing,
      name: input.name,
      description: input.description,
      audiences: input.audiences,
      issuerMode: input.issuerMode,
      rotationMode: mode,
      lastUpdated: now,
    };
    if (mode === existing.rotationMode) {
      this.deps.store.update(updated);
      return updated;
    }
    // Switching to AUTO publishes a NEXT key and schedules rotation; MANUAL stops the schedule.
    if (this.deps.store.keys(id).length === 0) await this.firstKeys(id);
    const keys = this.deps.store.keys(id);
    const withNext =
      mode === 'AUTO' && !keys.some((k) => k.status === 'NEXT')
        ? [...keys, toRecord(id, await this.deps.crypto.generateSigningKey(), 'NEXT', now)]
        : keys;
    const scheduled = { ...updated, nextRotation: nextRotationAfter(existing.lastRotated ?? now, mode) };
    this.deps.store.saveRotation(scheduled, withNext);
    return scheduled;
  }

  /** @throws NotFound */
  setStatus(id: string, status: LifecycleStatus): AuthorizationServerRecord {
    const server = this.get(id);
    if (server.status === status) return server;
    const updated = { ...server, status, lastUpdated: this.deps.clock.now() };
    this.deps.store.update(updated);
    return updated;
  }

  /** @throws NotFound */
  delete(id: string): void {
    if (!this.deps.store.delete(id)) throw new NotFound(id, 'AuthorizationServer');
  }

  /** The server's keys, ACTIVE first, after any AUTO rotation that has fallen due. @throws NotFound */
  async keys(id: string): Promise<SigningKeyRecord[]> {
    // The org server, and a server created with `keysOnFirstUse`, get their keys here.
    let stored = this.deps.store.keys(id);
    if (stored.length === 0) {
      await this.firstKeys(id);
      stored = this.deps.store.keys(id);
    }
    if (this.rotationDue(this.find(id))) return this.rotate(id, { onlyIfDue: true });
    return byStatus(stored);
  }

  /** @throws NotFound when the server or the key does not exist */
  async key(id: string, kid: string): Promise<SigningKeyRecord> {
    const key = (await this.keys(id)).find((k) => k.kid === kid);
    if (!key) throw new NotFound(kid, 'AuthorizationServerKey');
    return key;
  }

  /**
   * Rotates: ACTIVE → EXPIRED, NEXT → ACTIVE. Returns the new key set. @throws NotFound
   * Keys are generated first (slow, async); the rotation itself is computed from the state read
   * after that, in one synchronous step, so concurrent rotations never work from a stale key set.
   */
  async rotate(id: string, options: { onlyIfDue?: boolean } = {}): Promise<SigningKeyRecord[]> {
    if (this.deps.store.keys(id).length === 0) await this.firstKeys(id);
    const before = this.find(id);
    const fresh = await Promise.all(
      Array.from({ length: keysNeededForRotation(this.deps.store.keys(id), before.rotationMode) }, () =>
        this.deps.crypto.generateSigningKey(),
      ),
    );
    const server = this.find(id);
    const current = this.deps.store.keys(id);
    const mode = server.rotationMode;
    if (options.onlyIfDue && !this.rotationDue(server)) return byStatus(current);
    // The key set changed while keys were generated and needs more of them: start over.
    if (fresh.length < keysNeededForRotation(current, mode)) return this.rotate(id, options);
    const now = this.deps.clock.now();
    const keys = rotateKeys(id, current, fresh, mode, now);
    const rotated = { ...server, lastRotated: now, nextRotation: nextRotationAfter(now, mode), lastUpdated: now };
    this.deps.store.saveRotation(rotated, keys);
    return byStatus(keys);
  }

  private rotationDue(server: AuthorizationServerRecord): boolean {
    return (
      server.rotationMode === 'AUTO' && server.nextRotation !== null && server.nextRotation <= this.deps.clock.now()
    );
  }

  private validate(body: unknown): AuthorizationServerInput {
    const result = validateAuthorizationServer(body);
    if (!result.ok) throw new ValidationFailed(result.issues);
    return result.value;
  }

  private assertUniqueName(name: string, exceptId?: string): void {
    const clash = this.deps.store
      .list({ limit: Number.MAX_SAFE_INTEGER })
      .some((s) => s.name === name && s.id !== exceptId);
    if (clash)
      throw new ValidationFailed([
        { field: 'name', message: 'An object with this field already exists in the current organization' },
      ]);
  }
}
