/**
 * `at_hash` and `c_hash` against the access token and the code they came with (OIDC Core §3.1.3.8
 * and §3.3.2.11): base64url of the left half of the hash of the value, the hash being the one of the
 * token's `alg` — SHA-256 for the `…256` algorithms Authbox and Okta sign with.
 */
import type { HashCheck } from '../../contracts/inspect.js';
import type { Crypto } from '../ports/runtime.js';
import { accessTokenHash } from '../protocol/id-token.js';

export interface HashInputs {
  accessToken?: string | undefined;
  code?: string | undefined;
}

/** One check per value given (none when neither is). */
export function checkHashes(
  crypto: Pick<Crypto, 'sha256'>,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  inputs: HashInputs,
): HashCheck[] {
  const checks: HashCheck[] = [];
  const given: [HashCheck['claim'], string | undefined, string][] = [
    ['at_hash', inputs.accessToken?.trim(), 'access token'],
    ['c_hash', inputs.code?.trim(), 'authorization code'],
  ];
  for (const [claim, value, what] of given) {
    if (!value) continue;
    checks.push(checkOne(crypto, claim, header['alg'], payload[claim], value, what));
  }
  return checks;
}

function checkOne(
  crypto: Pick<Crypto, 'sha256'>,
  claim: HashCheck['claim'],
  alg: unknown,
  carried: unknown,
  value: string,
  what: string,
): HashCheck {
  const actual = typeof carried === 'string' ? carried : null;
  if (typeof alg !== 'string' || !alg.endsWith('256')) {
    const reason = `${claim} uses the hash of the token's alg (${String(alg)}); only the SHA-256 algorithms (…256) are checked here`;
    return { claim, actual, expected: null, matches: false, reason };
  }
  const expected = accessTokenHash(crypto, value);
  if (actual === null)
    return {
      claim,
      actual,
      expected,
      matches: false,
      reason: `The token carries no ${claim} to check the ${what} against`,
    };
  const matches = actual === expected;
  const reason = matches
    ? `${claim} matches the ${what}`
    : `${claim} is ${actual}, but the ${what} hashes to ${expected}: they were not issued together`;
  return { claim, actual, expected, matches, reason };
}
