/**
 * What a Token Preview found: the access token, both ID tokens and /userinfo with custom claims
 * highlighted, the policy decision for a chosen grant type, and the claims trace — or the OAuth
 * error a token request would get, beside the decision that led to it and the trace up to the
 * claim that failed.
 */
import type { ClaimsPreviewDto, PreviewGrantType } from '../../../src-main/contracts/index.js';
import { ClaimTrace } from '../events/claim-trace.js';
import { OAuthErrorFacts } from '../events/oauth-error-facts.js';
import { customClaimNames } from './payload-lines.js';
import { PolicyDecision } from './policy-decision.js';
import { TokenPayload } from './token-payload.js';

const NO_ID_TOKEN = 'Not issued: ID tokens and /userinfo need a user and the openid scope.';

export interface TokenPreviewResultProps {
  result: ClaimsPreviewDto;
  /** The grant type of the request `result` answers; absent = Any. */
  grantType: PreviewGrantType | undefined;
}

export function TokenPreviewResult({ result, grantType }: TokenPreviewResultProps) {
  return (
    <section className="card token-preview" aria-label="Token Preview result">
      {result.ok ? <Tokens result={result} /> : <PreviewFailure error={result.error} />}
      <PolicyDecision grantType={grantType} decision={result.decision} />
      <h3>Claims trace</h3>
      {result.trace.length > 0 ? (
        <ClaimTrace claims={result.trace} label="Claims trace" />
      ) : (
        <p className="empty">No claims were traced.</p>
      )}
    </section>
  );
}

function Tokens({ result }: { result: Extract<ClaimsPreviewDto, { ok: true }> }) {
  return (
    <>
      <p className="token-preview__legend">
        <mark className="custom-claim">custom claim</mark> a claim this server’s Claims put in the token
      </p>
      <div className="token-preview__payloads">
        <TokenPayload
          title="Access token"
          payload={result.accessToken}
          custom={customClaimNames(result.trace, 'access_token')}
          absent=""
        />
        <TokenPayload
          title="ID token"
          payload={result.idToken}
          custom={customClaimNames(result.trace, 'id_token', 'thin')}
          absent={NO_ID_TOKEN}
        />
        <TokenPayload
          title="ID token (response_type=id_token)"
          payload={result.idTokenFull}
          custom={customClaimNames(result.trace, 'id_token', 'full')}
          absent={NO_ID_TOKEN}
        />
        <TokenPayload
          title="Userinfo"
          payload={result.userinfo}
          custom={customClaimNames(result.trace, 'userinfo')}
          absent={NO_ID_TOKEN}
        />
      </div>
    </>
  );
}

function PreviewFailure({ error }: { error: Extract<ClaimsPreviewDto, { ok: false }>['error'] }) {
  return (
    <div role="alert">
      <p className="token-preview__failure">A token request with these choices would fail:</p>
      <OAuthErrorFacts error={error.error} description={error.error_description} detail={error.detail} />
    </div>
  );
}
