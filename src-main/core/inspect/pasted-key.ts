/**
 * A key pasted to verify a token with: a public JWK (RFC 7517 §4), a JWKS (§5) or a PEM public key
 * or certificate. Private and symmetric keys are refused by name: verifying needs neither, and a
 * secret pasted into a tool is a secret leaked.
 */
import type { PemKeyReader } from '../ports/key-import.js';

export type PastedKey = { ok: true; keys: Record<string, unknown>[] } | { ok: false; reason: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The public JWKs in `text`, or why there are none. */
export function readPastedKey(text: string, pem: PemKeyReader): PastedKey {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN')) return readPem(trimmed, pem);
  if (!trimmed.startsWith('{'))
    return {
      ok: false,
      reason: 'The key is neither JSON (a JWK or a JWKS) nor PEM (-----BEGIN PUBLIC KEY-----)',
    };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, reason: `The key is not valid JSON: ${(error as Error).message}` };
  }
  if (!isObject(value)) return { ok: false, reason: 'The key is not a JSON object' };
  if (Array.isArray(value['keys'])) {
    const keys = value['keys'];
    if (keys.length === 0) return { ok: false, reason: 'The JWKS has no keys' };
    for (const [index, key] of keys.entries()) {
      const problem = jwkProblem(key);
      if (problem) return { ok: false, reason: `Key ${index + 1} of the JWKS ${problem}` };
    }
    return { ok: true, keys: keys as Record<string, unknown>[] };
  }
  if ('keys' in value) return { ok: false, reason: 'The JWKS member "keys" is not an array' };
  const problem = jwkProblem(value);
  return problem ? { ok: false, reason: `The JWK ${problem}` } : { ok: true, keys: [value] };
}

function jwkProblem(key: unknown): string | undefined {
  if (!isObject(key)) return 'is not a JSON object';
  const kty = key['kty'];
  if (typeof kty !== 'string') return 'has no "kty" (a JWK names its key type: RSA, EC or OKP)';
  if (kty === 'oct') return 'is a symmetric key (kty oct); paste the public key of an asymmetric pair';
  if (!['RSA', 'EC', 'OKP'].includes(kty)) return `has the key type "${kty}", not RSA, EC or OKP`;
  if ('d' in key) return 'is a private key (it has "d"); paste the public key only';
  return undefined;
}

function readPem(text: string, pem: PemKeyReader): PastedKey {
  if (/PRIVATE KEY-----/.test(text))
    return { ok: false, reason: 'The PEM is a private key; paste the public key or certificate only' };
  try {
    return { ok: true, keys: [pem.publicJwkFromPem(text)] };
  } catch (error) {
    return { ok: false, reason: `The PEM could not be read: ${(error as Error).message}` };
  }
}
