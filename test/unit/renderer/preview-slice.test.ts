import { describe, expect, it } from 'vitest';
import type { ClaimsPreviewDto } from '../../../src-main/contracts/index.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';
import { FakeApi, invalidToken } from './fake-api.js';

function setup() {
  const api = new FakeApi();
  return { api, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

const accessTokenWith = (claims: Record<string, unknown>): ClaimsPreviewDto => ({
  ok: true,
  accessToken: claims,
  idToken: null,
  idTokenFull: null,
  userinfo: null,
  trace: [],
});

describe('preview slice', () => {
  it('loads the users and apps a preview can be for, together', async () => {
    const { store, api } = setup();
    await store.getState().loadPreviewSubjects();
    expect(store.getState().previewSubjects.status).toBe('ready');
    expect(store.getState().previewUsers.map((u) => u.profile.login)).toEqual(['alice@example.com']);
    expect(store.getState().previewApps.map((a) => a.label)).toEqual(['Orders SPA']);
    expect(api.calls).toEqual(['listUsers', 'listApps']);
  });

  it('keeps the error when either list fails', async () => {
    const { store, api } = setup();
    api.failNext = invalidToken();
    await store.getState().loadPreviewSubjects();
    expect(store.getState().previewSubjects).toMatchObject({ status: 'error', error: { status: 401 } });
  });

  it('evaluates an expression: the value, the expression error as an answer, or the failed call', async () => {
    const { store, api } = setup();
    api.evaluate = ({ expression }) =>
      expression === 'user.firstName'
        ? { ok: true, value: 'Alice' }
        : { ok: false, error: { code: 'EL_SYNTAX', message: 'at column 16', span: { start: 15, end: 16 } } };
    const subject = { userId: '00uALICE', appId: '0oaSPA', scopes: ['openid'] };
    expect(await store.getState().evaluateExpression({ ...subject, expression: 'user.firstName' })).toEqual({
      ok: true,
      preview: { ok: true, value: 'Alice' },
    });
    expect(await store.getState().evaluateExpression({ ...subject, expression: 'user.firstName +' })).toMatchObject({
      ok: true,
      preview: { ok: false, error: { span: { start: 15, end: 16 } } },
    });
    api.failNext = invalidToken();
    expect(await store.getState().evaluateExpression({ ...subject, expression: 'x' })).toMatchObject({
      ok: false,
      error: { status: 401 },
    });
  });

  it('checks an expression: fine, its fault with the span, or the failed call', async () => {
    const { store, api } = setup();
    api.expressionCheck = (expression) =>
      expression.endsWith('+')
        ? {
            ok: false,
            error: {
              code: 'EL_SYNTAX',
              message: "expected an expression after '+' at column 16",
              span: { start: 15, end: 16 },
            },
          }
        : { ok: true };
    expect(await store.getState().checkExpression('user.firstName')).toEqual({ ok: true, check: { ok: true } });
    expect(await store.getState().checkExpression('user.firstName +')).toEqual({
      ok: true,
      check: {
        ok: false,
        error: {
          code: 'EL_SYNTAX',
          message: "expected an expression after '+' at column 16",
          span: { start: 15, end: 16 },
        },
      },
    });
    api.failNext = invalidToken();
    expect(await store.getState().checkExpression('x')).toMatchObject({ ok: false, error: { status: 401 } });
    expect(store.getState().tokenProblem).toBe('Invalid token provided');
    expect(api.sent.map((s) => `${s.route} ${JSON.stringify(s.body)}`)).toEqual([
      'checkExpression {"expression":"user.firstName"}',
      'checkExpression {"expression":"user.firstName +"}',
      'checkExpression {"expression":"x"}',
    ]);
  });

  it('previews a server’s tokens and keeps the answer per server', async () => {
    const { store, api } = setup();
    api.preview = (_serverId, request) => accessTokenWith({ scp: request.scopes });
    const previewing = store.getState().previewTokens('default', { userId: null, appId: '0oaSPA', scopes: ['openid'] });
    expect(store.getState().tokenPreviews['default']?.load.status).toBe('loading');
    await previewing;
    expect(store.getState().tokenPreviews['default']).toEqual({
      request: { userId: null, appId: '0oaSPA', scopes: ['openid'] },
      load: { status: 'ready' },
      result: accessTokenWith({ scp: ['openid'] }),
      resultFor: { userId: null, appId: '0oaSPA', scopes: ['openid'] },
    });
  });

  it('sends the grant type and keeps a refusal’s decision with the request it answers', async () => {
    const { store, api } = setup();
    const decision = {
      policies: [{ id: '00p1', name: 'Services', priority: 1, outcome: 'matched' as const, rules: [] }],
    };
    const refusal: ClaimsPreviewDto = {
      ok: false,
      error: { error: 'access_denied', error_description: 'Policy evaluation failed', detail: '' },
      trace: [],
      decision,
    };
    const sent: unknown[] = [];
    api.preview = (_serverId, request) => (sent.push(request), refusal);
    const request = {
      userId: '00uALICE',
      appId: '0oaSPA',
      scopes: ['openid'],
      grantType: 'authorization_code' as const,
    };
    await store.getState().previewTokens('default', request);
    expect(sent).toEqual([request]);
    expect(store.getState().tokenPreviews['default']).toMatchObject({
      load: { status: 'ready' },
      result: { ok: false, decision },
      resultFor: request,
    });
  });

  it('keeps the last answer and the request it answers while a newer one is on its way', async () => {
    const { store, api } = setup();
    const first = { appId: '0oaSPA', scopes: ['openid'], grantType: 'authorization_code' as const };
    await store.getState().previewTokens('default', first);
    api.hold.previewClaims = () => new Promise(() => {});
    void store.getState().previewTokens('default', { appId: '0oaSPA', scopes: ['openid'] });
    expect(store.getState().tokenPreviews['default']).toMatchObject({
      load: { status: 'loading' },
      request: { scopes: ['openid'] },
      resultFor: first,
    });
    expect(store.getState().tokenPreviews['default']?.request).not.toHaveProperty('grantType');
  });

  it('keeps only the newest answer when two previews race', async () => {
    const { store, api } = setup();
    const releases: (() => void)[] = [];
    api.hold.previewClaims = () => new Promise((resolve) => releases.push(resolve));
    api.preview = (_serverId, request) => accessTokenWith({ scp: request.scopes });
    const first = store.getState().previewTokens('default', { appId: '0oaSPA', scopes: ['first'] });
    const second = store.getState().previewTokens('default', { appId: '0oaSPA', scopes: ['second'] });
    releases[1]!();
    await second;
    releases[0]!();
    await first;
    expect(store.getState().tokenPreviews['default']?.result).toEqual(accessTokenWith({ scp: ['second'] }));
  });

  it('records a failed preview call (unknown server) as an error', async () => {
    const { store } = setup();
    await store.getState().previewTokens('nope', { appId: '0oaSPA', scopes: [] });
    expect(store.getState().tokenPreviews['nope']).toMatchObject({
      load: { status: 'error', error: { status: 404 } },
      result: null,
      resultFor: null,
    });
  });
});
