/**
 * Authorization codes (RFC 6749 §4.1.2, §10.5; Okta "OpenID Connect & OAuth 2.0 API"): opaque, stored only as a SHA-256
 * hash, single use, valid for five minutes by the injected clock, and bound to everything the
 * /token exchange must check or reuse: client, redirect_uri, PKCE challenge, nonce, user,
 * auth_time, granted scopes and the matched policy's rule lifetimes (policy is evaluated once, at
 * /authorize, Okta "Authorization Server Rules" API). A used code is remembered until it expires so a replay is caught.
 */
import type { Clock, Crypto } from '../ports/runtime.js';
import type { AuthorizationCodeRecord, AuthorizationCodeRepository } from '../ports/authorization-codes.js';
import { base64url } from './id-token.js';
import { timeOrderedId } from '../time-ordered-id.js';
import { ExpirySweep } from './expiry-sweep.js';

export const CODE_LIFETIME_SECONDS = 300;
const CODE_LENGTH = 43;

export type NewAuthorizationCode = Omit<AuthorizationCodeRecord, 'id' | 'expiresAt' | 'usedAt'>;

/** How a presented code stands. */
export type CodeLookup =
  | { status: 'valid'; code: AuthorizationCodeRecord }
  | { status: 'replayed'; code: AuthorizationCodeRecord }
  | { status: 'expired'; code: AuthorizationCodeRecord }
  | { status: 'unknown' };

const HEX = '0123456789abcdef';

/** Lowercase hex SHA-256 of an opaque value: what is stored instead of a code or cookie value. */
export function opaqueHash(crypto: Pick<Crypto, 'sha256'>, value: string): string {
  let out = '';
  for (const byte of crypto.sha256(value)) out += HEX[byte >> 4]! + HEX[byte & 15]!;
  return out;
}

/** Expired codes deleted in one batch of the sweep (their ids begin with their time: neighbours in the index). */
const SWEEP_BATCH = 100;

export interface AuthorizationCodeDeps {
  store: AuthorizationCodeRepository;
  crypto: Pick<Crypto, 'randomId' | 'sha256'>;
  clock: Clock;
  /**
   * Runs the sweep of expired codes once the current turn is over, in a transaction of its own
   * (without it, at once, in the issuing caller's transaction).
   */
  later?: (work: () => void) => void;
}

export class AuthorizationCodes {
  /** Expired codes are deleted in batches as codes are issued (`ExpirySweep`), not by each insert. */
  private readonly sweep: ExpirySweep;

  constructor(private readonly deps: AuthorizationCodeDeps) {
    const { clock, later, store } = deps;
    this.sweep = new ExpirySweep({ clock, batch: (now) => store.sweep(now, SWEEP_BATCH), ...(later ? { later } : {}) });
  }

  /** Issues a code for the grant; returns the code itself (only its hash is stored) and its record. */
  issue(grant: NewAuthorizationCode): { code: string; record: AuthorizationCodeRecord } {
    const now = this.deps.clock.now();
    const code = this.deps.crypto.randomId('', CODE_LENGTH);
    const record: AuthorizationCodeRecord = {
      ...grant,
      id: timeOrderedId(this.deps.crypto, 'cod', now),
      expiresAt: new Date(now.getTime() + CODE_LIFETIME_SECONDS * 1000),
      usedAt: null,
    };
    this.sweep.due();
    this.deps.store.insert(opaqueHash(this.deps.crypto, code), record);
    return { code, record };
  }

  /** What a presented code is: valid, already used (a replay), past its five minutes, or unknown. */
  lookup(code: string): CodeLookup {
    const record = this.deps.store.findByHash(opaqueHash(this.deps.crypto, code));
    if (!record) return { status: 'unknown' };
    if (record.usedAt) return { status: 'replayed', code: record };
    if (record.expiresAt.getTime() <= this.deps.clock.now().getTime()) return { status: 'expired', code: record };
    return { status: 'valid', code: record };
  }

  /** RFC 7636 §4.6: S256 compares base64url(SHA-256(verifier)) with the challenge, plain the verifier itself. */
  verifierMatches(code: AuthorizationCodeRecord, verifier: string): boolean {
    const derived = code.codeChallengeMethod === 'S256' ? base64url(this.deps.crypto.sha256(verifier)) : verifier;
    return derived === code.codeChallenge;
  }

  /** Marks the code used; false when another exchange used it first (then this one is a replay). */
  consume(code: AuthorizationCodeRecord): boolean {
    return this.deps.store.markUsed(code.id, this.deps.clock.now());
  }
}
