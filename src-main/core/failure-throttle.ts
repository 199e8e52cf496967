/**
 * Growing delays after repeated failures for one key (a client_id, an address): the first few
 * failures are free, then each one closes the key for a delay that doubles up to a ceiling, and
 * an attempt while it is closed is refused at once without being checked. A success opens it and
 * clears the count. Guessing a client secret then costs minutes instead of milliseconds, while a
 * developer who mistypes a few times never notices. In memory (a restart forgets), by the injected clock.
 */
import type { Clock } from './ports/runtime.js';

export interface ThrottleSettings {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay, doubled by each further failure. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { freeFailures: 10, firstDelayMs: 1000, maxDelayMs: 60_000 };
/** Keys kept at most; the oldest is forgotten first, so a flood of keys cannot grow memory. */
const MAX_KEYS = 10_000;

interface Entry {
  failures: number;
  closedUntil: number;
}

export class FailureThrottle {
  private readonly entries = new Map<string, Entry>();

  private readonly settings: () => ThrottleSettings;

  /** `settings` may be a function, read at each failure, so a change applies at once. */
  constructor(
    private readonly clock: Clock,
    settings: ThrottleSettings | (() => ThrottleSettings) = DEFAULT_THROTTLE,
  ) {
    this.settings = typeof settings === 'function' ? settings : () => settings;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitFor(key: string): number {
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.closedUntil - this.clock.now().getTime()) : 0;
  }

  /** Counts a failure for `key`; returns the delay it now carries (0 while failures are free). */
  fail(key: string): number {
    const entry = this.entries.get(key) ?? { failures: 0, closedUntil: 0 };
    entry.failures += 1;
    const { freeFailures, firstDelayMs, maxDelayMs } = this.settings();
    const over = entry.failures - freeFailures;
    const delay = over > 0 ? Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(over - 1, 30)) : 0;
    entry.closedUntil = this.clock.now().getTime() + delay;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_KEYS) this.entries.delete(this.entries.keys().next().value!);
    return delay;
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}
