import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-renderer/api/api-error.js';
import { AuthboxClient, nextLink } from '../../../src-renderer/api/authbox-client.js';
import type { ClaimWrite } from '../../../src-renderer/api/api-client.js';
import { routes } from '../../../src-main/contracts/routes.js';

interface Sent {
  url: string;
  init: RequestInit;
}

function client(responses: Response[], token: string | null = 'tok-123') {
  const sent: Sent[] = [];
  const api = new AuthboxClient({
    baseUrl: 'http://127.0.0.1:7420',
    getToken: () => token,
    fetch: async (url, init) => {
      sent.push({ url, init });
      const response = responses.shift();
      if (!response) throw new Error('no more responses');
      return response;
    },
  });
  return { api, sent };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('AuthboxClient', () => {
  it('sends the admin token as SSWS and JSON bodies with their content type', async () => {
    const { api, sent } = client([json(201, { id: 'aus1' })]);
    await api.call(
      routes.createServer,
      {},
      {
        name: 'A',
        description: 'B',
        audiences: ['api://a'],
        issuerMode: 'ORG_URL',
        credentials: { signing: { rotationMode: 'AUTO' } },
      },
    );
    const headers = sent[0]!.init.headers as Record<string, string>;
    expect(sent[0]!.url).toBe('http://127.0.0.1:7420/api/v1/authorizationServers');
    expect(sent[0]!.init.method).toBe('POST');
    expect(headers['authorization']).toBe('SSWS tok-123');
    expect(headers['content-type']).toBe('application/json');
    expect(JSON.parse(String(sent[0]!.init.body))).toMatchObject({ name: 'A', audiences: ['api://a'] });
  });

  it('sends no Authorization header without a token', async () => {
    const { api, sent } = client([json(200, [])], null);
    await api.list(routes.listServers, {});
    expect((sent[0]!.init.headers as Record<string, string>)['authorization']).toBeUndefined();
  });

  it('follows rel="next" links until the last page', async () => {
    const { api, sent } = client([
      json(200, [{ id: 'a' }], {
        link: '<http://127.0.0.1:7420/api/v1/authorizationServers?limit=200>; rel="self", <http://127.0.0.1:7420/api/v1/authorizationServers?after=a&limit=200>; rel="next"',
      }),
      json(200, [{ id: 'b' }], {
        link: '<http://127.0.0.1:7420/api/v1/authorizationServers?after=a&limit=200>; rel="self"',
      }),
    ]);
    const servers = await api.list(routes.listServers, {});
    expect(servers.map((s) => s.id)).toEqual(['a', 'b']);
    expect(sent.map((s) => s.url)).toEqual([
      'http://127.0.0.1:7420/api/v1/authorizationServers?limit=200',
      'http://127.0.0.1:7420/api/v1/authorizationServers?after=a&limit=200',
    ]);
  });

  it('accepts 204 without a body for lifecycle calls and encodes the id', async () => {
    const { api, sent } = client([new Response(null, { status: 204 })]);
    await expect(api.call(routes.deactivateServer, { id: 'a/b' })).resolves.toBeUndefined();
    expect(sent[0]!.url).toBe('http://127.0.0.1:7420/api/v1/authorizationServers/a%2Fb/lifecycle/deactivate');
  });

  it('asks for a signing key rotation with {"use":"sig"}', async () => {
    const { api, sent } = client([json(200, [])]);
    await api.call(routes.rotateKeys, { id: 'default' }, { use: 'sig' });
    expect(sent[0]!.url).toBe(
      'http://127.0.0.1:7420/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate',
    );
    expect(sent[0]!.init.body).toBe('{"use":"sig"}');
  });

  it('lists every page of claims, scopes, users and apps, 200 at a time', async () => {
    const { api, sent } = client([json(200, []), json(200, []), json(200, []), json(200, [])]);
    await api.list(routes.listClaims, { id: 'aus 1' });
    await api.list(routes.listScopes, { id: 'default' });
    await api.list(routes.listUsers, {});
    await api.list(routes.listApps, {});
    expect(sent.map((s) => s.url)).toEqual([
      'http://127.0.0.1:7420/api/v1/authorizationServers/aus%201/claims?limit=200',
      'http://127.0.0.1:7420/api/v1/authorizationServers/default/scopes?limit=200',
      'http://127.0.0.1:7420/api/v1/users?limit=200',
      'http://127.0.0.1:7420/api/v1/apps?limit=200',
    ]);
  });

  it('creates with POST, replaces with PUT and deletes a claim (204)', async () => {
    const { api, sent } = client([
      json(201, { id: 'ocl1' }),
      json(200, { id: 'ocl1' }),
      new Response(null, { status: 204 }),
    ]);
    const body: ClaimWrite = {
      name: 'dept',
      status: 'ACTIVE',
      claimType: 'RESOURCE',
      valueType: 'EXPRESSION',
      value: 'user.department',
      alwaysIncludeInToken: true,
      conditions: { scopes: [] },
    };
    await api.call(routes.createClaim, { id: 'default' }, body);
    await api.call(routes.replaceClaim, { id: 'default', claimId: 'ocl1' }, body);
    await expect(api.call(routes.deleteClaim, { id: 'default', claimId: 'ocl1' })).resolves.toBeUndefined();
    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual([
      'POST http://127.0.0.1:7420/api/v1/authorizationServers/default/claims',
      'PUT http://127.0.0.1:7420/api/v1/authorizationServers/default/claims/ocl1',
      'DELETE http://127.0.0.1:7420/api/v1/authorizationServers/default/claims/ocl1',
    ]);
    expect(JSON.parse(String(sent[1]!.init.body))).toEqual(body);
  });

  it('posts the previews to the sandbox API', async () => {
    const { api, sent } = client([
      json(200, { ok: true, value: 'Alice' }),
      json(200, { ok: false, error: {}, trace: [] }),
    ]);
    const subject = { userId: '00u1', appId: '0oa1', scopes: ['openid'] };
    expect(await api.call(routes.previewExpression, {}, { ...subject, expression: 'user.firstName' })).toEqual({
      ok: true,
      value: 'Alice',
    });
    await api.call(routes.previewClaims, { serverId: 'aus/1' }, subject);
    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual([
      'POST http://127.0.0.1:7420/api/sandbox/v1/expressions/evaluate',
      'POST http://127.0.0.1:7420/api/sandbox/v1/authorizationServers/aus%2F1/claims/preview',
    ]);
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ ...subject, expression: 'user.firstName' });
    expect(JSON.parse(String(sent[1]!.init.body))).toEqual(subject);
  });

  it('posts an expression check to the sandbox API, with only the expression', async () => {
    const fault = {
      ok: false,
      error: {
        code: 'EL_SYNTAX',
        message: "expected an expression after '+' at column 16",
        span: { start: 15, end: 16 },
      },
    };
    const { api, sent } = client([json(200, fault)]);
    expect(await api.call(routes.checkExpression, {}, { expression: 'user.firstName +' })).toEqual(fault);
    expect(sent.map((s) => `${s.init.method} ${s.url}`)).toEqual([
      'POST http://127.0.0.1:7420/api/sandbox/v1/expressions/check',
    ]);
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ expression: 'user.firstName +' });
  });

  it('sends a write with its body and its query, as the route map types them', async () => {
    const { api, sent } = client([json(200, { id: '00u1' })]);
    const profile = { login: 'ada@example.com', email: 'ada@example.com' };
    await api.call(routes.createUser, {}, { profile }, { activate: false });
    expect(`${sent[0]!.init.method} ${sent[0]!.url}`).toBe('POST http://127.0.0.1:7420/api/v1/users?activate=false');
    expect(JSON.parse(String(sent[0]!.init.body))).toEqual({ profile });
  });

  it('throws an ApiError carrying the Okta error of a failed call', async () => {
    const { api } = client([
      json(401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorCauses: [] }),
    ]);
    const error = await api.list(routes.listServers, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'E0000011',
      summary: 'Invalid token provided',
      isAuthFailure: true,
    });
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    const { api } = client([]);
    await expect(api.call(routes.getServer, { id: 'default' })).rejects.toMatchObject({ status: 0 });
  });
});

