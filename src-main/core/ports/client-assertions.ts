/** Client assertion ids already used (RFC 7523 §3 `jti`); `store/client-assertion-repository.ts` implements the port. */

/** Used assertion ids, each kept until the assertion expires. */
export interface ClientAssertionRepository {
  /** Records `jti` for `clientId` until `expiresAt`, dropping expired entries; false when it was already used. */
  useOnce(clientId: string, jti: string, expiresAt: Date, now: Date): boolean;
}
