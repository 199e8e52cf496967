/** The `PemKeyReader` port on Node: `crypto.createPublicKey` reads SPKI, PKCS#1 and X.509 PEM. */
import { createPublicKey } from 'node:crypto';
import type { PemKeyReader } from '../core/ports/key-import.js';

export const nodePemReader: PemKeyReader = {
  publicJwkFromPem(pem: string): Record<string, unknown> {
    const key = createPublicKey({ key: pem, format: 'pem' });
    if (key.type !== 'public') throw new Error('it is not a public key');
    return key.export({ format: 'jwk' }) as Record<string, unknown>;
  },
};
