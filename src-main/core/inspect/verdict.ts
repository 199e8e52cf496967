/**
 * The signature verdict of a decoded token against candidate keys, in the order a careful relying
 * party checks (RFC 8725 §3.1–3.2, OIDC Core §3.1.3.7): an unsigned `alg: none` is refused; the key
 * is found by `kid`; the `alg` must be one the key verifies (no RSA key used as an HMAC secret);
 * the signature must verify; then `exp` and `nbf` against the clock, with how long.
 */
import { describeDuration } from '../../contracts/durations.js';
import type { SignatureVerdict, VerdictCode, VerdictKey } from '../../contracts/inspect.js';
import type { Clock, Crypto } from '../ports/runtime.js';
import type { DecodedToken } from './decode.js';

export interface CandidateKey {
  jwk: Record<string, unknown>;
  key: VerdictKey;
}

export interface VerdictDeps {
  crypto: Pick<Crypto, 'verifyJws'>;
  clock: Clock;
}

const verdict = (
  code: VerdictCode,
  title: string,
  reason: string,
  key: VerdictKey | null = null,
  signatureValid = false,
): SignatureVerdict => ({ code, ok: code === 'valid', signatureValid, title, reason, key });

/** `keysOf` names where the candidates came from ("the server's keys", "the pasted JWKS"). */
export async function signatureVerdict(
  deps: VerdictDeps,
  token: DecodedToken,
  candidates: CandidateKey[],
  keysOf: string,
): Promise<SignatureVerdict> {
  const alg = token.header['alg'];
  if (typeof alg === 'string' && alg.toLowerCase() === 'none')
    return verdict(
      'alg_none',
      'Unsigned (alg none)',
      'The header says alg "none": the token carries no signature and must never be accepted (RFC 8725 §3.1).',
    );
  if (typeof alg !== 'string')
    return verdict('alg_mismatch', 'No alg', 'The header has no "alg" (RFC 7515 §4.1.1 requires one).');
  const found = pickKeys(token.header['kid'], candidates);
  if (!found.ok) return verdict('unknown_kid', 'Unknown kid', `${found.reason} (${keysOf}: ${listKeys(candidates)}).`);
  const usable = found.keys.filter((candidate) => algorithmsOf(candidate.jwk).includes(alg));
  if (usable.length === 0) {
    const first = found.keys[0]!;
    return verdict(
      'alg_mismatch',
      `alg ${alg} is not the key's`,
      `The token says alg ${alg}, but ${describeKey(first.key)} is ${keyKind(first.jwk)} and verifies ${algorithmsOf(first.jwk).join(', ') || 'no JWS algorithm'}.`,
      first.key,
    );
  }
  let signer: CandidateKey | undefined;
  for (const candidate of usable) {
    if (await deps.crypto.verifyJws(token.compact, { jwk: { ...candidate.jwk, alg } })) {
      signer = candidate;
      break;
    }
  }
  if (!signer) {
    const first = usable[0]!;
    const tried = usable.length === 1 ? describeKey(first.key) : `any of ${usable.length} keys`;
    return verdict(
      'bad_signature',
      'Bad signature',
      `The signature does not verify with ${tried}: the header or payload was changed after signing, or another key signed it.`,
      usable.length === 1 ? first.key : null,
    );
  }
  return timeVerdict(deps.clock.now(), token.payload, signer.key);
}

function timeVerdict(now: Date, payload: Record<string, unknown>, key: VerdictKey): SignatureVerdict {
  const signed = `Signed with ${describeKey(key)}${key.status === 'EXPIRED' ? ', a rotated-out key' : ''}`;
  const exp = payload['exp'];
  const nbf = payload['nbf'];
  if (typeof exp === 'number' && exp * 1000 <= now.getTime()) {
    const ago = describeDuration(now.getTime() - exp * 1000);
    return verdict(
      'expired',
      `Expired ${ago} ago`,
      `${signed}; the signature is valid but the token expired ${ago} ago (exp ${new Date(exp * 1000).toISOString()}).`,
      key,
      true,
    );
  }
  if (typeof nbf === 'number' && nbf * 1000 > now.getTime()) {
    const until = describeDuration(nbf * 1000 - now.getTime());
    return verdict(
      'not_yet_valid',
      `Not valid for another ${until}`,
      `${signed}; the signature is valid but the token is not valid before ${new Date(nbf * 1000).toISOString()} (nbf), ${until} from now.`,
      key,
      true,
    );
  }
  return verdict('valid', 'Signature valid', `${signed}.`, key, true);
}

function pickKeys(
  kid: unknown,
  candidates: CandidateKey[],
): { ok: true; keys: CandidateKey[] } | { ok: false; reason: string } {
  if (candidates.length === 0) return { ok: false, reason: 'There is no key to verify with' };
  if (typeof kid === 'string') {
    const byKid = candidates.filter((c) => c.jwk['kid'] === kid);
    if (byKid.length > 0) return { ok: true, keys: byKid };
    // A PEM, or a JWK without a kid, is the key the user chose: try it.
    const kidless = candidates.filter((c) => c.jwk['kid'] === undefined);
    if (kidless.length > 0) return { ok: true, keys: kidless };
    return { ok: false, reason: `No key has the token's kid ${kid}` };
  }
  return { ok: true, keys: candidates };
}

/** The JWS algorithms a public JWK verifies (RFC 7518 §3.1): its own `alg`, or those of its type. */
export function algorithmsOf(jwk: Record<string, unknown>): string[] {
  if (typeof jwk['alg'] === 'string') return [jwk['alg']];
  if (jwk['kty'] === 'RSA') return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
  if (jwk['kty'] === 'EC') {
    const byCurve: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
    const alg = typeof jwk['crv'] === 'string' ? byCurve[jwk['crv']] : undefined;
    return alg ? [alg] : [];
  }
  if (jwk['kty'] === 'OKP' && jwk['crv'] === 'Ed25519') return ['EdDSA', 'Ed25519'];
  return [];
}

function keyKind(jwk: Record<string, unknown>): string {
  const kty = String(jwk['kty']);
  return typeof jwk['crv'] === 'string' ? `an ${kty} ${jwk['crv']} key` : `an ${kty} key`;
}

function describeKey(key: VerdictKey): string {
  if (key.source === 'pasted') return key.kid ? `the pasted key ${key.kid}` : 'the pasted key';
  return `the server's ${key.status} key ${key.kid}`;
}

function listKeys(candidates: CandidateKey[]): string {
  if (candidates.length === 0) return 'none';
  return candidates
    .map(({ key }) => (key.status ? `${key.kid ?? '(no kid)'} ${key.status}` : (key.kid ?? '(no kid)')))
    .join(', ');
}
