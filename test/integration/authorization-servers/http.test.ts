/**
 * The management API at the HTTP level: what the SDK cannot show (missing token, malformed JSON,
 * wrong verbs, headers, status codes without bodies) and that refused writes leave nothing behind.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../support/app.js';
import type { TestApp } from '../../support/app.js';
import { expectOktaError } from '../../support/okta.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const valid = { name: 'orders', description: 'Orders API', audiences: ['api://orders'] };

async function serverCount(): Promise<number> {
  return ((await (await t.api('/api/v1/authorizationServers')).json()) as unknown[]).length;
}

describe('management API authentication', () => {
  it('refuses a request without Authorization with 403 E0000005', async () => {
    await expectOktaError(await fetch(`${t.origin}/api/v1/authorizationServers`), 403, 'E0000005');
  });

  it('refuses a wrong SSWS token and a non-SSWS scheme with 401 E0000011', async () => {
    await expectOktaError(
      await t.api('/api/v1/authorizationServers', { headers: { authorization: 'SSWS nope' } }),
      401,
      'E0000011',
    );
    await expectOktaError(
      await t.api('/api/v1/authorizationServers', { headers: { authorization: 'Bearer x' } }),
      401,
      'E0000011',
    );
  });
});

describe('management API bad input', () => {
  it('answers malformed JSON with 400 E0000003 and writes nothing', async () => {
    const before = await serverCount();
    await expectOktaError(
      await t.api('/api/v1/authorizationServers', { method: 'POST', body: '{"name": "x",' }),
      400,
      'E0000003',
    );
    expect(await serverCount()).toBe(before);
  });

  it('answers a non-JSON content type with 400 E0000003 naming Content-Type', async () => {
    const response = await t.api('/api/v1/authorizationServers', {
      method: 'POST',
      body: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    await expectOktaError(response, 400, 'E0000003', ['Content-Type: must be application/json']);
  });

  it.each([
    [{ ...valid, name: '' }, 'name: The field cannot be left blank'],
    [{ ...valid, name: 'x'.repeat(101) }, 'name: must be at most 100 characters'],
    [{ ...valid, description: undefined }, 'description: The field cannot be left blank'],
    [{ ...valid, audiences: 'api://x' }, 'audiences: must be an array of strings'],
    [{ ...valid, audiences: ['a', 'b'] }, 'audiences: exactly one audience is supported'],
    [{ ...valid, audiences: [''] }, 'audiences: an audience cannot be blank'],
    [{ ...valid, issuerMode: 'CUSTOM_URL' }, expect.stringMatching(/^issuerMode: CUSTOM_URL needs a custom domain/)],
    [{ ...valid, issuerMode: 'SOMETIMES' }, 'issuerMode: must be one of ORG_URL, CUSTOM_URL, DYNAMIC'],
    [
      { ...valid, credentials: { signing: { rotationMode: 'WEEKLY' } } },
      'credentials.signing.rotationMode: must be one of AUTO, MANUAL',
    ],
  ])('refuses %j with 400 E0000001 naming the field', async (body, cause) => {
    const before = await serverCount();
    const response = await t.api('/api/v1/authorizationServers', { method: 'POST', body: JSON.stringify(body) });
    const error = await expectOktaError(response, 400, 'E0000001');
    expect(error.errorCauses.map((c) => c.errorSummary)).toEqual([cause]);
    expect(await serverCount()).toBe(before);
  });

  it('refuses a body that is not an object', async () => {
    await expectOktaError(
      await t.api('/api/v1/authorizationServers', { method: 'POST', body: '[1]' }),
      400,
      'E0000001',
      ['body: must be a JSON object'],
    );
  });

  it('refuses a duplicate name on create and on replace', async () => {
    const first = (await (
      await t.api('/api/v1/authorizationServers', { method: 'POST', body: JSON.stringify({ ...valid, name: 'dup' }) })
    ).json()) as { id: string };
    const again = await t.api('/api/v1/authorizationServers', {
      method: 'POST',
      body: JSON.stringify({ ...valid, name: 'dup' }),
    });
    await expectOktaError(again, 400, 'E0000001', [
      'name: An object with this field already exists in the current organization',
    ]);
    const rename = await t.api(`/api/v1/authorizationServers/${first.id}`, {
      method: 'PUT',
      body: JSON.stringify({ ...valid, name: 'default' }),
    });
    await expectOktaError(rename, 400, 'E0000001', [
      'name: An object with this field already exists in the current organization',
    ]);
  });

  it('refuses an invalid replace and leaves the server as it was', async () => {
    const before = await (await t.api('/api/v1/authorizationServers/default')).json();
    await expectOktaError(
      await t.api('/api/v1/authorizationServers/default', { method: 'PUT', body: JSON.stringify({ name: 'x' }) }),
      400,
      'E0000001',
    );
    expect(await (await t.api('/api/v1/authorizationServers/default')).json()).toEqual(before);
  });

  it('refuses a bad limit with 400 E0000001 naming limit', async () => {
    for (const limit of ['0', 'abc', '1.5', '-3']) {
      await expectOktaError(await t.api(`/api/v1/authorizationServers?limit=${limit}`), 400, 'E0000001', [
        'limit: must be a whole number from 1 to 200',
      ]);
    }
  });

  it('refuses keyRotate with a use other than sig', async () => {
    const response = await t.api('/api/v1/authorizationServers/default/credentials/lifecycle/keyRotate', {
      method: 'POST',
      body: '{"use":"enc"}',
    });
    await expectOktaError(response, 400, 'E0000001', ["use: must be 'sig'"]);
  });

  it.each([
    ['GET', '/api/v1/authorizationServers/missing'],
    ['PUT', '/api/v1/authorizationServers/missing'],
    ['DELETE', '/api/v1/authorizationServers/missing'],
    ['POST', '/api/v1/authorizationServers/missing/lifecycle/activate'],
    ['POST', '/api/v1/authorizationServers/missing/lifecycle/deactivate'],
    ['GET', '/api/v1/authorizationServers/missing/credentials/keys'],
    ['POST', '/api/v1/authorizationServers/missing/credentials/lifecycle/keyRotate'],
  ])('%s %s on an unknown id gives 404 E0000007', async (method, path) => {
    const body = method === 'PUT' ? JSON.stringify(valid) : undefined;
    await expectOktaError(await t.api(path, { method, ...(body ? { body } : {}) }), 404, 'E0000007');
  });

  it('answers a verb the endpoint does not support with 405 E0000022', async () => {
    await expectOktaError(await t.api('/api/v1/authorizationServers', { method: 'DELETE' }), 405, 'E0000022');
    await expectOktaError(
      await t.api('/api/v1/authorizationServers/default/lifecycle/activate', { method: 'GET' }),
      405,
      'E0000022',
    );
  });

  it('answers an unknown management path with 404 E0000008', async () => {
    await expectOktaError(await t.api('/api/v1/nothing-here'), 404, 'E0000008');
  });
});

describe('management API responses', () => {
  it('sends Content-Type application/json on 2xx JSON and no body on 204', async () => {
    const created = await t.api('/api/v1/authorizationServers', {
      method: 'POST',
      body: JSON.stringify({ ...valid, name: 'ct' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/^application\/json/);
    const { id } = (await created.json()) as { id: string };
    for (const path of [`/api/v1/authorizationServers/${id}`, `/api/v1/authorizationServers/${id}/credentials/keys`]) {
      expect((await t.api(path)).headers.get('content-type')).toMatch(/^application\/json/);
    }
    const deactivated = await t.api(`/api/v1/authorizationServers/${id}/lifecycle/deactivate`, { method: 'POST' });
    expect(deactivated.status).toBe(204);
    expect(await deactivated.text()).toBe('');
    const deleted = await t.api(`/api/v1/authorizationServers/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
  });

  it('pages with absolute Link headers and no next on the last page', async () => {
    const first = await t.api('/api/v1/authorizationServers?limit=1');
    const links = first.headers.get('link') ?? '';
    expect(links).toContain(`<${t.origin}/api/v1/authorizationServers?limit=1>; rel="self"`);
    expect(links).toMatch(new RegExp(`<${t.origin}/api/v1/authorizationServers\\?after=default&limit=1>; rel="next"`));
    const all = await t.api('/api/v1/authorizationServers?limit=200');
    expect(all.headers.get('link')).not.toContain('rel="next"');
  });

  it('lists links with the verbs they allow, and activate only when inactive', async () => {
    const server = (await (await t.api('/api/v1/authorizationServers/default')).json()) as {
      _links: Record<string, unknown>;
    };
    expect(server._links['self']).toEqual({
      href: `${t.origin}/api/v1/authorizationServers/default`,
      hints: { allow: ['GET', 'DELETE', 'PUT'] },
    });
    expect(server._links['deactivate']).toBeDefined();
    expect(server._links['activate']).toBeUndefined();
    expect(server._links['metadata']).toEqual([
      {
        name: 'oauth-authorization-server',
        href: `${t.origin}/oauth2/default/.well-known/oauth-authorization-server`,
        hints: { allow: ['GET'] },
      },
      {
        name: 'openid-configuration',
        href: `${t.origin}/oauth2/default/.well-known/openid-configuration`,
        hints: { allow: ['GET'] },
      },
    ]);
  });

  it('sends no CORS headers from the management API', async () => {
    const preflight = await fetch(`${t.origin}/api/v1/authorizationServers`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://evil.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const get = await t.api('/api/v1/authorizationServers', { headers: { origin: 'http://evil.example' } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('key rotation', () => {
  it('two concurrent rotations apply one after the other, never from a stale key set', async () => {
    const { id } = (await (
      await t.api('/api/v1/authorizationServers', { method: 'POST', body: JSON.stringify({ ...valid, name: 'race' }) })
    ).json()) as { id: string };
    const path = `/api/v1/authorizationServers/${id}/credentials/lifecycle/keyRotate`;
    const initial = (await (await t.api(`/api/v1/authorizationServers/${id}/credentials/keys`)).json()) as {
      status: string;
      kid: string;
    }[];
    const [first, second] = await Promise.all([
      t.api(path, { method: 'POST', body: '{"use":"sig"}' }),
      t.api(path, { method: 'POST', body: '{"use":"sig"}' }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const keys = (await (await t.api(`/api/v1/authorizationServers/${id}/credentials/keys`)).json()) as {
      status: string;
      kid: string;
    }[];
    expect(keys.map((k) => k.status)).toEqual(['ACTIVE', 'NEXT', 'EXPIRED']);
    expect(new Set(keys.map((k) => k.kid)).size).toBe(3);
    // Two rotations from [A ACTIVE, B NEXT]: A is dropped, B expired, and two new keys follow.
    const [a, b] = [initial.find((k) => k.status === 'ACTIVE')!.kid, initial.find((k) => k.status === 'NEXT')!.kid];
    expect(keys.map((k) => k.kid)).not.toContain(a);
    expect(keys.find((k) => k.status === 'EXPIRED')?.kid).toBe(b);
  });
});

describe('host check', () => {
  const withHost = (host: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${t.origin}/oauth2/default/v1/keys`, { headers: { host } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers its own loopback host names', async () => {
    expect((await withHost(`127.0.0.1:${t.app.port}`)).status).toBe(200);
    expect((await withHost(`localhost:${t.app.port}`)).status).toBe(200);
  });

  it('refuses any other Host, which stops DNS rebinding', async () => {
    for (const host of ['evil.example', `evil.example:${t.app.port}`, `127.0.0.1:${t.app.port + 1}`]) {
      const answer = await withHost(host);
      expect(answer.status).toBe(421);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'invalid_host' });
    }
  });
});
