/**
 * The sweep of a table's expired rows (the token ledger's, the authorization codes'), a bounded batch
 * at a time, on a turn of its own (`later`), so no request's transaction carries it: at most once a
 * second, or every 50 ms while a batch comes back full (a backlog). Rows past their expiry are
 * refused where they are read, so a late sweep is only space. A failed batch (a busy or full disk)
 * is tried again a second later.
 */
import type { Clock } from '../ports/runtime.js';

/** How long after a batch that left no backlog the next one waits. */
const SWEEP_INTERVAL_MS = 1000;
/** How long after a full batch the next one waits. */
const BACKLOG_INTERVAL_MS = 50;

export interface ExpirySweepDeps {
  clock: Clock;
  /** Deletes one batch of rows expired at `now`; true when it was full (more may be left). */
  batch: (now: Date) => boolean;
  /** Runs `work` once the current turn is over (without it, at once, in the caller's transaction). */
  later?: (work: () => void) => void;
}

export class ExpirySweep {
  /** The clock time (ms) from which `due` sweeps again. */
  private next = Number.NEGATIVE_INFINITY;
  /** A batch is waiting for its turn (`later`). */
  private queued = false;

  constructor(private readonly deps: ExpirySweepDeps) {}

  /** Called as rows are added (at `now`, the caller's reading of the clock): runs a batch, or queues it for its turn, when one is due. */
  due(now: Date = this.deps.clock.now()): void {
    if (now.getTime() < this.next || this.queued) return;
    const { later } = this.deps;
    if (!later) return this.sweep(now);
    this.queued = true;
    later(this.sweepLater);
  }

  private sweep(now: Date): void {
    const backlog = this.deps.batch(now);
    this.next = now.getTime() + (backlog ? BACKLOG_INTERVAL_MS : SWEEP_INTERVAL_MS);
  }

  private readonly sweepLater = (): void => {
    this.queued = false;
    const now = this.deps.clock.now();
    try {
      this.sweep(now);
    } catch {
      this.next = now.getTime() + SWEEP_INTERVAL_MS;
    }
  };
}