describe('nextLink', () => {
  it('finds rel="next" and nothing else', () => {
    expect(nextLink('<http://x/a>; rel="self", <http://x/b>; rel="next"')).toBe('http://x/b');
    expect(nextLink('<http://x/a>; rel="self"')).toBeNull();
    expect(nextLink(null)).toBeNull();
  });

  it('lists events with only the filters that are set', async () => {
    const { api, sent } = client([json(200, [])]);
    await api.call(routes.listEvents, {}, { serverId: 'aus1', endpoint: '', outcome: 'failure', limit: 50 });
    expect(sent[0]!.url).toBe('http://127.0.0.1:7420/api/sandbox/v1/events?serverId=aus1&outcome=failure&limit=50');
  });

  it('streams events with the SSWS token, parsing SSE across chunks, until the server ends it', async () => {
    const chunks = [
      'id: evt1\nevent: protocol\ndata: {"id":"ev',
      't1"}\n\n: keep-alive\n\n',
      'id: evt2\nevent: protocol\ndata: {"id":"evt2"}\n\n',
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const { api, sent } = client([
      new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    ]);
    const received: string[] = [];
    let opened = false;
    await api.stream(
      routes.streamEvents,
      {},
      {
        query: { after: 'evt0' },
        signal: new AbortController().signal,
        onOpen: () => (opened = true),
        onMessage: (e) => received.push(e.id),
      },
    );
    expect(opened).toBe(true);
    expect(received).toEqual(['evt1', 'evt2']);
    expect(sent[0]!.url).toBe('http://127.0.0.1:7420/api/sandbox/v1/events/stream?after=evt0');
    expect((sent[0]!.init.headers as Record<string, string>)['authorization']).toBe('SSWS tok-123');
  });

  it('rejects a refused stream with the Okta error, and resolves quietly when aborted', async () => {
    const refused = client([json(401, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' })]);
    await expect(
      refused.api.stream(routes.streamEvents, {}, { signal: new AbortController().signal, onMessage: () => undefined }),
    ).rejects.toMatchObject({ status: 401, errorCode: 'E0000011' });

    const controller = new AbortController();
    const aborting = new AuthboxClient({
      getToken: () => 'tok',
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    });
    const streaming = aborting.stream(
      routes.streamEvents,
      {},
      { signal: controller.signal, onMessage: () => undefined },
    );
    controller.abort();
    await expect(streaming).resolves.toBeUndefined();
  });
});
