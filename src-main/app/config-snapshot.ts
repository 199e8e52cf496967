/**
 * The configuration protocol requests read — authorization servers and their keys, scopes, claims,
 * policies, rules, apps — answered from memory instead of SQLite on every request. Each repository
 * of that configuration is wrapped: its read methods answer from the snapshot (filled on first read,
 * per method and arguments, so per authorization server), and every other method, the writes, empties
 * it before writing. All writes go through these repositories (foreign-key cascades stay within
 * them: deleting a server or a policy), so the next request after any write reads the new state.
 * Reads inside a transaction bypass the snapshot, so a write that rolls back is never remembered.
 * Answers are frozen: a caller that tried to change a shared record would throw, not corrupt others.
 */
import type { Db } from '../store/database.js';

/** Entries kept at most (method + arguments); the least recently used dropped first (but see `MOVE_AFTER`). */
const CAPACITY = 5000;
/**
 * A hit moves its entry to the young end of the table only when more than this many entries were
 * added or moved since it last was, so the hits of a busy configuration (the same few entries, read
 * by every request) are a lookup each instead of a delete and an insert. Entries are dropped from
 * the old end: one read at least once in every 2,500 or so new entries is never dropped.
 */
const MOVE_AFTER = CAPACITY / 2;

interface Entry {
  value: unknown;
  /** The `moves` count when the entry was added or last moved to the young end. */
  moved: number;
}

export class ConfigSnapshot {
  private readonly entries = new Map<string, Entry>();
  private currentVersion = 0;
  /** Entries added or moved to the young end so far: the table is in the order of their `moved`. */
  private moves = 0;

  constructor(private readonly db: Db) {}

  /** Changes with every write to the configuration: a cached body built at one version is stale at another. */
  get version(): number {
    return this.currentVersion;
  }

  /** How many answers are held (for tests of the bound). */
  get size(): number {
    return this.entries.size;
  }

  invalidate(): void {
    this.entries.clear();
    this.currentVersion++;
  }

  /**
   * `repository` with `reads` answered from the snapshot, `passThrough` methods (reads of other
   * tables, such as "which of these users exist") called as they are, and every other method
   * invalidating the snapshot before it runs.
   */
  wrap<T extends object>(
    name: string,
    repository: T,
    reads: readonly string[],
    passThrough: readonly string[] = [],
  ): T {
    const wrapped = Object.create(repository) as Record<string, unknown>;
    const target = repository as Record<string, unknown>;
    for (const method of methodsOf(repository)) {
      const original = target[method] as (...args: unknown[]) => unknown;
      if (passThrough.includes(method)) continue;
      const prefix = `${name}.${method}`;
      wrapped[method] = reads.includes(method)
        ? (...args: unknown[]) => this.read(prefix + keyOf(args), original, repository, args)
        : (...args: unknown[]) => {
            this.invalidate();
            try {
              return original.apply(repository, args);
            } finally {
              // A write that read its own result back inside it must not leave that read behind.
              this.invalidate();
            }
          };
    }
    return wrapped as T;
  }

  /**
   * `load()`'s answer kept under `key` until the next write, as a wrapped read's: for a value built
   * from several reads of wrapped repositories (all of them empty the snapshot when they write).
   */
  cached<T>(key: string, load: () => T): T {
    return this.read(`=${key}`, load, undefined, NO_ARGS) as T;
  }

  /** `load.apply(self, args)`, kept under `key` (no closure is made for a hit). */
  private read(key: string, load: (...args: unknown[]) => unknown, self: unknown, args: unknown[]): unknown {
    if (this.db.inTransaction) return load.apply(self, args);
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      if (this.moves - entry.moved > MOVE_AFTER) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        entry.moved = ++this.moves;
      }
      return entry.value;
    }
    const value = deepFreeze(load.apply(self, args));
    if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, moved: ++this.moves });
    return value;
  }
}

const NO_ARGS: unknown[] = [];

/**
 * The arguments as part of a key: most reads take one id (`"` and the id, no JSON to write); any
 * other arguments as their JSON array, which starts with `[`.
 */
function keyOf(args: unknown[]): string {
  return args.length === 1 && typeof args[0] === 'string' ? `"${args[0]}` : JSON.stringify(args);
}

/** Every method of a class instance, up its prototype chain (not Object's). */
function methodsOf(instance: object): string[] {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(instance);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function') {
        names.add(name);
      }
    }
  }
  return [...names];
}

export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
