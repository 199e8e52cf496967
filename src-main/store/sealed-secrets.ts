/** Whether the database holds secrets sealed with the OS keychain (`core/secret-sealer.ts`). */
import { SEALED_PREFIX } from '../core/secret-sealer.js';
import type { Db } from './database.js';

export function hasSealedSecrets(db: Db): boolean {
  const pattern = `${SEALED_PREFIX}%`;
  return (
    db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM signing_keys WHERE private_jwk LIKE ?)
             OR EXISTS (SELECT 1 FROM apps WHERE client_secret LIKE ?)
             OR EXISTS (SELECT 1 FROM flow_runs WHERE document LIKE ?)`,
      )
      .pluck()
      .get(pattern, pattern, pattern) === 1
  );
}
