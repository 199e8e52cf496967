/**
 * The runner's request building (authorize URL with PKCE, the token request's client authentication)
 * and callback parsing (query, fragment, form_post), with the exact strings a relying party sends.
 */
import { describe, expect, it } from 'vitest';
import type { RunParams } from '../../../../src-main/contracts/flow-run.js';
import { nodeCrypto } from '../../../../src-main/app/node-crypto.js';
import { defaultResponseMode, parseCallback } from '../../../../src-main/core/runner/callback.js';
import { formDecode, formEncode } from '../../../../src-main/core/runner/form.js';
import { mask, maskExchange } from '../../../../src-main/core/runner/masking.js';
import { authorizeUrl, clientFormPost, codeChallenge } from '../../../../src-main/core/runner/requests.js';

const params: RunParams = {
  scopes: ['openid', 'profile'],
  state: 'WM6D',
  nonce: 'YsG76jo',
  clientAuth: 'none',
  redirectUri: 'http://127.0.0.1:7420/flow-runner/callback',
};

describe('authorize URL', () => {
  it('carries every parameter the run sets, form-encoded', () => {
    const url = authorizeUrl({
      authorizationEndpoint: 'http://127.0.0.1:7420/oauth2/default/v1/authorize',
      clientId: '0oa1',
      params: { ...params, prompt: 'login', maxAge: 0, loginHint: 'ada@example.com', responseMode: 'form_post' },
      responseType: 'id_token token',
    });
    expect(url).toBe(
      'http://127.0.0.1:7420/oauth2/default/v1/authorize?client_id=0oa1&response_type=id_token+token&scope=openid+profile' +
        '&redirect_uri=http%3A%2F%2F127.0.0.1%3A7420%2Fflow-runner%2Fcallback&state=WM6D&nonce=YsG76jo' +
        '&response_mode=form_post&prompt=login&max_age=0&login_hint=ada%40example.com',
    );
  });

  it('adds the PKCE challenge and its method', () => {
    const url = authorizeUrl({
      authorizationEndpoint: 'https://issuer/authorize',
      clientId: 'c',
      params: { ...params, pkceMethod: 'plain' },
      responseType: 'code',
      codeChallenge: 'abc',
    });
    expect(new URL(url).searchParams.get('code_challenge')).toBe('abc');
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('plain');
  });

  it('computes the S256 challenge of RFC 7636 appendix B, and plain as the verifier', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(codeChallenge(nodeCrypto, verifier, 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(codeChallenge(nodeCrypto, verifier, 'plain')).toBe(verifier);
  });
});

describe('token request client authentication', () => {
  const form = { grant_type: 'client_credentials', scope: 'orders:read' };

  it('client_secret_basic form-encodes the id and secret before Basic (RFC 6749 §2.3.1)', () => {
    const request = clientFormPost('https://issuer/token', form, {
      clientId: 'my client',
      clientSecret: 's3cr:t',
      method: 'client_secret_basic',
    });
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('my+client:s3cr%3At').toString('base64')}`);
    expect(request.body).toBe('grant_type=client_credentials&scope=orders%3Aread');
  });

  it('client_secret_post puts both in the body; none sends only client_id', () => {
    const post = clientFormPost('https://issuer/token', form, {
      clientId: 'c',
      clientSecret: 's',
      method: 'client_secret_post',
    });
    expect(post.headers.authorization).toBeUndefined();
    expect(formDecode(post.body!)).toEqual({ ...form, client_id: 'c', client_secret: 's' });
    const none = clientFormPost('https://issuer/token', form, { clientId: 'c', clientSecret: null, method: 'none' });
    expect(formDecode(none.body!)).toEqual({ ...form, client_id: 'c' });
  });
});

describe('callback parsing', () => {
  it('reads the query of a code response', () => {
    expect(parseCallback({ url: 'http://127.0.0.1/flow-runner/callback?code=abc&state=WM6D' })).toEqual({
      source: 'query',
      params: { code: 'abc', state: 'WM6D' },
    });
  });

  it('reads the fragment of an implicit response before the query', () => {
    expect(parseCallback({ url: 'http://h/cb?x=1#id_token=a.b.c&state=WM6D&scope=openid+profile' })).toEqual({
      source: 'fragment',
      params: { id_token: 'a.b.c', state: 'WM6D', scope: 'openid profile' },
    });
  });

  it('takes the fields of a form_post as they are', () => {
    expect(parseCallback({ form: { code: 'abc', state: 's' } })).toEqual({
      source: 'form_post',
      params: { code: 'abc', state: 's' },
    });
  });

  it('names the fault of a URL that is not absolute or carries nothing', () => {
    expect(() => parseCallback({ url: '/cb?code=1' })).toThrow("the callback URL '/cb?code=1' is not an absolute URL");
    expect(() => parseCallback({ url: 'http://h/cb' })).toThrow(
      'the callback URL carries no parameters in its query or fragment',
    );
  });

  it('defaults to query for code and fragment for every response type with a token', () => {
    expect(defaultResponseMode('code')).toBe('query');
    expect(defaultResponseMode('id_token')).toBe('fragment');
    expect(defaultResponseMode('code id_token')).toBe('fragment');
  });

  it('round-trips form encoding, keeping a malformed escape as written', () => {
    expect(formDecode(formEncode({ a: 'x y&z', 'b c': '%' }))).toEqual({ a: 'x y&z', 'b c': '%' });
    expect(formDecode('a=%E0%A4%A&b')).toEqual({ a: '%E0%A4%A', b: '' });
  });
});

describe('masking', () => {
  it('masks secrets in headers, bodies, URLs and JSON answers, and leaves the rest', () => {
    const masked = maskExchange({
      request: {
        method: 'POST',
        url: 'http://h/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=WM6D',
        headers: { authorization: 'Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW' },
        body: 'grant_type=password&username=ada&password=Correct-Horse-9',
      },
      response: { status: 200, headers: {}, body: '{"access_token":"eyJhbGciOi.x.y","token_type":"Bearer"}' },
    });
    expect(masked.request.url).toBe('http://h/cb?code=Splx••••••&state=WM6D');
    expect(masked.request.headers.authorization).toBe('Basic ••••••');
    expect(formDecode(masked.request.body!)).toEqual({
      grant_type: 'password',
      username: 'ada',
      password: 'Corr••••••',
    });
    expect(JSON.parse(masked.response!.body)).toEqual({ access_token: 'eyJh••••••', token_type: 'Bearer' });
    expect(mask('short')).toBe('••••••');
  });
});
