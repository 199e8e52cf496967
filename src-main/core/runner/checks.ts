/**
 * The checks a careful relying party makes on what comes back (OIDC Core §3.1.3.7 ID token
 * validation, §3.2.2.9–§3.2.2.11 and §3.3.2.9–§3.3.2.12 for the front channel, RFC 6749 §10.12 for
 * `state`, RFC 7636 §4.6 for PKCE, RFC 8725 §3.1 for the algorithm), each passed or failed with its
 * reason. JWT access tokens (Okta issues them) get the issuer, time, key and algorithm checks a
 * resource server makes.
 */
import type { ClientCheck, RunTokens } from '../../contracts/flow-run.js';
import type { Crypto } from '../ports/runtime.js';
import { accessTokenHash } from '../protocol/id-token.js';

/** How far a token's times may be off the runner's clock (OIDC Core §3.1.3.7 leaves it to the client). */
export const CLOCK_SKEW_SECONDS = 300;

export interface CheckInput {
  clientId: string;
  now: Date;
  issuer: string | undefined;
  /** `id_token_signing_alg_values_supported` from discovery. */
  algorithms: string[];
  jwks: { keys: Record<string, unknown>[] } | null;
  /** Set for the browser flows. */
  sentState?: string | undefined;
  returnedState?: string | undefined;
  sentNonce?: string | undefined;
  /** What the authorize response carried (implicit and hybrid), and its code. */
  frontChannel?: RunTokens | undefined;
  code?: string | undefined;
  responseType?: string | undefined;
  /** Whether the run sent a code_verifier, and whether the token endpoint answered with tokens. */
  pkceSent: boolean;
  tokenExchange?: { ok: boolean; error?: string | undefined } | undefined;
  tokens: RunTokens;
}

type CheckCrypto = Pick<Crypto, 'sha256' | 'decodeJws' | 'verifyJws'>;

const pass = (id: ClientCheck['id'], reason: string, token?: ClientCheck['token']): ClientCheck =>
  token ? { id, token, passed: true, reason } : { id, passed: true, reason };
const fail = (id: ClientCheck['id'], reason: string, token?: ClientCheck['token']): ClientCheck =>
  token ? { id, token, passed: false, reason } : { id, passed: false, reason };

/** `state` came back as sent (RFC 6749 §10.12: the defence against CSRF on the redirect). */
export function checkState(sent: string | undefined, returned: string | undefined): ClientCheck | undefined {
  if (sent === undefined) return undefined;
  if (returned === sent) return pass('state', `state ${sent} came back unchanged`);
  return fail('state', returned === undefined ? `sent ${sent}, none came back` : `sent ${sent}, got ${returned}`);
}

/** The ID token carries the nonce the request sent (OIDC Core §3.1.3.7 step 11). */
export function checkNonce(sent: string | undefined, payload: Record<string, unknown>): ClientCheck | undefined {
  if (sent === undefined) return undefined;
  const got = payload.nonce;
  if (got === sent) return pass('nonce', `nonce ${sent} is the one sent`, 'id_token');
  return fail(
    'nonce',
    got === undefined ? `sent ${sent}, the ID token has none` : `sent ${sent}, the ID token has ${String(got)}`,
    'id_token',
  );
}

/**
 * `at_hash` or `c_hash` matches the value it covers (OIDC Core §3.1.3.6, §3.3.2.11). `required`: the
 * response type makes the claim mandatory (`id_token token` for at_hash, `code id_token` for c_hash).
 */
export function checkHash(
  crypto: Pick<Crypto, 'sha256'>,
  id: 'at_hash' | 'c_hash',
  payload: Record<string, unknown>,
  value: string | undefined,
  required: boolean,
): ClientCheck | undefined {
  const claim = payload[id];
  const what = id === 'at_hash' ? 'access token' : 'code';
  if (claim === undefined) {
    if (required && value !== undefined)
      return fail(id, `the ID token has no ${id}, required with this response type`, 'id_token');
    return undefined;
  }
  if (value === undefined) return fail(id, `the ID token has ${id} but no ${what} came with it`, 'id_token');
  const expected = accessTokenHash(crypto, value);
  return claim === expected
    ? pass(id, `${id} ${expected} is the left half of the ${what}'s SHA-256`, 'id_token')
    : fail(id, `${id} is ${String(claim)}, the ${what} hashes to ${expected}`, 'id_token');
}

/** The token endpoint accepted the code_verifier (RFC 7636 §4.6): it answered with tokens. */
export function checkPkce(sent: boolean, exchange: CheckInput['tokenExchange']): ClientCheck | undefined {
  if (!sent || exchange === undefined) return undefined;
  return exchange.ok
    ? pass('pkce', 'the token endpoint accepted the code_verifier')
    : fail('pkce', `the token endpoint refused the exchange: ${exchange.error ?? 'no tokens'}`);
}

