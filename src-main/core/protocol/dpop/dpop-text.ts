/**
 * What Okta answers to a refused DPoP proof. Texts found on Okta's own pages are marked with the
 * page; where Okta publishes none, the text follows the pattern of its `'htu'` answer and the check
 * follows RFC 9449 §4.3 (the step is named next to the text).
 */
export const DPOP_TEXT = {
  /** Okta support article "The DPoP Proof JWT Header Is Missing"; Okta blog "Secure OAuth 2.0 Access Tokens with Proofs of Possession". */
  missing: 'The DPoP proof JWT header is missing.',
  /** `use_dpop_nonce` with a `DPoP-Nonce` header: same blog post; Okta developer forum "Client Credentials OAuth for Okta with DPoP enabled". */
  nonceRequired: 'Authorization server requires nonce in DPoP proof.',
  /** Resource answer (`WWW-Authenticate: DPoP … error="invalid_dpop_proof"`): same blog post; okta/okta-sdk-nodejs issue "invalid_dpop_proof: 'htu' claim …". */
  htu: "'htu' claim in the DPoP proof JWT is invalid.",
  /** A replayed proof at `/api/v1`: same blog post. */
  replayed: 'The DPoP proof JWT has already been used.',
  /** Okta's `/oauth2/v1/userinfo` answer, as okta/okta-auth-js parses it in its WWW-Authenticate tests. */
  ath: "'ath' claim in the DPoP proof does not match the presented access_token.",
  /** `invalid_request` with the Bearer scheme when a DPoP-bound token comes without a proof: same blog post. */
  proofRequired: 'The resource request requires a DPoP proof.',

  // Okta publishes no text for these; RFC 9449 §4.3 step in brackets.
  /** [step 1] more than one `DPoP` header. */
  multiple: 'Only one DPoP proof JWT header is allowed.',
  /** [step 2] not a compact JWS with JSON header and claims. */
  malformed: 'The DPoP proof JWT is malformed.',
  /** [step 4] */
  typ: "'typ' header in the DPoP proof JWT is invalid.",
  /** [step 5] */
  alg: "'alg' header in the DPoP proof JWT is invalid.",
  /** [step 7] missing, not an asymmetric key, or a private key. */
  jwk: "'jwk' header in the DPoP proof JWT is invalid.",
  /** [step 6] */
  signature: 'The DPoP proof JWT signature is invalid.',
  /** [step 8] */
  htm: "'htm' claim in the DPoP proof JWT is invalid.",
  /** [step 11] outside the accepted window. */
  iat: "'iat' claim in the DPoP proof JWT is invalid.",
  /** [step 3] */
  jti: "'jti' claim in the DPoP proof JWT is invalid.",
  /** [step 10] a nonce this server did not issue or that has rotated out (answered with use_dpop_nonce). */
  nonce: "'nonce' claim in the DPoP proof JWT is invalid.",
  /** RFC 9449 §7.1: the proof's key is not the one the access token is bound to (`cnf.jkt`). */
  jkt: "'jwk' header in the DPoP proof JWT does not match the access token.",
  /** RFC 9449 §5: a public client's refresh token refreshed with a proof of another key. */
  refreshJkt: "'jwk' header in the DPoP proof JWT does not match the refresh token.",
} as const;

/**
 * The signing algorithms Okta accepts for proofs, in its order: the `algs` of its
 * `WWW-Authenticate: DPoP` answers and `dpop_signing_alg_values_supported` of its metadata.
 */
export const DPOP_ALGS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'] as const;
