/**
 * DPoP at the org server's token endpoint (RFC 9449 §5 and §8). An app that requires DPoP-bound
 * access tokens (`dpop_bound_access_tokens`, Okta's "Require Demonstrating Proof of Possession
 * (DPoP) header in token requests") must send a proof of this request carrying a nonce of this
 * server: without a nonce the answer is `use_dpop_nonce` with a fresh one in the `DPoP-Nonce`
 * header, as Okta answers; its token is then bound to the proof's key (`cnf.jkt`, token type
 * `DPoP`). An app that does not require DPoP gets a Bearer token and its proof is not looked at,
 * as Okta does (okta/okta-sdk-nodejs sends one either way). Custom servers do not bind tokens yet.
 */
import type { AppRecord } from '../../ports/apps.js';
import { isOrgServer } from '../../org-server.js';
import { checkDpopProof } from '../dpop/check-proof.js';
import type { CheckedDpopProof } from '../dpop/check-proof.js';
import type { TokenGrantDeps, TokenRequest } from './types.js';

export async function checkTokenDpop(
  deps: Pick<TokenGrantDeps, 'dpop'>,
  request: TokenRequest,
  client: AppRecord,
): Promise<CheckedDpopProof | undefined> {
  if (!isOrgServer(request.server) || !client.document.oauth.dpop_bound_access_tokens) return undefined;
  return checkDpopProof(deps.dpop, {
    header: request.dpop,
    method: 'POST',
    url: request.endpointUrl,
    requireNonce: true,
  });
}
