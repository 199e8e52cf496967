/**
 * Proofs made by `@okta/okta-sdk-nodejs` itself (its `src/dpop.js`, used in PrivateKey mode): the
 * first token request has no nonce, is answered `use_dpop_nonce`, and the retry with the nonce
 * passes; then its `/api/v1` proof (no nonce, `ath`, `htu` without the query) passes at the resource.
 * The SDK stamps `iat` from the real clock, so these checks run on the real clock too.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { checkDpopProof } from '../../../../../src-main/core/protocol/dpop/check-proof.js';
import { UseDpopNonce } from '../../../../../src-main/core/protocol/oauth-errors.js';
import { ORG, TOKEN_URL, dpopDeps, keyPair, refusal } from './dpop-fixture.js';

type GenerateDpopJwt = (
  request: { method: string; url: string } | null,
  client: { privateKey: string; baseUrl: string },
  accessToken?: string | null,
  nonce?: string | null,
) => Promise<string>;
const { generateDpopJwt } = createRequire(import.meta.url)('@okta/okta-sdk-nodejs/src/dpop.js') as {
  generateDpopJwt: GenerateDpopJwt;
};

describe('a proof made by @okta/okta-sdk-nodejs', () => {
  it('is accepted at the token endpoint after one use_dpop_nonce round, and at /api/v1 with its token', async () => {
    const { privateJwk } = await keyPair('RS256');
    const client = { privateKey: JSON.stringify({ ...privateJwk, alg: 'RS256', kid: 'sdk-key' }), baseUrl: ORG };
    const deps = dpopDeps(() => new Date());

    const first = await refusal(
      checkDpopProof(deps, {
        header: await generateDpopJwt(null, client),
        method: 'POST',
        url: TOKEN_URL,
        requireNonce: true,
      }),
    );
    expect(first).toBeInstanceOf(UseDpopNonce);
    const { nonce } = first as UseDpopNonce;

    const retried = await generateDpopJwt(null, client, null, nonce);
    const { jkt } = await checkDpopProof(deps, { header: retried, method: 'POST', url: TOKEN_URL, requireNonce: true });

    const accessToken = 'eyJraWQiOiJzZGsifQ.eyJjbmYiOnsiamt0IjoieCJ9fQ.c2ln';
    const url = `${ORG}/api/v1/users?limit=200`;
    const atApi = await generateDpopJwt({ method: 'GET', url }, client, accessToken);
    const checked = await checkDpopProof(deps, {
      header: atApi,
      method: 'GET',
      url,
      requireNonce: false,
      accessToken,
      boundJkt: jkt,
    });
    expect(checked.jkt).toBe(jkt);
  });
});
