/**
 * The store could not read or write (disk full, a read-only or damaged database, an I/O error).
 * Nothing the client sent is wrong and nothing was half-written (each write is one transaction),
 * so every surface answers 503: OAuth endpoints `temporarily_unavailable` (RFC 6749 §4.1.2.1),
 * the management API Okta's 503 error JSON. The server keeps running and recovers by itself
 * when the cause goes away.
 */
import { OAuthError } from './protocol/oauth-errors.js';

/** Seconds a caller is asked to wait before trying again (`Retry-After`). */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

export const STORAGE_UNAVAILABLE_TEXT = 'The server cannot use its storage right now. Try again later.';

export class StorageUnavailable extends OAuthError {
  readonly error = 'temporarily_unavailable';
  override readonly status = 503;
  /** The same wait whichever layer answers (RFC 9110 §10.2.3 allows `Retry-After` with a 503). */
  override retryAfterSeconds = STORAGE_RETRY_AFTER_SECONDS;

  /** `code` is the store's own error code (SQLITE_FULL, SQLITE_IOERR_WRITE, …). */
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(STORAGE_UNAVAILABLE_TEXT, detail);
  }
}
