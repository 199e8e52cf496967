/**
 * DPoP at the token endpoint of the org server and of custom servers (RFC 9449 §5 and §8; Okta
 * "Configure OAuth 2.0 Demonstrating Proof-of-Possession"). An app that requires DPoP-bound
 * access tokens (`dpop_bound_access_tokens`, Okta's "Require Demonstrating Proof of Possession
 * (DPoP) header in token requests") must send a proof of this request carrying a nonce of this
 * server: without a nonce the answer is `use_dpop_nonce` with a fresh one in the `DPoP-Nonce`
 * header, as Okta answers; its token is then bound to the proof's key (`cnf.jkt`, token type
 * `DPoP`). An app that does not require DPoP gets a Bearer token and its proof is not looked at,
 * as Okta does (okta/okta-sdk-nodejs sends one either way). Every grant of such an app needs a proof,
 * the refresh grant included; a public client's refresh token is bound to the key too (`refresh-token.ts`).
 */
import type { AppRecord } from '../../ports/apps.js';
import { checkDpopProof } from '../dpop/check-proof.js';
import type { CheckedDpopProof } from '../dpop/check-proof.js';
import type { TokenGrantDeps, TokenRequest } from './types.js';

export async function checkTokenDpop(
  deps: Pick<TokenGrantDeps, 'dpop'>,
  request: TokenRequest,
  client: AppRecord,
): Promise<CheckedDpopProof | undefined> {
  if (!client.document.oauth.dpop_bound_access_tokens) return undefined;
  return checkDpopProof(deps.dpop, {
    header: request.dpop,
    method: 'POST',
    url: request.endpointUrl,
    requireNonce: true,
  });
}
