/**
 * The request's own parameters, after the response type: `nonce` (OIDC Core §3.2.2.1, required
 * when tokens come back from /authorize, Okta "OpenID Connect & OAuth 2.0 API"), PKCE (RFC 7636 §4.3: S256 or plain,
 * plain when no method is given; required by apps with `pkce_required` or without a secret),
 * `prompt` (OIDC Core §3.1.2.1: none, login, consent; none alone) and `max_age`.
 */
import type { AppRecord } from '../../ports/apps.js';
import { InvalidRequest } from '../oauth-errors.js';
import { AUTHORIZE_TEXT } from './texts.js';
import type { CheckedRequest, ResponseTypeName } from './types.js';

const CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;
const PROMPTS = ['none', 'login', 'consent'];

export function checkNonce(params: Record<string, string>, types: ResponseTypeName[]): string | undefined {
  const nonce = params['nonce'];
  if (nonce === undefined && types.some((t) => t !== 'code')) {
    throw new InvalidRequest(AUTHORIZE_TEXT.nonceRequired, `response_type '${types.join(' ')}' needs a nonce`);
  }
  return nonce;
}

export function checkPkce(
  client: AppRecord,
  params: Record<string, string>,
  types: ResponseTypeName[],
): CheckedRequest['pkce'] {
  const challenge = params['code_challenge'];
  const method = params['code_challenge_method'];
  if (!types.includes('code')) return undefined;
  if (challenge === undefined) {
    const required = client.document.pkceRequired || client.authMethod === 'none';
    if (required)
      throw new InvalidRequest(
        AUTHORIZE_TEXT.pkceChallengeRequired,
        `the app ${client.id} requires PKCE (${client.authMethod === 'none' ? 'public client' : 'pkce_required'})`,
      );
    if (method !== undefined)
      throw new InvalidRequest(
        AUTHORIZE_TEXT.missing('code_challenge'),
        'code_challenge_method came without a code_challenge',
      );
    return undefined;
  }
  if (method !== undefined && method !== 'S256' && method !== 'plain') {
    throw new InvalidRequest(AUTHORIZE_TEXT.pkceMethodUnsupported, `code_challenge_method '${method}'`);
  }
  if (!CHALLENGE.test(challenge))
    throw new InvalidRequest(
      AUTHORIZE_TEXT.pkceChallengeInvalid,
      `code_challenge has ${challenge.length} characters or a character outside the allowed set`,
    );
  return { challenge, method: method === 'S256' ? 'S256' : 'plain' };
}

export function checkPrompt(params: Record<string, string>): Pick<CheckedRequest, 'prompt' | 'maxAge'> {
  const values = (params['prompt'] ?? '').split(' ').filter((v) => v !== '');
  const prompt = new Set(values);
  if (values.some((v) => !PROMPTS.includes(v)) || (prompt.has('none') && prompt.size > 1)) {
    throw new InvalidRequest(AUTHORIZE_TEXT.promptInvalid, `prompt '${params['prompt']}'`);
  }
  const raw = params['max_age'];
  if (raw === undefined) return { prompt, maxAge: undefined };
  if (!/^\d{1,10}$/.test(raw)) throw new InvalidRequest(AUTHORIZE_TEXT.maxAgeInvalid, `max_age '${raw}'`);
  return { prompt, maxAge: Number(raw) };
}
