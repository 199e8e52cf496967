/** The `Crypto` port on Node: ids from the CSPRNG, RSA keys through jose (WebCrypto). */
import { randomInt } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { Crypto, GeneratedKey } from '../core/ports.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const nodeCrypto: Crypto = {
  randomId(prefix: string, length = 20): string {
    let id = prefix;
    while (id.length < length) id += ALPHABET[randomInt(ALPHABET.length)];
    return id;
  },

  async generateSigningKey(): Promise<GeneratedKey> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
    const pub = await exportJWK(publicKey);
    if (pub.kty !== 'RSA' || !pub.n || !pub.e) throw new Error('unexpected public key shape');
    const kid = await calculateJwkThumbprint(pub, 'sha256');
    const privateJwk = JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' });
    return { kid, publicJwk: { kty: 'RSA', n: pub.n, e: pub.e }, privateJwk };
  },
};
