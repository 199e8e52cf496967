/**
 * The inspector slice against a fake API client: what it sends (empty optional fields left out),
 * openInInspector setting the input and inspecting, a newer inspection winning over a late one,
 * a failed call kept as the error, and Compare inspecting both tokens. Also Compare's claim diff,
 * the unsecured JWT of a preview payload and the inspector's addresses.
 */
import { describe, expect, it } from 'vitest';
import type { InspectTokenRequest, TokenInspectionDto } from '../../../src-main/contracts/inspect.js';
import type { ApiClient } from '../../../src-renderer/api/api-client.js';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { hrefOf, parseRoute } from '../../../src-renderer/app/routes.js';
import { diffClaims, diffSummary } from '../../../src-renderer/features/inspector/claim-diff.js';
import { expiryCountdown, relativeTime } from '../../../src-renderer/features/inspector/relative-time.js';
import { unsignedJwt } from '../../../src-renderer/features/inspector/unsigned-jwt.js';
import { createAppStore } from '../../../src-renderer/state/store.js';
import { memoryTokenStorage } from '../../../src-renderer/state/token-storage.js';

const fault = (message: string): TokenInspectionDto => ({ ok: false, fault: { code: 'not_json', message } });

function setup(answer: (body: InspectTokenRequest) => Promise<TokenInspectionDto>) {
  const sent: InspectTokenRequest[] = [];
  const api = {
    call: async (_route: unknown, _params: unknown, body: InspectTokenRequest) => {
      sent.push(body);
      return answer(body);
    },
    list: async () => [],
    stream: async () => undefined,
  } as unknown as ApiClient;
  return { sent, store: createAppStore({ api, tokenStorage: memoryTokenStorage('tok') }) };
}

describe('inspector slice', () => {
  it('sends the token and only the checks that were filled in', async () => {
    const { store, sent } = setup(async (body) => fault(`inspected ${body.token}`));
    store.getState().setInspectorInput({ token: 'a.b.c', nonce: 'n-1', key: '  ' });
    await store.getState().inspectToken();
    expect(sent).toEqual([{ token: 'a.b.c', nonce: 'n-1' }]);
    expect(store.getState().inspection).toEqual({ load: { status: 'ready' }, result: fault('inspected a.b.c') });
  });

  it('openInInspector replaces the input with the opened token and its nonce, and inspects it', async () => {
    const { store, sent } = setup(async () => fault('x'));
    store.getState().setInspectorInput({ token: 'old', key: '{"kty":"RSA"}', code: 'old-code' });
    await store
      .getState()
      .openInInspector({ token: 'id.token.sig', nonce: 'YsG76jo', runId: 'run1', label: 'Run 1: ID token' });
    expect(store.getState().inspectorInput).toEqual({
      token: 'id.token.sig',
      key: '',
      nonce: 'YsG76jo',
      accessToken: '',
      code: '',
      label: 'Run 1: ID token',
      runId: 'run1',
    });
    expect(sent).toEqual([{ token: 'id.token.sig', nonce: 'YsG76jo' }]);
  });

  it('keeps the newest inspection when an older answer arrives late', async () => {
    const pending: ((dto: TokenInspectionDto) => void)[] = [];
    const { store } = setup(() => new Promise((resolve) => pending.push(resolve)));
    store.getState().setInspectorInput({ token: 'first' });
    const first = store.getState().inspectToken();
    store.getState().setInspectorInput({ token: 'second' });
    const second = store.getState().inspectToken();
    pending[1]!(fault('second'));
    await second;
    pending[0]!(fault('first'));
    await first;
    expect(store.getState().inspection.result).toEqual(fault('second'));
  });

  it('keeps a failed call as the error', async () => {
    const { store } = setup(async () => {
      throw new ApiError(400, 'E0000001', 'Api validation failed: token', [
        { field: 'token', message: 'The field cannot be left blank' },
      ]);
    });
    await store.getState().inspectToken();
    expect(store.getState().inspection).toMatchObject({
      load: { status: 'error', error: { status: 400 } },
      result: null,
    });
  });

  it('compares: inspects both tokens', async () => {
    const { store, sent } = setup(async (body) => fault(body.token));
    store.getState().setCompareInput('left', 'L');
    store.getState().setCompareInput('right', 'R');
    await store.getState().compareTokens();
    expect(sent).toEqual([{ token: 'L' }, { token: 'R' }]);
    expect(store.getState().comparison).toEqual({ load: { status: 'ready' }, left: fault('L'), right: fault('R') });
  });
});

describe('claim diff', () => {
  it('marks claims added, removed, changed and the same', () => {
    const rows = diffClaims(
      { sub: 'a', scp: ['openid'], cid: 'c', gone: 1 },
      { sub: 'a', scp: ['openid', 'email'], cid: 'c', new: true },
    );
    expect(rows.map((r) => [r.name, r.change])).toEqual([
      ['sub', 'same'],
      ['scp', 'changed'],
      ['cid', 'same'],
      ['gone', 'removed'],
      ['new', 'added'],
    ]);
    expect(diffSummary(rows)).toBe('1 added, 1 removed, 1 changed');
    expect(diffSummary(diffClaims({ a: 1 }, { a: 1 }))).toBe('The two tokens carry the same claims.');
  });
});

describe('inspector helpers', () => {
  it('makes an unsecured JWT of a payload (RFC 7519 §6)', () => {
    const [header, payload, signature] = unsignedJwt({ sub: 'ü' }).split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({ alg: 'none', typ: 'JWT' });
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toEqual({ sub: 'ü' });
    expect(signature).toBe('');
  });

  it('says times relative to now, and counts down to exp', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    const seconds = now / 1000;
    expect(relativeTime(seconds + 3552, now)).toBe('in 59 minutes 12 seconds');
    expect(relativeTime(seconds - 180, now)).toBe('3 minutes ago');
    expect(expiryCountdown(seconds + 90061, now)).toBe('Expires in 1 day 1 hour');
    expect(expiryCountdown(seconds - 5, now)).toBe('Expired 5 seconds ago');
  });

  it('has the addresses #/token-inspector and #/token-inspector/compare', () => {
    expect(parseRoute('#/token-inspector')).toEqual({ page: 'token-inspector', view: 'inspect' });
    expect(parseRoute('#/token-inspector/compare')).toEqual({ page: 'token-inspector', view: 'compare' });
    expect(parseRoute('#/token-inspector/other')).toEqual({ page: 'token-inspector', view: 'inspect' });
    expect(hrefOf({ page: 'token-inspector', view: 'compare' })).toBe('#/token-inspector/compare');
    expect(hrefOf({ page: 'token-inspector', view: 'inspect' })).toBe('#/token-inspector');
  });
});
