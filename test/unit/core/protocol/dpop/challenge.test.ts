import { describe, expect, it } from 'vitest';
import { dpopChallenge } from '../../../../../src-main/core/protocol/dpop/challenge.js';
import { DPOP_TEXT } from '../../../../../src-main/core/protocol/dpop/dpop-text.js';
import { InvalidDpopProof } from '../../../../../src-main/core/protocol/oauth-errors.js';

describe('dpopChallenge', () => {
  it("writes Okta's WWW-Authenticate answer to a proof for another URL", () => {
    const header = dpopChallenge(
      { realm: 'http://127.0.0.1:8080', scope: 'okta.users.read', resource: '/api/v1/users' },
      new InvalidDpopProof(DPOP_TEXT.htu),
    );
    expect(header).toBe(
      'DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", authorization_uri="http://127.0.0.1:8080/oauth2/v1/authorize", ' +
        'realm="http://127.0.0.1:8080", scope="okta.users.read", error="invalid_dpop_proof", ' +
        `error_description="'htu' claim in the DPoP proof JWT is invalid.", resource="/api/v1/users"`,
    );
  });

  it('leaves out what is not given and escapes quotes', () => {
    expect(dpopChallenge({ realm: 'http://a"b' })).toBe(
      'DPoP algs="RS256 RS384 RS512 ES256 ES384 ES512", authorization_uri="http://a\\"b/oauth2/v1/authorize", realm="http://a\\"b"',
    );
  });
});
