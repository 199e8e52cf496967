/** Authorization codes as stored (only their hash); `store/authorization-code-repository.ts` implements the port. */
import type { Lifetimes } from '../protocol/policy/decision.js';

export type CodeChallengeMethod = 'S256' | 'plain';

export interface AuthorizationCodeRecord {
  /** Also the token family of everything minted from the code (`token-families.ts`). */
  id: string;
  serverId: string;
  appId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
  codeChallengeMethod: CodeChallengeMethod | null;
  nonce: string | null;
  scopes: string[];
  userId: string;
  authTime: Date;
  amr: string[];
  policyId: string;
  ruleId: string;
  lifetimes: Lifetimes;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface AuthorizationCodeRepository {
  insert(hash: string, code: AuthorizationCodeRecord): void;
  /** Deletes up to `limit` codes expired at `now`; true when it deleted `limit` (more may be left). */
  sweep(now: Date, limit: number): boolean;
  findByHash(hash: string): AuthorizationCodeRecord | undefined;
  /**
   * Marks the code used unless it already was; false when another exchange got there first. The
   * token exchange runs it in the transaction that stores the code's tokens and their family.
   */
  markUsed(id: string, now: Date): boolean;
}
