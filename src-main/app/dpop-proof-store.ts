/**
 * Used DPoP proof ids in memory (RFC 9449 §11.1). Memory is enough here: an entry only matters
 * until its proof's `iat` leaves the ±60 s window (then the proof is refused as stale anyway), and
 * token-endpoint proofs also carry a nonce that a restart voids (`createDpopNonces`). What a restart
 * loses is the ids of nonce-less resource proofs of the last minute or two.
 */
import type { DpopProofStore } from '../core/protocol/dpop/dpop-ports.js';

/** 100 000 ids over a window of at most two minutes is some 800 proofs a second, far beyond a local Authbox. */
const CAPACITY = 100_000;

export class MemoryDpopProofStore implements DpopProofStore {
  /** `jkt jti` → expiry in ms. */
  private readonly used = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly capacity = CAPACITY) {}

  useOnce(jkt: string, jti: string, expiresAt: Date, now: Date): boolean {
    const nowMs = now.getTime();
    if (nowMs >= this.nextSweep || this.used.size >= this.capacity) this.sweep(nowMs);
    const key = `${jkt} ${jti}`;
    if ((this.used.get(key) ?? 0) > nowMs) return false;
    // Full of live ids: refusing every proof (a server error) is safer than forgetting some and allowing their replay.
    if (this.used.size >= this.capacity) throw new Error(`the DPoP proof store holds ${this.capacity} live proof ids`);
    this.used.set(key, expiresAt.getTime());
    return true;
  }

  /** Drops expired ids; runs at most once a minute unless the store is full. */
  private sweep(nowMs: number): void {
    for (const [key, expiry] of this.used) if (expiry <= nowMs) this.used.delete(key);
    this.nextSweep = nowMs + 60_000;
  }
}