/** iss, aud, azp, exp and iat of a token's payload (OIDC Core §3.1.3.7 steps 2–5, 9–10). */
export function checkClaims(
  token: 'id_token' | 'access_token',
  payload: Record<string, unknown>,
  input: Pick<CheckInput, 'issuer' | 'clientId' | 'now'>,
): ClientCheck[] {
  const out: ClientCheck[] = [];
  const now = Math.floor(input.now.getTime() / 1000);
  if (input.issuer === undefined) out.push(fail('iss', 'discovery gave no issuer to compare with', token));
  else if (payload.iss === input.issuer) out.push(pass('iss', `iss is the discovery issuer ${input.issuer}`, token));
  else out.push(fail('iss', `iss is ${String(payload.iss)}, discovery says ${input.issuer}`, token));
  if (token === 'id_token') {
    const aud = Array.isArray(payload.aud) ? (payload.aud as unknown[]) : [payload.aud];
    out.push(
      aud.includes(input.clientId)
        ? pass('aud', `aud includes the client_id ${input.clientId}`, token)
        : fail('aud', `aud ${JSON.stringify(payload.aud)} does not include the client_id ${input.clientId}`, token),
    );
    if (payload.azp !== undefined || aud.length > 1) {
      out.push(
        payload.azp === input.clientId
          ? pass('azp', `azp is the client_id ${input.clientId}`, token)
          : fail('azp', `azp is ${String(payload.azp)}, not the client_id ${input.clientId}`, token),
      );
    }
  }
  const exp = payload.exp;
  if (typeof exp !== 'number') out.push(fail('exp', 'no numeric exp', token));
  else if (exp + CLOCK_SKEW_SECONDS > now) out.push(pass('exp', `expires in ${exp - now} s`, token));
  else out.push(fail('exp', `expired ${now - exp} s ago`, token));
  const iat = payload.iat;
  if (typeof iat !== 'number') out.push(fail('iat', 'no numeric iat', token));
  else if (iat - CLOCK_SKEW_SECONDS > now) out.push(fail('iat', `issued ${iat - now} s in the future`, token));
  else out.push(pass('iat', `issued ${now - iat} s ago`, token));
  return out;
}

/**
 * The header's `alg` is one discovery advertises (never `none`), and the signature verifies with the
 * JWKS key its `kid` names (OIDC Core §3.1.3.7 steps 6–8; RFC 8725 §3.1).
 */
export async function checkSignature(
  crypto: Pick<Crypto, 'verifyJws'>,
  token: 'id_token' | 'access_token',
  jwt: string,
  header: Record<string, unknown>,
  input: Pick<CheckInput, 'algorithms' | 'jwks'>,
): Promise<ClientCheck[]> {
  const alg = String(header.alg);
  const algCheck =
    alg !== 'none' && input.algorithms.includes(alg)
      ? pass('alg', `${alg} is advertised in discovery`, token)
      : fail('alg', `${alg} is not among the advertised ${input.algorithms.join(', ') || '(none)'}`, token);
  if (input.jwks === null) return [algCheck, fail('signature', 'the server key set was not fetched', token)];
  const key = input.jwks.keys.find((candidate) => candidate.kid === header.kid);
  if (!key) return [algCheck, fail('signature', `no key with kid ${String(header.kid)} in the server's JWKS`, token)];
  const valid = await crypto.verifyJws(jwt, { jwk: key });
  return [
    algCheck,
    valid
      ? pass('signature', `verified with key ${String(header.kid)} from the server's JWKS`, token)
      : fail('signature', `the signature does not verify with key ${String(header.kid)}`, token),
  ];
}

/** Every check that applies to the run, in the order a reader follows the flow. */
export async function clientChecks(crypto: CheckCrypto, input: CheckInput): Promise<ClientCheck[]> {
  const out: ClientCheck[] = [];
  const add = (check: ClientCheck | undefined) => {
    if (check) out.push(check);
  };
  add(checkState(input.sentState, input.returnedState));
  add(checkPkce(input.pkceSent, input.tokenExchange));
  const responseType = input.responseType?.split(' ') ?? [];
  const front = input.frontChannel ?? {};
  const idToken = input.tokens.id_token ?? front.id_token;
  for (const [name, jwt] of [
    ['id_token', idToken],
    ['access_token', input.tokens.access_token ?? front.access_token],
  ] as const) {
    if (jwt === undefined) continue;
    const decoded = crypto.decodeJws(jwt);
    if (!decoded) {
      if (name === 'id_token') out.push(fail('signature', 'the ID token is not a compact JWS', name));
      continue; // an opaque access token is the resource server's to judge
    }
    if (name === 'id_token') {
      add(checkNonce(input.sentNonce, decoded.payload));
      // The front-channel ID token covers the front-channel access token and code.
      const frontPayload = front.id_token ? (crypto.decodeJws(front.id_token)?.payload ?? {}) : undefined;
      if (frontPayload) {
        add(checkHash(crypto, 'at_hash', frontPayload, front.access_token, responseType.includes('token')));
        add(checkHash(crypto, 'c_hash', frontPayload, input.code, responseType.includes('code')));
      }
      if (input.tokens.id_token && input.tokens.id_token !== front.id_token)
        add(checkHash(crypto, 'at_hash', decoded.payload, input.tokens.access_token, false));
    }
    out.push(...checkClaims(name, decoded.payload, input));
    out.push(...(await checkSignature(crypto, name, jwt, decoded.header, input)));
  }
  return out;
}
